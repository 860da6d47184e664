import { TaskListEnum, type TDashboard, type TDashboardQuery, type TFigure, type TFigureKey } from '@reform/contracts';
import {
  addDays,
  changeOf,
  computeFigures,
  figuresByUnit,
  narrowFacts,
  periodOf,
  previousPeriodOf,
  quarterOf,
  trendQuarters,
  type FigureSet,
  type Period,
} from '@reform/domain';
import { taskScopeKey } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { memoizedByFacts } from '../fact-version.ts';
import { refreshLights } from '../tasks/refresh-lights.ts';
import { figureScopeFilters } from './figure-scope.ts';
import { loadFigureFacts } from './load-figure-facts.ts';

/** The figures each list's row shows (the overall row shows every figure). */
const listFigureKeys: readonly TFigureKey[] = [
  'tasks',
  'light_red',
  'light_yellow',
  'completion_rate',
  'milestones_on_time_rate',
  'overdue_milestones',
  'overdue_tasks',
  'reports_on_time_rate',
];

const trendKeys = ['tasks', 'completion_rate', 'milestones_on_time_rate', 'reports_on_time_rate', 'overdue_milestones', 'overdue_tasks'] as const;
const TREND_QUARTERS = 8;
const UPCOMING_DAYS = 30;
const ATTENTION_LIMIT = 100;
const UPCOMING_LIMIT = 50;
const UNITS_LIMIT = 10;

/** The quarter before the one a day falls in. */
export function quarterBefore(day: string): { year: number; quarter: number } {
  const q = quarterOf(day);
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 };
}

/** The period asked for: a quarter, the year to date (a year without a quarter), or the current quarter. */
export function dashboardPeriod(query: { year?: number; quarter?: number }, today: string): Period {
  if (query.year === undefined && query.quarter === undefined) {
    const current = quarterOf(today);
    return periodOf(current.year, current.quarter, today);
  }
  const year = query.year ?? quarterOf(today).year;
  return periodOf(year, query.quarter ?? null, today);
}

function figuresOf(current: Partial<FigureSet>, previous: Partial<FigureSet>, keys: readonly TFigureKey[]): TFigure[] {
  return keys.map((key) => {
    const figure = current[key]!;
    const before = previous[key]!.value;
    return {
      key,
      label: figure.label,
      definition: figure.definition,
      kind: figure.kind,
      value: figure.value,
      numerator: figure.numerator,
      denominator: figure.denominator,
      taskCount: figure.taskIds.length,
      previous: before,
      change: changeOf(figure.value, before),
    };
  });
}

const periodDto = (p: Period) => ({ ...p });

/**
 * The overview dashboard: every figure of the figures module for the chosen period and filters,
 * per list and overall, against the previous period; the trend over 8 quarters; the red and
 * yellow tasks; milestones due in the next 30 days; the units with most overdue items.
 * Facts are loaded once (a few statements) and every number is computed from them; the answer is
 * kept per fact version, day, filters and the caller's scope (`memoizedByFacts`), so until a fact
 * changes the next request reads one row.
 */
export async function getDashboard(ctx: UseCaseContext, query: TDashboardQuery): Promise<TDashboard> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  return memoizedByFacts(ctx, ['dashboard', taskScopeKey(ctx.user), query], () => computeDashboard(ctx, query));
}

async function computeDashboard(ctx: UseCaseContext, query: TDashboardQuery): Promise<TDashboard> {
  const period = dashboardPeriod(query, ctx.today);
  const previous = previousPeriodOf(period, ctx.today);
  const trend = trendQuarters(period, TREND_QUARTERS, ctx.today);
  // The earliest period counted owes the reports of the quarter before it.
  const earliest = [trend[0]!, previous].sort((a, b) => a.from.localeCompare(b.from))[0]!;
  const { facts, labels } = await loadFigureFacts(ctx, { AND: await figureScopeFilters(ctx, query) }, quarterBefore(earliest.from));

  const current = computeFigures(facts, period);
  const before = computeFigures(facts, previous);
  const allKeys = Object.keys(current) as TFigureKey[];

  const byList = TaskListEnum.values
    .filter((list) => !query.list || query.list === list)
    .map((list) => {
      const listFacts = narrowFacts(facts, (task) => task.list === list);
      return {
        list,
        label: TaskListEnum.labels[list],
        figures: figuresOf(computeFigures(listFacts, period, listFigureKeys), computeFigures(listFacts, previous, listFigureKeys), listFigureKeys),
      };
    });

  const trendRows = trend.map((quarter) => {
    const f = quarter.key === period.key ? current : computeFigures(facts, quarter, trendKeys);
    return {
      period: quarter.key,
      label: `${quarter.year}Q${quarter.quarter}`,
      tasks: f.tasks.value ?? 0,
      completionRate: f.completion_rate.value,
      milestonesOnTimeRate: f.milestones_on_time_rate.value,
      reportsOnTimeRate: f.reports_on_time_rate.value,
      overdueMilestones: f.overdue_milestones.value ?? 0,
      overdueTasks: f.overdue_tasks.value ?? 0,
    };
  });

  const lightOrder = { red: 0, yellow: 1 } as Record<string, number>;
  const inPlay = new Set(current.tasks.taskIds);
  const attention = facts.tasks
    .filter((task) => (task.light === 'red' || task.light === 'yellow') && inPlay.has(task.id))
    .sort((a, b) => lightOrder[a.light]! - lightOrder[b.light]! || a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code))
    .slice(0, ATTENTION_LIMIT)
    .map((task) => ({
      id: task.id,
      code: task.code,
      title: task.title,
      list: task.list,
      light: task.light,
      lightReason: task.lightReason,
      leadUnit: labels.get(task.id)!.leadUnit,
      leadLeader: labels.get(task.id)!.leadLeader,
      deadline: task.deadline,
    }));

  const horizon = addDays(ctx.today, UPCOMING_DAYS);
  const upcomingMilestones = facts.tasks
    .filter((task) => task.status === 'active')
    .flatMap((task) =>
      task.milestones
        .filter((m) => m.doneDate === null && m.dueDate >= ctx.today && m.dueDate <= horizon)
        .map((m) => ({ taskId: task.id, code: task.code, title: task.title, name: m.name, dueDate: m.dueDate, leadUnit: labels.get(task.id)!.leadUnit })),
    )
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code))
    .slice(0, UPCOMING_LIMIT);

  const unitNames = new Map([...labels.values()].map((label) => [label.leadUnit.id, label.leadUnit]));
  const unitsMostOverdue = [
    ...figuresByUnit(facts, period, (task) => task.leadUnitId, ['overdue_milestones', 'overdue_tasks', 'rectifications_overdue'] as const),
  ]
    .map(([unitId, f]) => {
      const overdueMilestones = f.overdue_milestones.value ?? 0;
      const overdueTasks = f.overdue_tasks.value ?? 0;
      const overdueRectifications = f.rectifications_overdue.value ?? 0;
      return {
        unit: unitNames.get(unitId)!,
        overdueMilestones,
        overdueTasks,
        overdueRectifications,
        total: overdueMilestones + overdueTasks + overdueRectifications,
      };
    })
    .filter((row) => row.total > 0)
    .sort((a, b) => b.total - a.total || a.unit.id - b.unit.id)
    .slice(0, UNITS_LIMIT);

  return {
    period: periodDto(period),
    previousPeriod: periodDto(previous),
    figures: figuresOf(current, before, allKeys),
    byList,
    trend: trendRows,
    attention,
    upcomingMilestones,
    unitsMostOverdue,
  };
}
