import type { TComment } from '@reform/contracts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { commentInclude, toComment } from './comment-dto.ts';

/** A task's discussion, oldest first. */
export async function listComments(ctx: UseCaseContext, taskId: number): Promise<TComment[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.taskComment.findMany({ where: { taskId }, include: commentInclude, orderBy: { id: 'asc' } });
  return rows.map(toComment);
}
