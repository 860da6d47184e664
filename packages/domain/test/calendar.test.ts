import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, quarterEnd, quarterOf, reportDueDate, todayInShanghai } from '../src/index.ts';

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
