import type { TTaskListQuery } from '@reform/contracts';
import { computeFigure, narrowFacts, parsePeriodKey, periodOf, quarterOf } from '@reform/domain';
import { taskScopeKey } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { memoizedByFacts } from '../fact-version.ts';
import { figureScopeFilters } from './figure-scope.ts';
import { quarterBefore } from './get-dashboard.ts';
import { loadFigureFacts } from './load-figure-facts.ts';

/**
 * The ids of the tasks behind one figure (the dashboard's drill-down): the same scope filters,
 * the same facts and the same domain function as the dashboard, so the list's total equals the
 * figure's task count. With `figureUnitId`, only that unit's own tasks (a by-unit figure). Kept per
 * fact version, day, figure, filters and scope, as the dashboard is.
 */
export async function figureTaskIds(ctx: UseCaseContext, query: FigureQuery): Promise<number[]> {
  const { figure, period, figureUnitId, list, field, specialGroupId, unitId, countyId } = query;
  const key = ['figure-task-ids', taskScopeKey(ctx.user), { figure, period, figureUnitId, list, field, specialGroupId, unitId, countyId }];
  return memoizedByFacts(ctx, key, () => computeFigureTaskIds(ctx, query), (ids) => ids.length / 10);
}

type FigureQuery = Pick<TTaskListQuery, 'figure' | 'period' | 'figureUnitId' | 'list' | 'field' | 'specialGroupId' | 'unitId' | 'countyId'>;

async function computeFigureTaskIds(ctx: UseCaseContext, query: FigureQuery): Promise<number[]> {
  const key = query.figure!;
  const current = quarterOf(ctx.today);
  const parsed = query.period ? parsePeriodKey(query.period) : { year: current.year, quarter: current.quarter };
  const period = periodOf(parsed!.year, parsed!.quarter, ctx.today);
  const where = { AND: await figureScopeFilters(ctx, query) };
  const { facts } = await loadFigureFacts(ctx, where, quarterBefore(period.from));
  const scoped = query.figureUnitId ? narrowFacts(facts, (task) => task.leadUnitId === query.figureUnitId) : facts;
  return computeFigure(scoped, period, key).taskIds;
}
