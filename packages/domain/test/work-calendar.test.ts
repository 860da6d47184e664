import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  chinaHolidays2026,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  weekendsOnlyCalendar,
  workingDaysBetween,
  type WorkCalendar,
} from '../src/work-calendar.ts';

const cn = chinaHolidays2026;

describe('isWorkingDay', () => {
  it('treats Monday to Friday as working and weekends as off when nothing is listed', () => {
    expect(isWorkingDay('2026-11-20', weekendsOnlyCalendar)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', weekendsOnlyCalendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', weekendsOnlyCalendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23', weekendsOnlyCalendar)).toBe(true); // Monday
  });
  it('takes listed holidays off, even on weekdays', () => {
    expect(isWorkingDay('2026-10-01', cn)).toBe(false); // Thursday, 国庆
    expect(isWorkingDay('2026-02-23', cn)).toBe(false); // Monday, 春节
    expect(isWorkingDay('2026-10-08', cn)).toBe(true); // Thursday after 国庆
  });
  it('makes 调休 weekend days working days', () => {
    expect(isWorkingDay('2026-01-04', cn)).toBe(true); // Sunday
    expect(isWorkingDay('2026-02-14', cn)).toBe(true); // Saturday
    expect(isWorkingDay('2026-09-20', cn)).toBe(true); // Sunday
    expect(isWorkingDay('2026-10-10', cn)).toBe(true); // Saturday
    expect(isWorkingDay('2026-10-11', cn)).toBe(false); // the Sunday after stays off
  });
  it('lets a holiday win when a date is wrongly listed as both', () => {
    const both: WorkCalendar = { holidays: ['2026-11-21'], makeupWorkdays: ['2026-11-21'] };
    expect(isWorkingDay('2026-11-21', both)).toBe(false);
  });
  it('rejects malformed dates', () => {
    expect(() => isWorkingDay('2026-1-5', cn)).toThrow(RangeError);
    expect(() => isWorkingDay('2026-13-01', cn)).toThrow(RangeError);
  });
});

describe('chinaHolidays2026', () => {
  it('has the seven official holidays: 33 days off and 6 make-up days', () => {
    expect(cn.holidays).toHaveLength(33);
    expect(cn.makeupWorkdays).toHaveLength(6);
    expect(new Set(cn.holidays).size).toBe(33);
  });
  it('lists only weekend days as make-up days and only 2026 dates', () => {
    for (const day of cn.makeupWorkdays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    for (const day of [...cn.holidays, ...cn.makeupWorkdays]) expect(day.startsWith('2026-')).toBe(true);
  });
});

describe('previousWorkingDay / nextWorkingDay', () => {
  it('returns a working day itself', () => {
    expect(previousWorkingDay('2026-11-20', cn)).toBe('2026-11-20');
    expect(nextWorkingDay('2026-11-20', cn)).toBe('2026-11-20');
  });
  it('moves off a weekend', () => {
    expect(previousWorkingDay('2026-11-22', cn)).toBe('2026-11-20');
    expect(nextWorkingDay('2026-11-21', cn)).toBe('2026-11-23');
  });
  it('moves across a whole holiday', () => {
    expect(previousWorkingDay('2026-10-05', cn)).toBe('2026-09-30');
    expect(nextWorkingDay('2026-10-05', cn)).toBe('2026-10-08');
    expect(previousWorkingDay('2026-02-20', cn)).toBe('2026-02-14'); // the 调休 Saturday before 春节
  });
  it('stops on a make-up day', () => {
    expect(previousWorkingDay('2026-01-03', { holidays: [], makeupWorkdays: ['2026-01-03'] })).toBe('2026-01-03');
    expect(nextWorkingDay('2026-02-15', cn)).toBe('2026-02-24');
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-20', 1, cn)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-16', 10, cn)).toBe('2026-11-30');
  });
  it('goes backwards for negative n', () => {
    expect(addWorkingDays('2026-11-23', -1, cn)).toBe('2026-11-20');
    expect(addWorkingDays('2026-10-08', -1, cn)).toBe('2026-09-30');
  });
  it('counts from a day off to the next working day', () => {
    expect(addWorkingDays('2026-11-21', 1, cn)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-22', -1, cn)).toBe('2026-11-20');
  });
  it('returns the date unchanged for 0, even on a day off', () => {
    expect(addWorkingDays('2026-11-22', 0, cn)).toBe('2026-11-22');
  });
  it('counts make-up days and skips holidays', () => {
    // 9-30 Wed → [国庆 10-1..7] → 10-8 Thu, 10-9 Fri, 10-10 Sat (调休)
    expect(addWorkingDays('2026-09-30', 3, cn)).toBe('2026-10-10');
  });
  it('crosses a year boundary', () => {
    expect(addWorkingDays('2025-12-31', 1, cn)).toBe('2026-01-04'); // 1-1..3 off, 1-4 is a make-up Sunday
  });
  it('rejects fractional n', () => {
    expect(() => addWorkingDays('2026-11-20', 1.5, cn)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from up to and including to', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-23', cn)).toBe(1);
    expect(workingDaysBetween('2026-11-16', '2026-11-30', cn)).toBe(10);
    expect(workingDaysBetween('2026-11-20', '2026-11-20', cn)).toBe(0);
  });
  it('is negative when to is earlier', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-20', cn)).toBe(-1);
  });
  it('knows October 2026 has 18 working days in China', () => {
    // 31 days − 9 weekend days − 5 weekday holidays (1,2,5,6,7) + 1 make-up Saturday (10)
    expect(workingDaysBetween('2026-09-30', '2026-10-31', cn)).toBe(18);
    expect(workingDaysBetween('2026-09-30', '2026-10-31', weekendsOnlyCalendar)).toBe(22);
  });
  it('is the inverse of addWorkingDays between working days', () => {
    const days = ['2026-01-05', '2026-02-13', '2026-02-14', '2026-05-06', '2026-09-30', '2026-10-10', '2026-12-31'];
    for (const a of days) {
      for (const b of days) expect(addWorkingDays(a, workingDaysBetween(a, b, cn), cn)).toBe(b);
    }
  });
});
