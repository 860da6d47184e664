import type { TAdjustment, TAdjustmentCreate } from '@reform/contracts';
import { AppError, AppErrorCode } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { isoDate } from '../dates.ts';
import { findTaskInScope } from '../tasks/find-task-in-scope.ts';
import { adjustmentInclude, toAdjustment } from './adjustment-dto.ts';
import { badRequest, loadTaskFor } from './load-plannable-task.ts';

/** Asks the reform office to move dates of an approved timetable (调整申请), with a reason. */
export async function requestAdjustment(ctx: UseCaseContext, taskId: number, input: TAdjustmentCreate): Promise<TAdjustment> {
  const task = await loadTaskFor(ctx, taskId, 'report');
  if (!task.baselineApprovedAt) {
    throw badRequest('reason', '时间表尚未审定，可直接修改节点', 'The timetable is not approved yet; edit it directly');
  }
  if (task.adjustments.length > 0) {
    throw new AppError(AppErrorCode.Conflict, {
      zh: '该任务已有待审批的调整申请',
      en: 'This task already has a pending adjustment request',
    });
  }
  const milestones = input.milestones.map((change, index) => {
    const milestone = task.milestones.find((m) => m.id === change.id);
    if (!milestone) throw badRequest(`milestones.${index}.id`, '节点不属于该任务', 'The milestone does not belong to this task');
    if (milestone.doneDate) throw badRequest(`milestones.${index}.id`, '已完成的节点不能调整', 'A done milestone cannot move');
    return { id: milestone.id, name: milestone.name, from: isoDate(milestone.dueDate), to: change.dueDate };
  });
  const deadline = input.deadline ? { from: isoDate(task.deadline), to: input.deadline } : undefined;
  const latestDue = milestones.map((m) => m.to).sort().at(-1);
  if (latestDue && latestDue > (deadline?.to ?? isoDate(task.deadline))) {
    throw badRequest('milestones', '节点日期不能晚于完成时限', 'Milestones cannot fall after the deadline');
  }
  const row = await ctx.db.prisma.$transaction(async (tx) => {
    const created = await tx.adjustmentRequest.create({
      data: { taskId, requestedById: ctx.user.id, reason: input.reason, proposed: { ...(deadline ? { deadline } : {}), milestones } },
      include: adjustmentInclude,
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      entity: 'task',
      entityId: taskId,
      action: 'adjustment-requested',
      changes: { reason: { from: null, to: input.reason } },
      requestId: ctx.requestId,
    });
    return created;
  });
  return toAdjustment(row);
}

export async function listAdjustments(ctx: UseCaseContext, taskId: number): Promise<TAdjustment[]> {
  await findTaskInScope(ctx, taskId);
  const rows = await ctx.db.prisma.adjustmentRequest.findMany({
    where: { taskId },
    include: adjustmentInclude,
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toAdjustment);
}
