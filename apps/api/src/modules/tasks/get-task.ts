import { timetableOpen, type TTaskDetail } from '@reform/contracts';
import {
  mayChangeTaskStatus,
  mayExtendPilot,
  mayPlanTimetable,
  mayReportProgress,
  taskFieldAccess,
  taskScope,
  type TaskOwnership,
} from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshLights } from './refresh-lights.ts';
import { taskDetailInclude, toDetail, type DetailRow } from './task-dto.ts';

/** Loads a task the user may see, or answers 404 whether it is missing or out of scope. */
export async function findTaskInScope(ctx: UseCaseContext, id: number): Promise<DetailRow> {
  const task = await ctx.db.prisma.task.findFirst({
    where: { AND: [{ id }, taskScope(ctx.user)] },
    include: taskDetailInclude,
  });
  if (!task) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  return task;
}

export function ownershipOf(task: DetailRow): TaskOwnership {
  return {
    leadUnitId: task.leadUnitId,
    leadUnitPath: task.leadUnit.path,
    applyingCountyPath: task.pilot?.applyingCounty?.path ?? null,
  };
}

export function fieldAccessOf(ctx: UseCaseContext, task: DetailRow) {
  return taskFieldAccess(ctx.user, { ...ownershipOf(task), list: task.list, baselineApproved: task.baselineApprovedAt !== null });
}

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
