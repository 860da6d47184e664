import type { TTodo } from '@reform/contracts';
import { plannableTaskScope, taskScope } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { personSelect } from '../people.ts';
import { reportTodos } from '../reports/report-todos.ts';
import { rectificationTodos } from '../supervision/rectification-todos.ts';

const LIMIT = 200;
const taskSelect = { select: { id: true, code: true, title: true } } as const;
const authorOf = (person: { displayName: string; unit: { name: string } }) => ({ displayName: person.displayName, unitName: person.unit.name });

/**
 * The user's to-do list: comments mentioning the user's unit not yet marked done, the
 * adjustment requests waiting for this user's decision (both only on tasks within the user's
 * scope), and rectification items due for the user's unit or waiting for the user's office to close.
 */
export async function listTodos(ctx: UseCaseContext): Promise<TTodo[]> {
  const decides = plannableTaskScope(ctx.user);
  const [mentions, adjustments] = await Promise.all([
    ctx.db.prisma.taskCommentMention.findMany({
      where: { unitId: ctx.user.unit.id, doneAt: null, comment: { task: taskScope(ctx.user) } },
      include: { comment: { include: { task: taskSelect, author: personSelect } } },
      orderBy: { commentId: 'desc' },
      take: LIMIT,
    }),
    decides
      ? ctx.db.prisma.adjustmentRequest.findMany({
          where: { status: 'pending', task: { AND: [taskScope(ctx.user), decides] } },
          include: { task: taskSelect, requestedBy: personSelect },
          orderBy: { id: 'desc' },
          take: LIMIT,
        })
      : [],
  ]);
  const todos: TTodo[] = [
    ...(await rectificationTodos(ctx, LIMIT)),
    ...(await reportTodos(ctx, LIMIT)),
    ...mentions.map(({ comment }): TTodo => ({
      kind: 'mention',
      commentId: comment.id,
      task: comment.task,
      author: authorOf(comment.author),
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    })),
    ...adjustments.map((request): TTodo => ({
      kind: 'adjustment',
      adjustmentId: request.id,
      task: request.task,
      author: authorOf(request.requestedBy),
      body: request.reason,
      createdAt: request.createdAt.toISOString(),
    })),
  ];
  return todos.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, LIMIT);
}
