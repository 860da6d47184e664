import { TaskStatusEnum, statusActionFor, timetableOpen, type TTaskDetail, type TTaskStatusChange } from '@reform/contracts';
import { mayChangeTaskStatus } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from './refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { badRequest } from '../bad-request.ts';
import { findTaskInScope } from './find-task-in-scope.ts';
import { getTask } from './get-task.ts';
import { ownershipOf } from './task-ownership.ts';

/** The audit log's action for a status change, e.g. status-suspend (the history names it in words). */
export const statusAuditAction = (actionKey: string) => `status-${actionKey}`;

/**
 * Starts, suspends, resumes, completes or closes (销号) a task, only along the transitions the
 * contracts allow and only from the version the office saw (else 409). The reason goes into the
 * audit log; the light is marked stale and recomputed (grey while the task is not running).
 */
export async function changeTaskStatus(ctx: UseCaseContext, taskId: number, body: TTaskStatusChange): Promise<TTaskDetail> {
  const task = await findTaskInScope(ctx, taskId);
  if (!mayChangeTaskStatus(ctx.user, ownershipOf(task))) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getTask(ctx, taskId);
  if (body.version !== task.version) await staleVersion(current);
  const action = statusActionFor(task.status, body.status);
  if (!action) {
    const from = TaskStatusEnum.labels[task.status];
    const to = TaskStatusEnum.labels[body.status];
    throw task.status === 'closed'
      ? badRequest('status', '任务已销号，状态不能再改变', 'The task is closed; its status no longer changes')
      : badRequest('status', `任务当前为“${from}”，不能改为“${to}”`, `A task that is ${task.status} cannot become ${body.status}`);
  }

  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.task.updateMany({
        where: { id: taskId, version: body.version },
        data: { status: body.status, version: { increment: 1 }, lightAsOf: null },
      }),
    current,
    rest: async (tx) => {
      // Closing ends the timetable: a pending adjustment request can no longer be decided, so it is refused with the reason.
      if (!timetableOpen(body.status)) {
        await tx.adjustmentRequest.updateMany({
          where: { taskId, status: 'pending' },
          data: { status: 'refused', decidedById: ctx.user.id, decidedAt: new Date(), decisionComment: '任务已销号', version: { increment: 1 } },
        });
      }
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: statusAuditAction(action.key),
        changes: {
          status: { from: task.status, to: body.status },
          ...(body.reason ? { reason: { from: null, to: body.reason } } : {}),
        },
        requestId: ctx.requestId,
      });
      await refreshTaskLights(tx, ctx.today, [taskId]);
    },
  });
  return getTask(ctx, taskId);
}
