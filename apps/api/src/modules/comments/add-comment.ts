import type { TComment, TCommentCreate } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { commentInclude, toComment } from './comment-dto.ts';

/** A comment on a task; each unit it mentions finds it in its to-do list (and may then open the task). */
export async function addComment(ctx: UseCaseContext, taskId: number, input: TCommentCreate): Promise<TComment> {
  await findTaskInScope(ctx, taskId);
  const unitIds = [...new Set(input.mentionUnitIds)];
  if ((await ctx.db.prisma.unit.count({ where: { id: { in: unitIds } } })) !== unitIds.length) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: [{ path: 'mentionUnitIds', message: { zh: '提及的单位不存在', en: 'A mentioned unit does not exist' } }],
    });
  }
  const row = await ctx.db.prisma.taskComment.create({
    data: {
      taskId,
      authorId: ctx.user.id,
      body: input.body,
      mentions: { create: unitIds.map((unitId) => ({ unitId })) },
    },
    include: commentInclude,
  });
  return toComment(row);
}

export async function listComments(ctx: UseCaseContext, taskId: number): Promise<TComment[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.taskComment.findMany({ where: { taskId }, include: commentInclude, orderBy: { id: 'asc' } });
  return rows.map(toComment);
}
