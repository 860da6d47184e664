import type { TMilestoneComplete, TTaskDetail } from '@reform/contracts';
import { daysBetween } from '@reform/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { dateColumn, isoDate } from '@reform/domain';
import { getTask } from '../tasks/get-task.ts';
import { badRequest } from '../bad-request.ts';
import { loadTaskFor } from './load-plannable-task.ts';

/** The lead unit marks a milestone done. Completing late is allowed, and recorded as late. */
export async function completeMilestone(
  ctx: UseCaseContext,
  taskId: number,
  milestoneId: number,
  input: TMilestoneComplete,
): Promise<TTaskDetail> {
  const task = await loadTaskFor(ctx, taskId, 'report');
  const milestone = task.milestones.find((m) => m.id === milestoneId);
  if (!milestone) throw badRequest('milestoneId', '节点不属于该任务', 'The milestone does not belong to this task');
  // A stale version first: whoever completed it meanwhile is shown by the current record.
  const current = () => getTask(ctx, taskId);
  if (input.version !== milestone.version) await staleVersion(current);
  if (milestone.doneDate) throw badRequest('doneDate', '该节点已完成', 'The milestone is already done');
  if (input.doneDate > ctx.today) throw badRequest('doneDate', '完成日期不能晚于今天', 'The completion date cannot be in the future');
  const lateDays = daysBetween(isoDate(milestone.dueDate), input.doneDate);
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.milestone.updateMany({
        where: { id: milestoneId, version: input.version, doneDate: null },
        data: { doneDate: dateColumn(input.doneDate), note: input.note, doneById: ctx.user.id, version: { increment: 1 } },
      }),
    current,
    rest: async (tx) => {
      await tx.task.update({ where: { id: taskId }, data: { lightAsOf: null } });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: 'milestone-done',
        changes: {
          [milestone.name]: { from: null, to: input.doneDate },
          ...(lateDays > 0 ? { lateDays: { from: null, to: lateDays } } : {}),
        },
        requestId: ctx.requestId,
      });
      await refreshTaskLights(tx, ctx.today, [taskId]);
    },
  });
  return getTask(ctx, taskId);
}
