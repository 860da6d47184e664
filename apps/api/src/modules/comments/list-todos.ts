import type { TTodo } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { personSelect } from '../people.ts';

/** Comments that mention the user's unit and that the unit has not yet marked done. */
export async function listTodos(ctx: UseCaseContext): Promise<TTodo[]> {
  const rows = await ctx.db.prisma.taskCommentMention.findMany({
    where: { unitId: ctx.user.unit.id, doneAt: null },
    include: {
      comment: {
        include: {
          task: { select: { id: true, code: true, title: true } },
          author: personSelect,
        },
      },
    },
    orderBy: { commentId: 'desc' },
    take: 200,
  });
  return rows.map(({ comment }) => ({
    commentId: comment.id,
    task: comment.task,
    author: { displayName: comment.author.displayName, unitName: comment.author.unit.name },
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  }));
}

export async function completeTodo(ctx: UseCaseContext, commentId: number): Promise<void> {
  const { count } = await ctx.db.prisma.taskCommentMention.updateMany({
    where: { commentId, unitId: ctx.user.unit.id, doneAt: null },
    data: { doneAt: new Date() },
  });
  if (count === 0) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
}
