import type { TMilestonesPut, TTaskDetail } from '@reform/contracts';
import { diff, recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { dateColumn, isoDate } from '@reform/domain';
import { getTask } from '../tasks/get-task.ts';
import { badRequest } from '../bad-request.ts';
import { loadTaskFor } from './load-plannable-task.ts';

/**
 * Sets a task's milestones while its timetable is still a draft. Once the baseline is
 * approved, dates change only through an adjustment request.
 */
export async function replaceMilestones(ctx: UseCaseContext, taskId: number, input: TMilestonesPut): Promise<TTaskDetail> {
  const task = await loadTaskFor(ctx, taskId, 'plan');
  const current = () => getTask(ctx, taskId);
  if (input.version !== task.version) await staleVersion(current);
  if (task.baselineApprovedAt) {
    throw badRequest('milestones', '时间表已审定，调整日期请提交调整申请', 'The timetable is approved; request an adjustment instead');
  }
  const start = isoDate(task.startDate);
  const deadline = isoDate(task.deadline);
  input.milestones.forEach((m, index) => {
    if (m.dueDate < start || m.dueDate > deadline) {
      throw badRequest(`milestones.${index}.dueDate`, '时间节点须在开始日期与完成时限之间', 'Milestones must fall within the task span');
    }
    if (m.dependsOn !== null && (m.dependsOn >= index || input.milestones[m.dependsOn]!.dueDate > m.dueDate)) {
      throw badRequest(`milestones.${index}.dependsOn`, '只能依赖排在前面且不晚于本节点的节点', 'A milestone can only depend on an earlier one');
    }
  });
  const keptIds = new Set(task.milestones.map((m) => m.id));
  const unknown = input.milestones.findIndex((m) => m.id !== undefined && !keptIds.has(m.id));
  if (unknown >= 0) throw badRequest(`milestones.${unknown}.id`, '节点不属于该任务', 'The milestone does not belong to this task');

  await versionedWrite(ctx, {
    claim: (tx) => tx.task.updateMany({ where: { id: taskId, version: input.version }, data: { version: { increment: 1 }, lightAsOf: null } }),
    current,
    rest: async (tx) => {
      const incomingIds = new Set(input.milestones.flatMap((m) => (m.id ? [m.id] : [])));
      await tx.milestone.deleteMany({ where: { taskId, id: { notIn: [...incomingIds] } } });
      // Move kept rows out of the way of the (task, seq) unique key before renumbering.
      await tx.milestone.updateMany({ where: { taskId }, data: { seq: { increment: 1000 } } });
      const ids: number[] = [];
      for (const [index, m] of input.milestones.entries()) {
        const data = { seq: index + 1, name: m.name, phase: m.phase, dueDate: dateColumn(m.dueDate), dependsOnId: null };
        const row = m.id
          ? await tx.milestone.update({ where: { id: m.id }, data: { ...data, version: { increment: 1 } } })
          : await tx.milestone.create({ data: { ...data, taskId } });
        ids.push(row.id);
      }
      for (const [index, m] of input.milestones.entries()) {
        if (m.dependsOn !== null) await tx.milestone.update({ where: { id: ids[index]! }, data: { dependsOnId: ids[m.dependsOn]! } });
      }
      const describe = (list: { name: string; dueDate: string }[]) => list.map((m) => `${m.name} ${m.dueDate}`);
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: 'milestones',
        changes: diff(
          { milestones: describe(task.milestones.map((m) => ({ name: m.name, dueDate: isoDate(m.dueDate) }))) },
          { milestones: describe(input.milestones) },
          ['milestones'],
        ),
        requestId: ctx.requestId,
      });
      await refreshTaskLights(tx, ctx.today, [taskId]);
    },
  });
  return getTask(ctx, taskId);
}
