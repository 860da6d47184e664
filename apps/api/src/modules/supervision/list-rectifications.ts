import type { TRectificationPage, ZRectificationListQuery } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { dateColumn } from '@reform/domain';
import type { z } from 'zod';
import { rectificationScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { pageArgs, totalOf } from '../paging.ts';
import { rectificationInclude, toRectification } from './rectification-dto.ts';

type Query = z.infer<typeof ZRectificationListQuery>;

/**
 * Rectification items in the user's scope, filtered by status, owner unit, task, inspection and
 * overdue (open and past the deadline; the deadline day itself is not late), earliest deadline first.
 */
export async function listRectifications(ctx: UseCaseContext, query: Query): Promise<TRectificationPage> {
  const today = dateColumn(ctx.today);
  const overdue: Prisma.RectificationItemWhereInput = { status: 'open', deadline: { lt: today } };
  const where: Prisma.RectificationItemWhereInput = {
    AND: [
      rectificationScope(ctx.user),
      query.status ? { status: query.status } : {},
      query.ownerUnitId ? { ownerUnitId: query.ownerUnitId } : {},
      query.taskId ? { taskId: query.taskId } : {},
      query.inspectionId ? { inspectionId: query.inspectionId } : {},
      query.overdue === undefined ? {} : query.overdue ? overdue : { NOT: overdue },
    ],
  };
  const rows = await ctx.db.prisma.rectificationItem.findMany({
    where,
    include: rectificationInclude,
    orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
    ...pageArgs(query),
  });
  const total = await totalOf(query, rows.length, () => ctx.db.prisma.rectificationItem.count({ where }));
  return { items: rows.map((row) => toRectification(row, ctx.user, ctx.today)), total };
}
