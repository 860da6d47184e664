import { timetableOpen, type TTaskDetail } from '@reform/contracts';
import { mayChangeTaskStatus, mayExtendPilot, mayPlanTimetable, mayReportProgress } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import { findTaskInScope } from './find-task-in-scope.ts';
import { refreshLights } from './refresh-lights.ts';
import { toDetail } from './task-dto.ts';
import { fieldAccessOf, ownershipOf } from './task-ownership.ts';

export async function getTask(ctx: UseCaseContext, id: number): Promise<TTaskDetail> {
  await refreshLights(ctx.db, ctx.today, { taskIds: [id] });
  const task = await findTaskInScope(ctx, id);
  const ownership = ownershipOf(task);
  const fields = fieldAccessOf(ctx, task);
  return toDetail(task, {
    editableFields: fields.editable,
    frozenFields: fields.frozen,
    canPlanTimetable: mayPlanTimetable(ctx.user, ownership) && timetableOpen(task.status),
    canReportProgress: mayReportProgress(ctx.user, ownership) && timetableOpen(task.status),
    canChangeStatus: mayChangeTaskStatus(ctx.user, ownership),
    canExtendPilot: task.pilot !== null && mayExtendPilot(ctx.user, ownership) && timetableOpen(task.status),
  });
}
