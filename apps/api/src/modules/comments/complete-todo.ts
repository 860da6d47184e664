import { taskScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';

/** Marks a comment that mentions the user's unit as handled; a comment on a task outside the user's scope is not found. */
export async function completeTodo(ctx: UseCaseContext, commentId: number): Promise<void> {
  const { count } = await ctx.db.prisma.taskCommentMention.updateMany({
    where: { commentId, unitId: ctx.user.unit.id, doneAt: null, comment: { task: taskScope(ctx.user) } },
    data: { doneAt: new Date() },
  });
  if (count === 0) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
}
