/**
 * Calendar arithmetic on plain dates. A date is a day number (days since 1970-01-01) so that
 * "today + 14" is exact and free of time zones; `today` is already a Shanghai calendar date.
 */
const DAY_MS = 86_400_000;

export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new Error(`日期格式应为 YYYY-MM-DD：${text} / date must be YYYY-MM-DD: ${text}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const day = Math.round(ms / DAY_MS);
  if (formatDay(day) !== text) throw new Error(`无效日期：${text} / invalid date: ${text}`);
  return day;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC of the day: how Prisma reads and writes a `@db.Date` column. */
export function dayToDate(day: number): Date {
  return new Date(day * DAY_MS);
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function dayOf(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / DAY_MS);
}

export interface Quarter {
  year: number;
  quarter: number;
}

export function quarterOf(day: number): Quarter {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

export function quarterStart(q: Quarter): number {
  return dayOf(q.year, (q.quarter - 1) * 3 + 1, 1);
}

/** Last day of the quarter. */
export function quarterEnd(q: Quarter): number {
  return quarterStart(nextQuarter(q)) - 1;
}

export function nextQuarter(q: Quarter): Quarter {
  return q.quarter === 4 ? { year: q.year + 1, quarter: 1 } : { year: q.year, quarter: q.quarter + 1 };
}

export function prevQuarter(q: Quarter): Quarter {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

export function quarterIndex(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

/** The last quarter that has ended before `today`. */
export function lastEndedQuarter(today: number): Quarter {
  return prevQuarter(quarterOf(today));
}

/**
 * A Shanghai wall-clock time on a day as an ISO instant (UTC+8, no daylight saving).
 * `hour` 8..23 keeps the UTC date equal to the local date.
 */
export function shanghaiInstant(day: number, hour: number, minute: number): string {
  return new Date(day * DAY_MS + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();
}
