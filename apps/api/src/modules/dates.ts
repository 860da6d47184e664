/** DATE columns come back from Prisma as UTC midnights; the API speaks YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
export function isoDateOrNull(date: Date | null): string | null {
  return date ? isoDate(date) : null;
}
export function dateColumn(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}
