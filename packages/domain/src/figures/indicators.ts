import { FigureKeyEnum, type Light, type OutcomeKind, type PilotStage, type TFigureKey } from '@reform/contracts';
import { quarterEnd, quarterStart, reportDueDate, type IsoDate, type Quarter } from '../calendar.ts';
import type { FigureFacts, RectificationFact, ReportFact, TaskFact } from './facts.ts';
import type { Period } from './period.ts';

/** What an indicator counted: the number, its parts for a rate, and the tasks behind it. */
export interface Measure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  taskIds: number[];
}

export interface Indicator {
  key: TFigureKey;
  label: string;
  kind: 'count' | 'rate';
  /** What the number counts, in words; shown in the UI beside it. */
  definition: string;
  measure: (ctx: PeriodFacts) => Measure;
}

/** The facts seen from one period, with the sets several indicators share worked out once. */
export interface PeriodFacts {
  period: Period;
  facts: FigureFacts;
  inPlay: TaskFact[];
  reportsByTask: Map<number, ReportFact[]>;
  /** Worked out on first use, shared by the indicators that need them. */
  memo: Map<string, unknown>;
}

function memoised<T>(ctx: PeriodFacts, name: string, compute: () => T): T {
  if (!ctx.memo.has(name)) ctx.memo.set(name, compute());
  return ctx.memo.get(name) as T;
}

// ─── Shared rules ────────────────────────────────────────────────────────────

export const finishedBy = (task: TaskFact, day: IsoDate) => task.finishedOn !== null && task.finishedOn <= day;

/** A task is in play in [from, asOf] when it was issued (not a draft), had started by asOf and had not finished before from. */
function inPlayBetween(task: TaskFact, from: IsoDate, asOf: IsoDate): boolean {
  return task.status !== 'draft' && task.startDate <= asOf && !(task.finishedOn !== null && task.finishedOn < from);
}

/** Whether a task counts as overdue-capable at asOf: running (not suspended) and not finished by then. */
export const runningAt = (task: TaskFact, asOf: IsoDate) => task.status !== 'suspended' && !finishedBy(task, asOf);

/** Reports by task, worked out once per list of reports (facts are never changed), not once per period. */
const reportsByTaskOf = new WeakMap<readonly ReportFact[], Map<number, ReportFact[]>>();

function groupReports(reports: readonly ReportFact[]): Map<number, ReportFact[]> {
  let byTask = reportsByTaskOf.get(reports);
  if (byTask) return byTask;
  byTask = new Map<number, ReportFact[]>();
  for (const report of reports) {
    const list = byTask.get(report.taskId);
    if (list) list.push(report);
    else byTask.set(report.taskId, [report]);
  }
  reportsByTaskOf.set(reports, byTask);
  return byTask;
}

export function periodFacts(facts: FigureFacts, period: Period): PeriodFacts {
  return {
    period,
    facts,
    // A period not yet begun (counted to a day before its start) has nothing in play yet.
    inPlay: period.asOf < period.from ? [] : facts.tasks.filter((task) => inPlayBetween(task, period.from, period.asOf)),
    reportsByTask: groupReports(facts.reports),
    memo: new Map(),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const count = (n: number, taskIds: Iterable<number>): Measure => ({
  value: n,
  numerator: null,
  denominator: null,
  taskIds: [...new Set(taskIds)].sort((a, b) => a - b),
});
const rate = (numerator: number, denominator: number, taskIds: Iterable<number>): Measure => ({
  value: denominator === 0 ? null : round1((numerator / denominator) * 100),
  numerator,
  denominator,
  taskIds: [...new Set(taskIds)].sort((a, b) => a - b),
});
const tasksWhere = (ctx: PeriodFacts, test: (task: TaskFact) => boolean) => {
  const tasks = ctx.inPlay.filter(test);
  return count(tasks.length, tasks.map((t) => t.id));
};

/** Milestones due within the period, up to asOf, of the tasks in play. */
export function milestonesDue(ctx: PeriodFacts) {
  const { from, asOf } = ctx.period;
  return memoised(ctx, 'milestonesDue', () =>
    ctx.inPlay.flatMap((task) =>
      task.milestones.filter((m) => m.dueDate >= from && m.dueDate <= asOf).map((m) => ({ task, milestone: m })),
    ),
  );
}
export const doneOnTime = (m: { dueDate: IsoDate; doneDate: IsoDate | null }) => m.doneDate !== null && m.doneDate <= m.dueDate;

/** Each report a task owed in the period: for every quarter whose report fell due within [from, asOf], each task in play during that quarter. */
export function reportsExpected(ctx: PeriodFacts) {
  return memoised(ctx, 'reportsExpected', () => findReportsExpected(ctx));
}
function findReportsExpected(ctx: PeriodFacts) {
  const { from, asOf } = ctx.period;
  const out: Array<{ task: TaskFact; quarter: Quarter; due: IsoDate; report: ReportFact | undefined }> = [];
  const firstYear = Number(from.slice(0, 4)) - 1;
  const lastYear = Number(asOf.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const q of [1, 2, 3, 4] as const) {
      const quarter: Quarter = { year, quarter: q };
      const due = reportDueDate(quarter, ctx.facts.reportDueDay);
      if (due < from || due > asOf) continue;
      const start = quarterStart(quarter);
      const end = quarterEnd(quarter);
      for (const task of ctx.facts.tasks) {
        if (!inPlayBetween(task, start, end)) continue;
        const report = ctx.reportsByTask.get(task.id)?.find((r) => r.year === year && r.quarter === q);
        out.push({ task, quarter, due, report });
      }
    }
  }
  return out;
}
/** Handed in (first submission) by the end of its due day: the round's, or the quarter's default. */
export const onTime = (e: { due: IsoDate; report: ReportFact | undefined }) =>
  e.report?.submittedOn != null && e.report.submittedOn <= (e.report.dueOn ?? e.due);

/** Rectification items still open at the end of asOf (found by then, not closed by then), of tasks in scope. */
function openRectifications(ctx: PeriodFacts): RectificationFact[] {
  const { from, asOf } = ctx.period;
  return memoised(ctx, 'openRectifications', () =>
    asOf < from ? [] : ctx.facts.rectifications.filter((r) => r.openedOn <= asOf && (r.closedOn === null || r.closedOn > asOf)),
  );
}

const PILOT_GROUPS: Record<'pilots_running' | 'pilots_extended' | 'pilots_evaluating' | 'pilots_promoted', readonly PilotStage[]> = {
  pilots_running: ['confirmed', 'plan_approved', 'implementing'],
  pilots_extended: ['extended'],
  pilots_evaluating: ['self_evaluated', 'evaluated'],
  pilots_promoted: ['promoted'],
};

// ─── The indicators, each with its definition ───────────────────────────────

const IN_PLAY = '期内在推任务：已下达（非草拟）、统计日前已开始、且未在本期开始前完成的任务';
const AS_OF = '统计日为期末；本期尚未结束时为昨天（当天到期的节点当天不算逾期）';

function lightIndicator(light: Light, name: string): Indicator {
  return {
    key: `light_${light}` as TFigureKey,
    label: FigureKeyEnum.labels[`light_${light}` as TFigureKey],
    kind: 'count',
    definition: `期内在推任务中，当前状态灯为${name}的任务数。状态灯由日期和事实按今天计算，不可手填。`,
    measure: (ctx) => tasksWhere(ctx, (task) => task.light === light),
  };
}

function outcomeIndicator(kind: OutcomeKind): Indicator {
  const key = `outcomes_${kind}` as TFigureKey;
  return {
    key,
    label: FigureKeyEnum.labels[key],
    kind: 'count',
    definition: `期内在推任务的任务书中，“${FigureKeyEnum.labels[key]}”类预期成果截至今天已交付的件数之和（数字为件数，链接列出交付了此类成果的任务）。`,
    measure: (ctx) => {
      let delivered = 0;
      const ids: number[] = [];
      for (const task of ctx.inPlay) {
        const n = task.outcomes.filter((o) => o.kind === kind).reduce((sum, o) => sum + o.delivered, 0);
        if (n > 0) {
          delivered += n;
          ids.push(task.id);
        }
      }
      return count(delivered, ids);
    },
  };
}

function pilotIndicator(key: keyof typeof PILOT_GROUPS, stages: string): Indicator {
  return {
    key,
    label: FigureKeyEnum.labels[key],
    kind: 'count',
    definition: `期内在推的改革试点中，当前所处阶段为${stages}的试点数。`,
    measure: (ctx) => tasksWhere(ctx, (task) => task.list === 'pilot' && task.pilotStage !== null && PILOT_GROUPS[key].includes(task.pilotStage)),
  };
}

export const indicators: readonly Indicator[] = [
  {
    key: 'tasks',
    label: FigureKeyEnum.labels.tasks,
    kind: 'count',
    definition: `${IN_PLAY}的数量。${AS_OF}。`,
    measure: (ctx) => tasksWhere(ctx, () => true),
  },
  lightIndicator('red', '红灯（节点或完成时限已过而未完成）'),
  lightIndicator('yellow', '黄灯（节点临近或季度报告迟报）'),
  lightIndicator('green', '绿灯（正常推进）'),
  lightIndicator('grey', '灰灯（暂停或已结束）'),
  {
    key: 'completed',
    label: FigureKeyEnum.labels.completed,
    kind: 'count',
    definition: `期内在推任务中，截至统计日已完成或已销号的任务数（完成日为最后一个节点的完成日，无节点时为完成时限）。`,
    measure: (ctx) => tasksWhere(ctx, (task) => finishedBy(task, ctx.period.asOf)),
  },
  {
    key: 'completion_rate',
    label: FigureKeyEnum.labels.completion_rate,
    kind: 'rate',
    definition: `完成率 = 截至统计日已完成（含销号）的任务数 ÷ 期内在推任务数 × 100%。`,
    measure: (ctx) => {
      const done = ctx.inPlay.filter((task) => finishedBy(task, ctx.period.asOf)).length;
      return rate(done, ctx.inPlay.length, ctx.inPlay.map((t) => t.id));
    },
  },
  {
    key: 'milestones_due',
    label: FigureKeyEnum.labels.milestones_due,
    kind: 'count',
    definition: `期内在推任务中，节点计划完成日落在本期（至统计日）的节点数（链接列出这些节点所属的任务）。`,
    measure: (ctx) => {
      const due = milestonesDue(ctx);
      return count(due.length, due.map((d) => d.task.id));
    },
  },
  {
    key: 'milestones_on_time_rate',
    label: FigureKeyEnum.labels.milestones_on_time_rate,
    kind: 'rate',
    definition: `节点按时完成率 = 本期到期节点中在计划完成日当天或之前完成的节点数 ÷ 本期到期节点数 × 100%。`,
    measure: (ctx) => {
      const due = milestonesDue(ctx);
      return rate(due.filter((d) => doneOnTime(d.milestone)).length, due.length, due.map((d) => d.task.id));
    },
  },
  {
    key: 'milestones_late',
    label: FigureKeyEnum.labels.milestones_late,
    kind: 'count',
    definition: `本期到期节点中未在计划完成日当天或之前完成的节点数（含至今未完成的），链接列出所属任务。`,
    measure: (ctx) => {
      const late = milestonesDue(ctx).filter((d) => !doneOnTime(d.milestone));
      return count(late.length, late.map((d) => d.task.id));
    },
  },
  {
    key: 'overdue_milestones',
    label: FigureKeyEnum.labels.overdue_milestones,
    kind: 'count',
    definition: `统计日结束时已过计划完成日仍未完成的节点数（不论何时到期），只计期内在推、未暂停且未完成的任务，链接列出所属任务。`,
    measure: (ctx) => {
      const { asOf } = ctx.period;
      const pairs = ctx.inPlay
        .filter((task) => runningAt(task, asOf))
        .flatMap((task) =>
          task.milestones.filter((m) => m.dueDate <= asOf && (m.doneDate === null || m.doneDate > asOf)).map(() => task.id),
        );
      return count(pairs.length, pairs);
    },
  },
  {
    key: 'overdue_tasks',
    label: FigureKeyEnum.labels.overdue_tasks,
    kind: 'count',
    definition: `统计日结束时已过完成时限仍未完成的任务数（暂停的任务不计）。`,
    measure: (ctx) => tasksWhere(ctx, (task) => runningAt(task, ctx.period.asOf) && task.deadline <= ctx.period.asOf),
  },
  {
    key: 'reports_expected',
    label: FigureKeyEnum.labels.reports_expected,
    kind: 'count',
    definition: `报送截止日落在本期（至统计日）的季度报告份数：该季度内在推的每项任务各应报一份（截止日为季度结束后第 N 天，N 见系统设置）。`,
    measure: (ctx) => {
      const expected = reportsExpected(ctx);
      return count(expected.length, expected.map((e) => e.task.id));
    },
  },
  {
    key: 'reports_on_time_rate',
    label: FigureKeyEnum.labels.reports_on_time_rate,
    kind: 'rate',
    definition: `报告及时率 = 应报季度报告中在截止日当天或之前首次提交的份数 ÷ 应报份数 × 100%。`,
    measure: (ctx) => {
      const expected = reportsExpected(ctx);
      return rate(expected.filter(onTime).length, expected.length, expected.map((e) => e.task.id));
    },
  },
  {
    key: 'reports_late',
    label: FigureKeyEnum.labels.reports_late,
    kind: 'count',
    definition: `应报季度报告中截止日后才提交或至今未提交的份数，链接列出相应任务。`,
    measure: (ctx) => {
      const late = reportsExpected(ctx).filter((e) => !onTime(e));
      return count(late.length, late.map((e) => e.task.id));
    },
  },
  {
    key: 'reports_first_acceptance_rate',
    label: FigureKeyEnum.labels.reports_first_acceptance_rate,
    kind: 'rate',
    definition: `报告一次通过率 = 应报季度报告中已审核且首次提交即通过的份数 ÷ 已审核份数 × 100%。`,
    measure: (ctx) => {
      const reviewed = reportsExpected(ctx).filter((e) => e.report?.acceptedAtFirstSubmission != null);
      return rate(
        reviewed.filter((e) => e.report!.acceptedAtFirstSubmission).length,
        reviewed.length,
        reviewed.map((e) => e.task.id),
      );
    },
  },
  {
    key: 'rectifications_open',
    label: FigureKeyEnum.labels.rectifications_open,
    kind: 'count',
    definition: `督查发现、统计日结束时尚未销号的整改事项数（范围内任务的督查），链接列出被督查的任务。`,
    measure: (ctx) => {
      const open = openRectifications(ctx);
      return count(open.length, open.map((r) => r.taskId));
    },
  },
  {
    key: 'rectifications_overdue',
    label: FigureKeyEnum.labels.rectifications_overdue,
    kind: 'count',
    definition: `尚未销号且已过整改时限的整改事项数（统计日结束时），链接列出被督查的任务。`,
    measure: (ctx) => {
      const overdue = openRectifications(ctx).filter((r) => r.deadline <= ctx.period.asOf);
      return count(overdue.length, overdue.map((r) => r.taskId));
    },
  },
  outcomeIndicator('institutional_document'),
  outcomeIndicator('replicable_experience'),
  outcomeIndicator('landmark'),
  outcomeIndicator('other'),
  pilotIndicator('pilots_running', '已确认、方案已批复或实施中'),
  pilotIndicator('pilots_extended', '已延期'),
  pilotIndicator('pilots_evaluating', '已自评或已评估'),
  pilotIndicator('pilots_promoted', '已复制推广'),
];

export const indicatorByKey = new Map(indicators.map((indicator) => [indicator.key, indicator]));
