import { taskFieldAccess, type TaskOwnership } from '../../access/policy.ts';
import type { UseCaseContext } from '../context.ts';
import type { DetailRow } from './task-dto.ts';

/** Who owns a loaded task, as the access policy asks. */
export function ownershipOf(task: DetailRow): TaskOwnership {
  return {
    leadUnitId: task.leadUnitId,
    leadUnitPath: task.leadUnit.path,
    applyingCountyPath: task.pilot?.applyingCounty?.path ?? null,
  };
}

/** Which of a loaded task's fields the user may edit, and which the approved timetable froze. */
export function fieldAccessOf(ctx: UseCaseContext, task: DetailRow) {
  return taskFieldAccess(ctx.user, { ...ownershipOf(task), list: task.list, baselineApproved: task.baselineApprovedAt !== null });
}
