import { taskScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';

/** What `mayMention` weighs a unit against: the units a task in the user's scope belongs to (404 outside it). */
export async function mentionMembersOf(ctx: UseCaseContext, taskId: number): Promise<{ units: { id: number; path: string }[] }> {
  const task = await ctx.db.prisma.task.findFirst({
    where: { AND: [{ id: taskId }, taskScope(ctx.user)] },
    select: { units: { where: { role: { in: ['lead', 'cooperating', 'applicant'] } }, select: { unit: { select: { id: true, path: true } } } } },
  });
  if (!task) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return { units: task.units.map(({ unit }) => unit) };
}

/** The columns `mayMention` reads of a candidate unit. */
export const mentionCandidateSelect = {
  id: true,
  name: true,
  kind: true,
  path: true,
  parent: { select: { kind: true, path: true } },
} as const;
