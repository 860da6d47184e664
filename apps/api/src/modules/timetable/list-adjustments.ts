import type { TAdjustment } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { adjustmentInclude, toAdjustment } from './adjustment-dto.ts';

/** A task's adjustment requests, newest first. */
export async function listAdjustments(ctx: UseCaseContext, taskId: number): Promise<TAdjustment[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.adjustmentRequest.findMany({
    where: { taskId },
    include: adjustmentInclude,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toAdjustment);
}
