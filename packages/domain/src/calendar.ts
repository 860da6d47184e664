import { TZDate } from '@date-fns/tz';
import {
  addDays as addDaysTo,
  addQuarters,
  differenceInCalendarDays,
  endOfQuarter,
  format,
  formatISO,
  getQuarter,
  getYear,
  isValid,
} from 'date-fns';

/**
 * The one date module of the application (API, web app and seeds). All domain dates are
 * calendar dates in China Standard Time, written YYYY-MM-DD, whatever the time zone of the
 * machine or browser running the code.
 */
export const TIME_ZONE = 'Asia/Shanghai';

export type IsoDate = string;

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

// Calendar arithmetic works on local midnights, date-fns' own model of a calendar day: it
// moves by calendar days, never by 24 hours, so no time zone or daylight saving can shift a
// date (and it is ten times faster than zoned dates, which seeding 100,000 tasks notices).
// Only turning an instant into a Shanghai date or time needs the zone.
function toDay(date: IsoDate): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}
function fromDay(day: Date): IsoDate {
  return formatISO(day, { representation: 'date' });
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isValidIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const day = toDay(date);
  return isValid(day) && fromDay(day) === date;
}

/** Today's date in Shanghai. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return format(new TZDate(now, TIME_ZONE), 'yyyy-MM-dd');
}

/** A Shanghai wall-clock time on a date, as an ISO instant (`…Z`). */
export function shanghaiInstant(date: IsoDate, hour: number, minute: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, TIME_ZONE).getTime()).toISOString();
}

/** A timestamp as its Shanghai date and time: 2026-11-20 14:05. */
export function formatDateTime(iso: string): string {
  const instant = new Date(iso);
  if (!isValid(instant)) return iso;
  return format(new TZDate(instant, TIME_ZONE), 'yyyy-MM-dd HH:mm');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(addDaysTo(toDay(date), days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDay(to), toDay(from));
}

/** Day 0 is 1970-01-01: for generators that count in whole days (seeds). */
export function dayNumber(date: IsoDate): number {
  return daysBetween('1970-01-01', date);
}
export function dateOfDayNumber(day: number): IsoDate {
  return addDays('1970-01-01', day);
}

export function yearOf(date: IsoDate): number {
  return getYear(toDay(date));
}

// A Prisma `@db.Date` column is read and written as the UTC midnight of its date.
export function isoDate(column: Date): IsoDate {
  return column.toISOString().slice(0, 10);
}
export function isoDateOrNull(column: Date | null): IsoDate | null {
  return column ? isoDate(column) : null;
}
export function dateColumn(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function quarterOf(date: IsoDate): Quarter {
  const day = toDay(date);
  return { year: getYear(day), quarter: getQuarter(day) as Quarter['quarter'] };
}

function shiftQuarter(q: Quarter, by: number): Quarter {
  return quarterOf(fromDay(addQuarters(toDay(quarterStart(q)), by)));
}
export function previousQuarter(q: Quarter): Quarter {
  return shiftQuarter(q, -1);
}
export function nextQuarter(q: Quarter): Quarter {
  return shiftQuarter(q, 1);
}

/** Quarters in order as consecutive numbers, for comparing and counting. */
export function quarterIndex({ year, quarter }: Quarter): number {
  return year * 4 + quarter - 1;
}

export function quarterStart({ year, quarter }: Quarter): IsoDate {
  return `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(q: Quarter): IsoDate {
  return fromDay(endOfQuarter(toDay(quarterStart(q))));
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
