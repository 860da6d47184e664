import { taskScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { taskDetailInclude, type DetailRow } from './task-dto.ts';

/** Loads a task the user may see, relations joined into one statement, or answers 404 whether it is missing or out of scope. */
export async function findTaskInScope(ctx: UseCaseContext, id: number): Promise<DetailRow> {
  const task = await ctx.db.prisma.task.findFirst({
    relationLoadStrategy: 'join',
    where: { AND: [{ id }, taskScope(ctx.user)] },
    include: taskDetailInclude,
  });
  if (!task) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return task;
}
