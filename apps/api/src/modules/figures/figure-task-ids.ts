import type { TTaskListQuery } from '@reform/contracts';
import { computeFigure, narrowFacts, parsePeriodKey, periodOf, quarterOf } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { figureScopeFilters } from './figure-scope.ts';
import { loadFigureFacts } from './load-figure-facts.ts';

/**
 * The ids of the tasks behind one figure (the dashboard's drill-down): the same scope filters,
 * the same facts and the same domain function as the dashboard, so the list's total equals the
 * figure's task count. With `figureUnitId`, only that unit's own tasks (a by-unit figure).
 */
export async function figureTaskIds(
  ctx: UseCaseContext,
  query: Pick<TTaskListQuery, 'figure' | 'period' | 'figureUnitId' | 'list' | 'field' | 'specialGroupId' | 'unitId' | 'countyId'>,
): Promise<number[]> {
  const key = query.figure!;
  const current = quarterOf(ctx.today);
  const parsed = query.period ? parsePeriodKey(query.period) : { year: current.year, quarter: current.quarter };
  const period = periodOf(parsed!.year, parsed!.quarter, ctx.today);
  const where = { AND: await figureScopeFilters(ctx, query) };
  const { facts } = await loadFigureFacts(ctx, where, period.year - 1);
  const scoped = query.figureUnitId ? narrowFacts(facts, (task) => task.leadUnitId === query.figureUnitId) : facts;
  return computeFigure(scoped, period, key).taskIds;
}
