import { mayPlanTimetable, mayReportProgress } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope, getTask, ownershipOf } from '../tasks/get-task.ts';
import type { DetailRow } from '../tasks/task-dto.ts';

/** A task in scope that the user may plan (offices) or report on (lead unit too); else 404/403. */
export async function loadTaskFor(ctx: UseCaseContext, taskId: number, need: 'plan' | 'report'): Promise<DetailRow> {
  const task = await findTaskInScope(ctx, taskId);
  const allowed = need === 'plan' ? mayPlanTimetable(ctx.user, ownershipOf(task)) : mayReportProgress(ctx.user, ownershipOf(task));
  if (!allowed) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  return task;
}

export async function conflictWithCurrent(ctx: UseCaseContext, taskId: number): Promise<never> {
  throw new AppError(AppErrorCode.Conflict, errorText.staleVersion, { current: await getTask(ctx, taskId) });
}

export function badRequest(path: string, zh: string, en: string): AppError {
  return new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path, message: { zh, en } }] });
}
