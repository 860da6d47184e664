import type { TTaskListQuery, TTaskListResponse } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';
import { refreshLights } from './refresh-lights.ts';
import { taskFilters } from './task-filters.ts';
import { taskListSelect, toListItem } from './task-dto.ts';

/** Sort → orderBy: the code is unique, so it needs no tie-breaker and its index serves the order alone. */
function taskOrderBy(query: TTaskListQuery): Prisma.TaskOrderByWithRelationInput[] {
  if (query.sort === 'code') return [{ code: query.order }];
  return [{ [query.sort]: query.order }, { id: 'asc' }];
}

/**
 * The task list, the house's list loader: filters → where, sort → orderBy, select only what is
 * shown (relations joined into the same statement), one page, and a count only when the page
 * cannot tell the total. Indexes for the common filter + sort pairs: migration 0011.
 */
export async function listTasks(ctx: UseCaseContext, query: TTaskListQuery): Promise<TTaskListResponse> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  const where: Prisma.TaskWhereInput = { AND: await taskFilters(ctx, query) };
  const rows = await ctx.db.prisma.task.findMany({
    relationLoadStrategy: 'join',
    where,
    select: taskListSelect,
    orderBy: taskOrderBy(query),
    ...pageArgs(query),
  });
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.task.count({ where }));
  return { items: rows.map(toListItem), total };
}
