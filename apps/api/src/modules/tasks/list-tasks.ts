import type { TTaskListQuery, TTaskListResponse } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';
import { searchTasks } from '../search/search-tasks.ts';
import { refreshLights } from './refresh-lights.ts';
import { taskFilters } from './task-filters.ts';
import { taskListSelect, toListItem } from './task-dto.ts';

/** Sort → orderBy: the code is unique, so it needs no tie-breaker and its index serves the order alone. */
function taskOrderBy(query: TTaskListQuery): Prisma.TaskOrderByWithRelationInput[] {
  if (query.sort === 'code') return [{ code: query.order }];
  return [{ [query.sort]: query.order }, { id: 'asc' }];
}

/** The shown columns of the matching tasks, their relations joined into the same statement. */
function findRows(
  client: Prisma.TransactionClient,
  where: Prisma.TaskWhereInput,
  orderBy: Prisma.TaskOrderByWithRelationInput[],
  page: { skip?: number; take?: number },
) {
  return client.task.findMany({ relationLoadStrategy: 'join', where, select: taskListSelect, orderBy, ...page });
}

/**
 * The task list, the house's list loader: filters → where, sort → orderBy, select only what is
 * shown (relations joined into the same statement), one page, and a count only when the page
 * cannot tell the total. Indexes for the common filter + sort pairs: migration 0009. A keyword
 * query is paged by the search (title matches first), with this loader for each group.
 */
export async function listTasks(ctx: UseCaseContext, query: TTaskListQuery): Promise<TTaskListResponse> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  const orderBy = taskOrderBy(query);
  const page = pageArgs(query);
  if (query.q) {
    const { q, ...filters } = query;
    return searchTasks(ctx, q, { AND: await taskFilters(ctx, filters) }, page, async (client, where, skip, take) =>
      (await findRows(client, where, orderBy, { skip, take })).map(toListItem),
    );
  }
  const where: Prisma.TaskWhereInput = { AND: await taskFilters(ctx, query) };
  let rows;
  if (page.skip === 0) rows = await findRows(ctx.db.prisma, where, orderBy, page);
  else {
    // Joined relations are built for every row OFFSET skips, so a later page first picks its ids
    // from the task table alone (page 100 at 100,000 tasks would otherwise join 2,000 rows).
    const ids = await ctx.db.prisma.task.findMany({ where, select: { id: true }, orderBy, ...page });
    rows = ids.length === 0 ? [] : await findRows(ctx.db.prisma, { id: { in: ids.map((row) => row.id) } }, orderBy, {});
  }
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.task.count({ where }));
  return { items: rows.map(toListItem), total };
}
