/**
 * A task code as a pattern would write it, by plain token replacement: {list}, {year}, {seq} and
 * {seq:N} (padded to N digits). Only for showing an example — the server checks the pattern.
 */
export function exampleCode(pattern: string, parts: { prefix: string; year: number; seq: number }): string {
  return pattern.replace(/\{\s*(list|year|seq)(?::(\d+))?\s*\}/g, (whole, token: string, width?: string) => {
    if (token === 'list') return width === undefined ? parts.prefix : whole;
    if (token === 'year') return width === undefined ? String(parts.year) : whole;
    return String(parts.seq).padStart(width === undefined ? 0 : Math.min(Number(width), 9), '0');
  });
}
