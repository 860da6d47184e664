import { addDays, isValidIsoDate, type IsoDate } from './calendar.ts';

/**
 * Which days are working days. In China weekends are off except the official 调休 make-up
 * working days, and listed public holidays are off even on weekdays.
 */
export interface WorkCalendar {
  holidays: readonly IsoDate[];
  makeupWorkdays: readonly IsoDate[];
}

/** Plain Monday–Friday weeks, for tests and for offices that keep no holiday list. */
export const weekendsOnlyCalendar: WorkCalendar = { holidays: [], makeupWorkdays: [] };

/**
 * 2026 public holidays and make-up working days, per 国务院办公厅关于2026年部分节假日安排的通知
 * (2025-11-04). The reform office maintains this list: add the next year's when the State
 * Council publishes it (usually in November).
 */
export const chinaHolidays2026: WorkCalendar = {
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03', // 元旦
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21',
    '2026-02-22', '2026-02-23', // 春节
    '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
    '2026-06-19', '2026-06-20', '2026-06-21', // 端午节
    '2026-09-25', '2026-09-26', '2026-09-27', // 中秋节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节
  ],
  makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

// Day-by-day loops ask the same calendar many times; sets make each question O(1).
const lookups = new WeakMap<WorkCalendar, { holidays: Set<string>; makeup: Set<string> }>();
function lookup(cal: WorkCalendar) {
  let sets = lookups.get(cal);
  if (!sets) {
    sets = { holidays: new Set(cal.holidays), makeup: new Set(cal.makeupWorkdays) };
    lookups.set(cal, sets);
  }
  return sets;
}

function assertIsoDate(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
}

/** A listed holiday wins over a make-up day if both lists name the same date (a list error, but a day off is the safer reading). */
export function isWorkingDay(date: IsoDate, cal: WorkCalendar): boolean {
  assertIsoDate(date);
  const { holidays, makeup } = lookup(cal);
  if (holidays.has(date)) return false;
  if (makeup.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date itself if it is a working day, else the closest earlier working day. */
export function previousWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, cal)) day = addDays(day, -1);
  return day;
}

/** The date itself if it is a working day, else the closest later working day. */
export function nextWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  let day = date;
  while (!isWorkingDay(day, cal)) day = addDays(day, 1);
  return day;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start date need not
 * be a working day: from a Saturday, +1 is the Monday. `n = 0` returns the date unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: WorkCalendar): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  assertIsoDate(date);
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day, cal)) left--;
  }
  return day;
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is earlier, so that
 * `addWorkingDays(a, workingDaysBetween(a, b, cal), cal) === b` for working days a and b.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: WorkCalendar): number {
  assertIsoDate(from);
  assertIsoDate(to);
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let day = from; day < to; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, cal)) count++;
  }
  return count;
}
