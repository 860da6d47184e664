import type { TLedgerExportQuery, TTaskListQuery, TTaskListResponse } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { searchFilter, searchTasks } from '../search/search-tasks.ts';
import { refreshLights } from './refresh-lights.ts';
import { taskListInclude, toListItem } from './task-dto.ts';

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
  return filters;
}

export async function listTasks(ctx: UseCaseContext, query: TTaskListQuery): Promise<TTaskListResponse> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  const orderBy: Prisma.TaskOrderByWithRelationInput[] = [{ [query.sort]: query.order }, { id: 'asc' }];
  if (query.q) {
    // Search ranks title matches first and pages each group itself (modules/search).
    const { q, ...filters } = query;
    return searchTasks(ctx, q, { AND: await taskFilters(ctx, filters) }, { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
      async (client, where, skip, take) => (await client.task.findMany({ where, include: taskListInclude, orderBy, skip, take })).map(toListItem));
  }
  const where: Prisma.TaskWhereInput = { AND: await taskFilters(ctx, query) };
  // Independent queries: on PostgreSQL they run side by side; the embedded database queues them.
  const [total, rows] = await Promise.all([
    ctx.db.prisma.task.count({ where }),
    ctx.db.prisma.task.findMany({
      where,
      include: taskListInclude,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(toListItem), total };
}

/** Values for the list's filter drop-downs, drawn from the tasks the user can see. */
export async function listTaskFacets(ctx: UseCaseContext): Promise<{ fields: string[]; years: number[] }> {
  const where = taskScope(ctx.user);
  const fields = await ctx.db.prisma.task.findMany({ where, distinct: ['field'], select: { field: true }, orderBy: { field: 'asc' } });
  const years = await ctx.db.prisma.task.findMany({ where, distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } });
  return { fields: fields.map((row) => row.field), years: years.map((row) => row.year) };
}
