import { TZDate } from '@date-fns/tz';
import { addDays as addDaysToDate, differenceInCalendarDays, format } from 'date-fns';

/** All domain dates are calendar dates in China Standard Time, written YYYY-MM-DD. */
export const TIME_ZONE = 'Asia/Shanghai';

export type IsoDate = string;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** Today's date in Shanghai, whatever the machine's own time zone. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return format(new TZDate(now, TIME_ZONE), 'yyyy-MM-dd');
}

// Calendar arithmetic is done on UTC midnights so that no local time zone or DST can shift a day.
function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(addDaysToDate(toUtc(date), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtc(to), toUtc(from));
}

export function quarterOf(date: IsoDate): Quarter {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

export function quarterStart({ year, quarter }: Quarter): IsoDate {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(q: Quarter): IsoDate {
  const next = q.quarter === 4 ? { year: q.year + 1, quarter: 1 as const } : { year: q.year, quarter: (q.quarter + 1) as Quarter['quarter'] };
  return addDays(quarterStart(next), -1);
}

/** A quarter's progress report is due `dueDay` days after the quarter ends (default: the 10th). */
export function reportDueDate(q: Quarter, dueDay: number): IsoDate {
  return addDays(quarterEnd(q), dueDay);
}

export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}年第${'一二三四'[quarter - 1]}季度`;
}

/** 11月27日 — how dates read in a sentence. */
export function shortChineseDate(date: IsoDate): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${month}月${day}日`;
}
