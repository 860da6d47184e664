import { addDays, quarterEnd, quarterStart, type IsoDate, type Quarter } from '../calendar.ts';

/** A period the figures are counted for: one quarter, or a year to date (`quarter` null). */
export interface Period {
  /** `2026-Q3` or `2026-YTD`: the `period` of the drill-down link. */
  key: string;
  label: string;
  year: number;
  quarter: number | null;
  from: IsoDate;
  to: IsoDate;
  /**
   * The last whole day counted: the period's end, or yesterday within the running period (a
   * milestone due today is not late before the day is over). Before `from` nothing is due yet.
   */
  asOf: IsoDate;
}

/** The period of a quarter (or, with `quarter` null, of the year to date) as seen on `today`. */
export function periodOf(year: number, quarter: number | null, today: IsoDate): Period {
  const from = quarter === null ? `${year}-01-01` : quarterStart({ year, quarter: quarter as Quarter['quarter'] });
  const to = quarter === null ? `${year}-12-31` : quarterEnd({ year, quarter: quarter as Quarter['quarter'] });
  const yesterday = addDays(today, -1);
  return {
    key: quarter === null ? `${year}-YTD` : `${year}-Q${quarter}`,
    label: quarter === null ? `${year}年（截至目前）` : `${year}年第${'一二三四'[quarter - 1]}季度`,
    year,
    quarter,
    from,
    to,
    asOf: yesterday < to ? yesterday : to,
  };
}

/** `2026-Q3` → { year: 2026, quarter: 3 }; `2026-YTD` → { year: 2026, quarter: null }; anything else null. */
export function parsePeriodKey(key: string): { year: number; quarter: number | null } | null {
  const match = /^(\d{4})-(?:Q([1-4])|YTD)$/.exec(key);
  if (!match) return null;
  return { year: Number(match[1]), quarter: match[2] ? Number(match[2]) : null };
}

/** The period a figure's change is measured against: the quarter before, or the previous year to date. */
export function previousPeriodOf(period: Period, today: IsoDate): Period {
  if (period.quarter === null) return periodOf(period.year - 1, null, today);
  const previous = period.quarter === 1 ? { year: period.year - 1, quarter: 4 } : { year: period.year, quarter: period.quarter - 1 };
  return periodOf(previous.year, previous.quarter, today);
}

/** The last `count` quarters ending with the period's quarter (a year to date ends with its last quarter), oldest first. */
export function trendQuarters(period: Period, count: number, today: IsoDate): Period[] {
  let year = period.year;
  let quarter = period.quarter ?? (today.slice(0, 4) === String(period.year) ? Math.ceil(Number(today.slice(5, 7)) / 3) : 4);
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(periodOf(year, quarter, today));
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}
