import { describe, expect, it } from 'vitest';
import { addDays } from '../src/calendar.ts';
import { defaultPhaseTemplate, reverseSchedule, ScheduleError, type PhaseTemplate } from '../src/reverse-schedule.ts';
import { chinaHolidays2026, isWorkingDay, weekendsOnlyCalendar } from '../src/work-calendar.ts';

const plain = weekendsOnlyCalendar;
const dates = (startDate: string, deadline: string, template = defaultPhaseTemplate, calendar = plain) =>
  reverseSchedule({ startDate, deadline, template, calendar }).map((m) => m.dueDate);
const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    return (error as Error).message;
  }
  throw new Error('expected a ScheduleError');
};
const equalThirds: PhaseTemplate = {
  name: '三等分',
  phases: [
    { name: '一', share: 1, milestoneName: '节点一' },
    { name: '二', share: 1, milestoneName: '节点二' },
    { name: '三', share: 1, milestoneName: '节点三' },
  ],
};

describe('reverseSchedule: the default template', () => {
  it('puts milestones at 20% and 80% of the span and on the deadline', () => {
    // 100 days from Tuesday 3 March: day 20 is Monday 23 March, day 80 Friday 22 May.
    expect(reverseSchedule({ startDate: '2026-03-03', deadline: '2026-06-11', template: defaultPhaseTemplate, calendar: plain })).toEqual([
      { phase: '方案制定', name: '出台实施方案', dueDate: '2026-03-23' },
      { phase: '组织实施', name: '完成主要改革举措', dueDate: '2026-05-22' },
      { phase: '总结评估', name: '总结评估验收', dueDate: '2026-06-11' },
    ]);
  });
  it('normalises shares: 1:3:1 is the same as 20%:60%:20%', () => {
    const ratios: PhaseTemplate = {
      name: '1:3:1',
      phases: defaultPhaseTemplate.phases.map((p, i) => ({ ...p, share: [1, 3, 1][i] })),
    };
    expect(dates('2026-03-03', '2026-06-11', ratios)).toEqual(dates('2026-03-03', '2026-06-11'));
  });
  it('rounds phase ends down, so a milestone is never later than its share', () => {
    // 103 days: 20.6 → day 20 (Mon 23 Mar); 82.4 → day 82 (Sun 24 May) → Fri 22 May.
    expect(dates('2026-03-03', '2026-06-14')).toEqual(['2026-03-23', '2026-05-22', '2026-06-12']);
  });
  it('schedules a whole year', () => {
    expect(dates('2026-01-05', '2026-12-31', defaultPhaseTemplate, chinaHolidays2026)).toEqual([
      '2026-03-18',
      '2026-10-20',
      '2026-12-31',
    ]);
  });
});

describe('reverseSchedule: days off', () => {
  it('moves a deadline on a Sunday to the Friday before', () => {
    expect(dates('2026-03-03', '2026-06-14').at(-1)).toBe('2026-06-12');
  });
  it('moves a phase end inside 国庆 to the last working day before it', () => {
    // 341 days from 5 January: day 68.2 → Sat 14 Mar → Fri 13 Mar; day 272.8 → Sun 4 Oct (国庆) → Wed 30 Sep;
    // the deadline, Sat 12 Dec, → Fri 11 Dec.
    expect(dates('2026-01-05', '2026-12-12', defaultPhaseTemplate, chinaHolidays2026)).toEqual([
      '2026-03-13',
      '2026-09-30',
      '2026-12-11',
    ]);
  });
  it('uses a 调休 make-up Saturday as a working day', () => {
    // The deadline Sat 10 Oct 2026 is a make-up working day, so it stays.
    expect(dates('2026-06-01', '2026-10-10', defaultPhaseTemplate, chinaHolidays2026).at(-1)).toBe('2026-10-10');
  });
  it('puts every milestone on a working day, strictly increasing, within the span', () => {
    for (let offset = 0; offset < 365; offset += 11) {
      const start = addDays('2026-01-01', offset);
      for (const span of [3, 4, 7, 10, 30, 45, 90, 200]) {
        const deadline = addDays(start, span);
        let result: string[];
        try {
          result = dates(start, deadline, defaultPhaseTemplate, chinaHolidays2026);
        } catch (error) {
          expect(error).toBeInstanceOf(ScheduleError); // a span with fewer than 3 working days
          continue;
        }
        expect(result).toHaveLength(3);
        expect(result[0]! >= start).toBe(true);
        expect(result[2]! <= deadline).toBe(true);
        expect(result[0]! < result[1]! && result[1]! < result[2]!).toBe(true);
        for (const day of result) expect(isWorkingDay(day, chinaHolidays2026)).toBe(true);
      }
    }
  });
});

describe('reverseSchedule: fixed durations', () => {
  const template: PhaseTemplate = {
    name: '固定首尾',
    phases: [
      { name: '方案制定', durationDays: 30, milestoneName: '出台实施方案' },
      { name: '组织实施', share: 1, milestoneName: '完成主要改革举措' },
      { name: '总结评估', durationDays: 14, milestoneName: '总结评估验收' },
    ],
  };
  it('gives fixed phases their days and the rest to the shared ones', () => {
    // 120 days: the last phase starts 14 days before the deadline; the first ends 30 days after the start.
    expect(dates('2026-03-02', '2026-06-30', template)).toEqual(['2026-04-01', '2026-06-16', '2026-06-30']);
  });
  it('lays all-fixed phases back from the deadline, leaving any slack at the start', () => {
    const allFixed: PhaseTemplate = {
      name: '全固定',
      phases: [
        { name: '准备', durationDays: 10, milestoneName: '准备就绪' },
        { name: '验收', durationDays: 7, milestoneName: '通过验收' },
      ],
    };
    expect(dates('2026-03-02', '2026-06-30', allFixed)).toEqual(['2026-06-23', '2026-06-30']);
  });
  it('accepts fixed phases that fill the span exactly', () => {
    const exact: PhaseTemplate = {
      name: '恰好',
      phases: [
        { name: '甲', durationDays: 3, milestoneName: '甲完成' },
        { name: '乙', durationDays: 2, milestoneName: '乙完成' },
      ],
    };
    expect(dates('2026-11-16', '2026-11-21', exact)).toEqual(['2026-11-19', '2026-11-20']);
  });
});

describe('reverseSchedule: short spans', () => {
  it('gives each phase its own working day, down to the start date itself', () => {
    expect(dates('2026-11-16', '2026-11-18')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18']);
  });
  it('pushes earlier milestones back when phase ends share a working day', () => {
    // Wed 18 → Sun 22: the ideal ends Thu, Fri and Sun; the deadline moves to Friday, so the others give way.
    expect(dates('2026-11-18', '2026-11-22', equalThirds)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
  });
  it('throws when there are fewer working days than phases', () => {
    expect(errorOf(() => dates('2026-11-16', '2026-11-17'))).toBe(
      '工期过短：1 天内无法安排 3 个节点（2026-11-16 至 2026-11-17 仅有 2 个工作日）',
    );
    expect(errorOf(() => dates('2026-11-20', '2026-11-23'))).toBe(
      '工期过短：3 天内无法安排 3 个节点（2026-11-20 至 2026-11-23 仅有 2 个工作日）',
    );
  });
  it('throws when a holiday swallows the span', () => {
    expect(errorOf(() => dates('2026-10-01', '2026-10-08', defaultPhaseTemplate, chinaHolidays2026))).toBe(
      '工期过短：7 天内无法安排 3 个节点（2026-10-01 至 2026-10-08 仅有 1 个工作日）',
    );
  });
});

describe('reverseSchedule: validation', () => {
  const run = (template: PhaseTemplate, startDate = '2026-03-02', deadline = '2026-06-30') => () =>
    reverseSchedule({ startDate, deadline, template, calendar: plain });
  const one = (phase: PhaseTemplate['phases'][number]): PhaseTemplate => ({ name: '单阶段', phases: [phase] });

  it('requires the deadline after the start', () => {
    expect(errorOf(run(defaultPhaseTemplate, '2026-03-02', '2026-03-02'))).toBe(
      '完成时限（2026-03-02）须晚于开始日期（2026-03-02）',
    );
    expect(errorOf(run(defaultPhaseTemplate, '2026-03-02', '2026-01-01'))).toBe(
      '完成时限（2026-01-01）须晚于开始日期（2026-03-02）',
    );
  });
  it('rejects dates that do not exist or are badly written', () => {
    expect(errorOf(run(defaultPhaseTemplate, '2026-02-30'))).toBe('日期“2026-02-30”无效，应为 YYYY-MM-DD 格式的实际日期');
    expect(errorOf(run(defaultPhaseTemplate, '2026-03-02', '2026/6/30'))).toBe(
      '日期“2026/6/30”无效，应为 YYYY-MM-DD 格式的实际日期',
    );
  });
  it('requires positive shares', () => {
    for (const share of [0, -0.2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(errorOf(run(one({ name: '实施', share, milestoneName: '完成' })))).toBe('阶段“实施”的占比须为正数');
    }
  });
  it('requires exactly one of share and fixed days', () => {
    expect(errorOf(run(one({ name: '实施', milestoneName: '完成' })))).toBe('阶段“实施”须在占比和固定天数中指定且只指定一项');
    expect(errorOf(run(one({ name: '实施', share: 1, durationDays: 10, milestoneName: '完成' })))).toBe(
      '阶段“实施”须在占比和固定天数中指定且只指定一项',
    );
  });
  it('requires fixed days to be a positive whole number', () => {
    for (const durationDays of [0, -3, 1.5]) {
      expect(errorOf(run(one({ name: '验收', durationDays, milestoneName: '完成' })))).toBe('阶段“验收”的固定天数须为正整数');
    }
  });
  it('requires fixed days to fit in the span', () => {
    const fixed = (a: number, b: number): PhaseTemplate => ({
      name: '固定',
      phases: [
        { name: '甲', durationDays: a, milestoneName: '甲完成' },
        { name: '乙', durationDays: b, milestoneName: '乙完成' },
      ],
    });
    expect(errorOf(run(fixed(100, 21)))).toBe('固定天数合计 121 天，超出工期（工期 120 天）');
    const withShare: PhaseTemplate = {
      name: '留空',
      phases: [...fixed(100, 20).phases, { name: '丙', share: 1, milestoneName: '丙完成' }],
    };
    expect(errorOf(run(withShare))).toBe('固定天数合计 120 天，未给按比例安排的阶段留出时间（工期 120 天）');
  });
  it('requires at least one phase', () => {
    expect(errorOf(run({ name: '空模板', phases: [] }))).toBe('模板“空模板”没有任何阶段');
  });
});
