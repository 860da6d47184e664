import type { TLedgerExportQuery, TTaskListQuery } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { figureTaskIds } from '../figures/figure-task-ids.ts';
import { searchFilter } from '../search/search-tasks.ts';

/** The list's filters, the user's scope first; shared by the list and the Excel export. */
export async function taskFilters(
  ctx: UseCaseContext,
  query: TTaskListQuery | TLedgerExportQuery,
): Promise<Prisma.TaskWhereInput[]> {
  const filters: Prisma.TaskWhereInput[] = [taskScope(ctx.user)];
  if (query.list) filters.push({ list: query.list });
  if (query.status) filters.push({ status: query.status });
  if (query.light) filters.push({ light: query.light });
  if (query.field) filters.push({ field: query.field });
  if (query.year) filters.push({ year: query.year });
  if (query.unitId) {
    // A unit filter takes in the unit's subtree: a county includes the tasks its towns lead.
    const unit = await ctx.db.prisma.unit.findUnique({ where: { id: query.unitId }, select: { path: true } });
    filters.push({ leadUnit: { path: { startsWith: unit?.path ?? '/none/' } } });
  }
  if (query.q) filters.push(await searchFilter(ctx, query.q));
  // The dashboard's drill-down: the same filters the figure was counted with, then its tasks.
  if (query.specialGroupId) filters.push({ specialGroupId: query.specialGroupId });
  if (query.countyId) {
    const county = await ctx.db.prisma.unit.findUnique({ where: { id: query.countyId }, select: { path: true } });
    filters.push({ leadUnit: { path: { startsWith: county?.path ?? '/none/' } } });
  }
  if (query.figure) filters.push({ id: { in: await figureTaskIds(ctx, query) } });
  return filters;
}
