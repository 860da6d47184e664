import type { TTaskDetail } from '@reform/contracts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { isoDate } from '@reform/domain';
import { getTask } from '../tasks/get-task.ts';
import { badRequest } from '../bad-request.ts';
import { loadTaskFor } from './load-plannable-task.ts';

/** The reform office approves the timetable: the deadline and every milestone's current date become their frozen baseline. */
export async function approveBaseline(ctx: UseCaseContext, taskId: number, version: number): Promise<TTaskDetail> {
  const task = await loadTaskFor(ctx, taskId, 'plan');
  const current = () => getTask(ctx, taskId);
  if (version !== task.version) await staleVersion(current);
  if (task.baselineApprovedAt) throw badRequest('version', '时间表已审定', 'The timetable is already approved');
  if (task.milestones.length === 0) throw badRequest('milestones', '请先制定时间节点', 'Add milestones first');
  await versionedWrite(ctx, {
    // The version guarantees the deadline is still the one loaded.
    claim: (tx) =>
      tx.task.updateMany({
        where: { id: taskId, version },
        data: { version: { increment: 1 }, baselineApprovedAt: new Date(), baselineDeadline: task.deadline },
      }),
    current,
    rest: async (tx) => {
      await tx.$executeRaw`UPDATE milestone SET baseline_due_date = due_date, version = version + 1 WHERE task_id = ${taskId}`;
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: 'baseline',
        changes: { baselineDeadline: { from: null, to: isoDate(task.deadline) } },
        requestId: ctx.requestId,
      });
    },
  });
  return getTask(ctx, taskId);
}
