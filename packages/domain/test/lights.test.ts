import { describe, expect, it } from 'vitest';
import { computeLight, defaultLightSettings, type LightFacts } from '../src/index.ts';

const settings = defaultLightSettings; // yellow within 14 days, report due the 10th day
const base: LightFacts = {
  status: 'active',
  startDate: '2026-01-05',
  deadline: '2027-06-30',
  milestones: [{ name: '出台实施方案', dueDate: '2026-12-31', doneDate: null }],
  reportedQuarters: [{ year: 2026, quarter: 3 }],
};
const withMilestoneDue = (dueDate: string, doneDate: string | null = null): LightFacts => ({
  ...base,
  milestones: [{ name: '出台实施方案', dueDate, doneDate }],
});

describe('computeLight: overdue milestones', () => {
  it('is yellow, not red, on the day a milestone is due', () => {
    expect(computeLight(withMilestoneDue('2026-11-22'), settings, '2026-11-22')).toEqual({
      light: 'yellow',
      reason: '节点“出台实施方案”今天到期，尚未完成',
    });
  });
  it('turns red the day after, and says by how many days', () => {
    expect(computeLight(withMilestoneDue('2026-11-22'), settings, '2026-11-23')).toEqual({
      light: 'red',
      reason: '节点“出台实施方案”已逾期 1 天',
    });
    expect(computeLight(withMilestoneDue('2026-11-10'), settings, '2026-11-22').reason).toBe(
      '节点“出台实施方案”已逾期 12 天',
    );
  });
  it('is not red once the milestone is done, even late', () => {
    expect(computeLight(withMilestoneDue('2026-11-10', '2026-11-20'), settings, '2026-11-22').light).toBe('green');
  });
  it('names the most overdue milestone and counts the others', () => {
    const facts: LightFacts = {
      ...base,
      milestones: [
        { name: '完成试点扩面', dueDate: '2026-11-01', doneDate: null },
        { name: '出台实施方案', dueDate: '2026-10-01', doneDate: null },
      ],
    };
    expect(computeLight(facts, settings, '2026-11-22').reason).toBe('节点“出台实施方案”已逾期 52 天，另有 1 个节点逾期');
  });
});

describe('computeLight: deadline', () => {
  const facts: LightFacts = { ...base, deadline: '2026-11-21', milestones: [] };
  it('is red the day after the deadline', () => {
    expect(computeLight(facts, settings, '2026-11-22')).toEqual({ light: 'red', reason: '任务已超过完成时限 1 天' });
  });
  it('is not red on the deadline itself', () => {
    expect(computeLight(facts, settings, '2026-11-21').light).not.toBe('red');
  });
});

describe('computeLight: due soon', () => {
  it('is yellow exactly yellowWithinDays ahead and green one day further', () => {
    expect(computeLight(withMilestoneDue('2026-12-06'), settings, '2026-11-22')).toEqual({
      light: 'yellow',
      reason: '节点“出台实施方案”14 天后到期（12月6日），尚未完成',
    });
    expect(computeLight(withMilestoneDue('2026-12-07'), settings, '2026-11-22').light).toBe('green');
  });
  it('follows the configured threshold', () => {
    expect(computeLight(withMilestoneDue('2026-12-07'), { ...settings, yellowWithinDays: 30 }, '2026-11-22').light).toBe(
      'yellow',
    );
  });
});

describe('computeLight: quarterly report', () => {
  const unreported: LightFacts = { ...base, reportedQuarters: [] };
  it('is not late on the due day (the 10th after the quarter) and late the day after', () => {
    expect(computeLight(unreported, settings, '2026-10-10').light).toBe('green');
    expect(computeLight(unreported, settings, '2026-10-11')).toEqual({
      light: 'yellow',
      reason: '2026年第三季度进展报告逾期未报（应于10月10日前报送）',
    });
  });
  it('looks at the quarter just ended across a year end', () => {
    const facts: LightFacts = { ...base, milestones: [], reportedQuarters: [{ year: 2026, quarter: 3 }] };
    expect(computeLight(facts, settings, '2027-01-10').light).toBe('green');
    expect(computeLight(facts, settings, '2027-01-11').reason).toBe(
      '2026年第四季度进展报告逾期未报（应于1月10日前报送）',
    );
  });
  it('does not ask for a report from a task that had not started', () => {
    expect(computeLight({ ...unreported, startDate: '2026-10-01' }, settings, '2026-11-22').light).toBe('green');
  });
});

describe('computeLight: not running', () => {
  it.each([
    ['suspended', '任务已暂停'],
    ['closed', '任务已销号'],
    ['completed', '任务已完成'],
    ['draft', '任务尚未下达'],
  ] as const)('is grey when %s, whatever the dates', (status, reason) => {
    expect(computeLight({ ...withMilestoneDue('2020-01-01'), status }, settings, '2026-11-22')).toEqual({
      light: 'grey',
      reason,
    });
  });
});

describe('computeLight: green', () => {
  it('names the next milestone', () => {
    expect(computeLight(base, settings, '2026-11-22')).toEqual({
      light: 'green',
      reason: '按计划推进，下一节点“出台实施方案”于12月31日到期',
    });
  });
});
