import { timetableOpen } from '@reform/contracts';
import { mayPlanTimetable, mayReportProgress } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { badRequest } from '../bad-request.ts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { ownershipOf } from '../tasks/task-ownership.ts';
import type { DetailRow } from '../tasks/task-dto.ts';

/** A task in scope that the user may plan (offices) or report on (lead unit too); else 404/403, or 400 once closed. */
export async function loadTaskFor(ctx: UseCaseContext, taskId: number, need: 'plan' | 'report'): Promise<DetailRow> {
  const task = await findTaskInScope(ctx, taskId);
  const allowed = need === 'plan' ? mayPlanTimetable(ctx.user, ownershipOf(task)) : mayReportProgress(ctx.user, ownershipOf(task));
  if (!allowed) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  if (!timetableOpen(task.status)) {
    throw badRequest('status', '任务已销号，时间表和节点不能再变动', 'The task is closed; its timetable is final');
  }
  return task;
}
