import { rectificationActions, RectificationStatusEnum, type RectificationAction, type RectificationStatus } from '@reform/contracts';
import { describe, expect, it } from 'vitest';
import {
  computeLight,
  reminderDue,
  defaultLightSettings,
  rectificationOverdueDays,
  rectificationRefusal,
  rectificationTransition,
  type LightFacts,
} from '../src/index.ts';

describe('rectification state machine', () => {
  const allowed: Array<[RectificationStatus, RectificationAction, RectificationStatus]> = [
    ['open', 'respond', 'responded'],
    ['responded', 'close', 'closed'],
    ['responded', 'reopen', 'open'],
    ['closed', 'reopen', 'open'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(rectificationTransition(from, action)).toBe(to);
  });

  const forbidden = RectificationStatusEnum.values.flatMap((from) =>
    rectificationActions
      .filter((action) => !allowed.some(([f, a]) => f === from && a === action))
      .map((action) => [from, action] as [RectificationStatus, RectificationAction]),
  );
  it('forbids every other transition (5 of 9), each with a reason in words', () => {
    expect(forbidden).toEqual([
      ['open', 'close'],
      ['open', 'reopen'],
      ['responded', 'respond'],
      ['closed', 'respond'],
      ['closed', 'close'],
    ]);
    for (const [from, action] of forbidden) {
      expect(rectificationTransition(from, action)).toBeNull();
      expect(rectificationRefusal(from, action)).toMatch(/整改/);
    }
  });

  it('counts overdue days only for open items, the deadline day itself not late', () => {
    expect(rectificationOverdueDays({ status: 'open', deadline: '2026-11-20' }, '2026-11-20')).toBe(0);
    expect(rectificationOverdueDays({ status: 'open', deadline: '2026-11-20' }, '2026-11-21')).toBe(1);
    expect(rectificationOverdueDays({ status: 'open', deadline: '2026-11-15' }, '2026-11-20')).toBe(5);
    expect(rectificationOverdueDays({ status: 'responded', deadline: '2026-11-15' }, '2026-11-20')).toBe(0);
    expect(rectificationOverdueDays({ status: 'closed', deadline: '2026-11-15' }, '2026-11-20')).toBe(0);
  });
});

describe('computeLight: rectification items', () => {
  const base: LightFacts = {
    status: 'active',
    startDate: '2026-01-05',
    deadline: '2027-06-30',
    milestones: [{ name: '出台实施方案', dueDate: '2027-03-31', doneDate: null }],
    reportedQuarters: [{ year: 2026, quarter: 3 }],
  };
  const withItem = (deadline: string, description = '建立督办台账并按月通报'): LightFacts => ({
    ...base,
    openRectifications: [{ description, deadline }],
  });

  it('is red with the reason in words when an open item is past its deadline', () => {
    expect(computeLight(withItem('2026-11-15'), defaultLightSettings, '2026-11-20')).toEqual({
      light: 'red',
      reason: '整改事项“建立督办台账并按月通报”已逾期 5 天',
    });
  });
  it('is yellow on the deadline day and within the yellow threshold, green beyond it', () => {
    expect(computeLight(withItem('2026-11-20'), defaultLightSettings, '2026-11-20')).toEqual({
      light: 'yellow',
      reason: '整改事项“建立督办台账并按月通报”今天到期，尚未整改到位',
    });
    expect(computeLight(withItem('2026-12-04'), defaultLightSettings, '2026-11-20').light).toBe('yellow');
    expect(computeLight(withItem('2026-12-05'), defaultLightSettings, '2026-11-20').light).toBe('green');
  });
  it('names the most overdue item, counts the others and shortens a long description', () => {
    const facts: LightFacts = {
      ...base,
      openRectifications: [
        { description: '乙', deadline: '2026-11-18' },
        { description: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三', deadline: '2026-11-10' },
      ],
    };
    expect(computeLight(facts, defaultLightSettings, '2026-11-20').reason).toBe(
      '整改事项“一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十…”已逾期 10 天，另有 1 项整改逾期',
    );
  });
  it('leaves an overdue milestone or deadline first, and a grey task grey', () => {
    const facts: LightFacts = { ...withItem('2026-11-15'), milestones: [{ name: '出台实施方案', dueDate: '2026-11-01', doneDate: null }] };
    expect(computeLight(facts, defaultLightSettings, '2026-11-20').reason).toBe('节点“出台实施方案”已逾期 19 天');
    expect(computeLight({ ...withItem('2026-11-15'), status: 'suspended' }, defaultLightSettings, '2026-11-20').light).toBe('grey');
  });
  it('puts an overdue item before a milestone that is merely due soon', () => {
    const facts: LightFacts = { ...withItem('2026-11-19'), milestones: [{ name: '出台实施方案', dueDate: '2026-11-25', doneDate: null }] };
    expect(computeLight(facts, defaultLightSettings, '2026-11-20').light).toBe('red');
  });
});

describe('reminderDue', () => {
  it('reminds N days before the due date and on the day after it passes, never otherwise', () => {
    expect(reminderDue('2026-11-23', '2026-11-20', 3)).toBe('before');
    expect(reminderDue('2026-11-22', '2026-11-20', 3)).toBeNull();
    expect(reminderDue('2026-11-20', '2026-11-20', 3)).toBeNull();
    expect(reminderDue('2026-11-19', '2026-11-20', 3)).toBe('after');
    expect(reminderDue('2026-11-18', '2026-11-20', 3)).toBeNull();
    expect(reminderDue('2027-01-01', '2026-12-31', 1)).toBe('before');
    expect(reminderDue('2026-12-31', '2027-01-01', 1)).toBe('after');
  });
});
