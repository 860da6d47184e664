import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  dateColumn,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  formatDateTime,
  isoDate,
  isValidIsoDate,
  nextQuarter,
  previousQuarter,
  quarterEnd,
  quarterOf,
  reportDueDate,
  shanghaiInstant,
  todayInShanghai,
} from '../src/index.ts';

describe('todayInShanghai', () => {
  afterEach(() => vi.unstubAllEnvs());
  it('is already the next day in Shanghai at 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayInShanghai(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });
  it('does not depend on the machine time zone', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    expect(todayInShanghai(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-10', '2026-11-22')).toBe(12);
  });
  it('knows quarters and when their reports are due', () => {
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterEnd({ year: 2026, quarter: 4 })).toBe('2026-12-31');
    expect(reportDueDate({ year: 2026, quarter: 4 }, 10)).toBe('2027-01-10');
  });
});

// The web app runs this module in the user's browser, wherever that is.
describe.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])('in a browser whose time zone is %s', (zone) => {
  afterEach(() => vi.unstubAllEnvs());
  it('counts calendar days, across daylight saving changes too', () => {
    vi.stubEnv('TZ', zone);
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(dateOfDayNumber(dayNumber('2026-03-08') + 1)).toBe('2026-03-09');
    expect(quarterEnd({ year: 2026, quarter: 1 })).toBe('2026-03-31');
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
  });
  it('shows and stores instants as Shanghai days and times', () => {
    vi.stubEnv('TZ', zone);
    expect(formatDateTime('2026-11-20T16:05:00Z')).toBe('2026-11-21 00:05');
    expect(shanghaiInstant('2026-11-21', 9, 30)).toBe('2026-11-21T01:30:00.000Z');
    expect(isoDate(dateColumn('2026-02-28'))).toBe('2026-02-28');
  });
});

describe('isValidIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-1-01')).toBe(false);
  });
});
