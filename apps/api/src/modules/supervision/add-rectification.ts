import type { TRectificationCreateBody } from '@reform/contracts';
import { dateColumn, isoDate } from '@reform/domain';
import { inspectionScope, mayInspect, rectificationOwnerScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { badRequest } from '../bad-request.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';

/**
 * Turns one finding of an inspection into a rectification item (整改事项) owned by a unit with a
 * deadline, on one of the inspection's tasks (the only one when the inspection has one). The
 * deadline may already have passed (an inspection is often recorded afterwards), but not before
 * the inspection. The task's light is recomputed in the same transaction.
 */
export async function addRectification(
  ctx: UseCaseContext,
  inspectionId: number,
  body: TRectificationCreateBody,
): Promise<{ id: number; status: 'open'; version: number }> {
  const inspection = await ctx.db.prisma.inspection.findFirst({
    where: { AND: [{ id: inspectionId }, inspectionScope(ctx.user)] },
    select: { id: true, unitId: true, inspectedOn: true, tasks: { select: { taskId: true } } },
  });
  if (!inspection) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  if (!mayInspect(ctx.user, inspection)) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const taskIds = inspection.tasks.map((t) => t.taskId);
  const ownerScope = rectificationOwnerScope(ctx.user, taskIds);
  const owner = ownerScope && (await ctx.db.prisma.unit.findFirst({ where: { AND: [{ id: body.ownerUnitId }, ownerScope] }, select: { id: true } }));
  if (!owner) throw badRequest('ownerUnitId', '责任单位不存在或不在您的范围内', 'No such unit in your scope');
  if (body.taskId !== undefined && !taskIds.includes(body.taskId)) {
    throw badRequest('taskId', '任务不在本次督察的范围内', 'The task is not one of this inspection’s tasks');
  }
  const taskId = body.taskId ?? (taskIds.length === 1 ? taskIds[0]! : null);
  const inspectedOn = isoDate(inspection.inspectedOn);
  if (body.deadline < inspectedOn) {
    throw badRequest('deadline', `整改期限不能早于督察日期（${inspectedOn}）`, 'The deadline cannot be before the inspection');
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    const item = await tx.rectificationItem.create({
      data: { inspectionId, description: body.description, ownerUnitId: owner.id, deadline: dateColumn(body.deadline), taskId },
      select: { id: true, version: true },
    });
    await tx.inspection.update({ where: { id: inspectionId }, data: { findingCount: { increment: 1 } } });
    if (taskId !== null) {
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: 'rectification-add',
        changes: { 整改事项: { from: null, to: `${body.description}（整改期限 ${body.deadline}）` } },
        requestId: ctx.requestId,
      });
      await refreshTaskLights(tx, ctx.today, [taskId]);
    }
    return { id: item.id, status: 'open' as const, version: item.version };
  });
}
