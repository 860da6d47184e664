import { describe, expect, it } from 'vitest';
import {
  boardCountsOf,
  checkPercent,
  defaultRoundDueDate,
  isLateOn,
  isLateSubmission,
  reportTransition,
  roundOpensOn,
  shanghaiInstant,
  type ReportAction,
  type ReportState,
} from '../src/index.ts';

const states: ReportState[] = ['draft', 'submitted', 'returned', 'accepted'];
const actions: ReportAction[] = ['save', 'submit', 'return', 'accept'];
const allowed: Record<string, ReportState> = {
  'draft/save': 'draft',
  'draft/submit': 'submitted',
  'returned/save': 'returned',
  'returned/submit': 'submitted',
  'submitted/return': 'returned',
  'submitted/accept': 'accepted',
};

describe('report state machine', () => {
  for (const from of states) {
    for (const action of actions) {
      const key = `${from}/${action}`;
      const to = allowed[key];
      it(`${key} → ${to ?? 'refused'}`, () => {
        const result = reportTransition(from, action);
        if (to) expect(result).toEqual({ ok: true, to });
        else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.reason).toMatch(/报告/);
        }
      });
    }
  }
  it('an accepted report is final, with the reason in words', () => {
    const result = reportTransition('accepted', 'submit');
    expect(result).toEqual({ ok: false, reason: '报告已采纳，不能再修改或重新审核' });
  });
});

describe('late rule at the due-date boundary (Asia/Shanghai)', () => {
  const due = '2026-10-10';
  it('the day before and the due day itself are on time, the day after is late', () => {
    expect(isLateOn(due, '2026-10-09')).toBe(false);
    expect(isLateOn(due, '2026-10-10')).toBe(false);
    expect(isLateOn(due, '2026-10-11')).toBe(true);
  });
  it('instants: 23:59 Shanghai on the due day is on time, 00:00 the next day is late', () => {
    expect(isLateSubmission(due, new Date(shanghaiInstant('2026-10-09', 12, 0)))).toBe(false);
    expect(isLateSubmission(due, new Date(shanghaiInstant('2026-10-10', 23, 59)))).toBe(false);
    expect(isLateSubmission(due, new Date(shanghaiInstant('2026-10-11', 0, 0)))).toBe(true);
  });
  it('does not depend on the machine or browser time zone', () => {
    // 2026-10-10T16:30Z is 00:30 on the 11th in Shanghai but still the 10th in New York and London.
    const instant = new Date('2026-10-10T16:30:00Z');
    const before = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Europe/London', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = tz;
        expect(isLateSubmission(due, instant)).toBe(true);
      }
      // 15:59Z is 23:59 on the 10th in Shanghai: on time everywhere.
      process.env.TZ = 'America/Los_Angeles';
      expect(isLateSubmission(due, new Date('2026-10-10T15:59:00Z'))).toBe(false);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('rounds', () => {
  it('the due date defaults to the setting’s days after the quarter', () => {
    expect(defaultRoundDueDate({ year: 2026, quarter: 3 }, 10)).toBe('2026-10-10');
    expect(defaultRoundDueDate({ year: 2026, quarter: 4 }, 10)).toBe('2027-01-10');
  });
  it('a round opens from the first day of the quarter’s last month', () => {
    expect(roundOpensOn({ year: 2026, quarter: 1 })).toBe('2026-03-01');
    expect(roundOpensOn({ year: 2026, quarter: 4 })).toBe('2026-12-01');
  });
});

describe('percent and board counts', () => {
  it('a lower percent needs a reason', () => {
    expect(checkPercent(40, 50, '').ok).toBe(false);
    expect(checkPercent(40, 50, '上级调整了目标').ok).toBe(true);
    expect(checkPercent(50, 50, '').ok).toBe(true);
    expect(checkPercent(10, null, '').ok).toBe(true);
  });
  it('submitted counts every report handed in at least once, accepted included', () => {
    const counts = boardCountsOf([
      { status: 'draft', submissionCount: 0, late: false },
      { status: 'submitted', submissionCount: 1, late: true },
      { status: 'returned', submissionCount: 1, late: false },
      { status: 'accepted', submissionCount: 2, late: false },
    ]);
    expect(counts).toEqual({ expected: 4, submitted: 3, accepted: 1, returned: 1, late: 1, missing: 1 });
  });
});
