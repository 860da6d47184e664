import type { TInspectionCreate } from '@reform/contracts';
import { dateColumn } from '@reform/domain';
import { taskScope } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';

/**
 * Records an inspection (督察) by the user's office over tasks in its scope. Its findings become
 * rectification items one by one (`addRectification`). A task outside the scope is a field error.
 */
export async function createInspection(ctx: UseCaseContext, body: TInspectionCreate): Promise<{ id: number }> {
  const taskIds = [...new Set(body.taskIds)];
  const found = await ctx.db.prisma.task.findMany({ where: { AND: [{ id: { in: taskIds } }, taskScope(ctx.user)] }, select: { id: true, title: true } });
  const missing = body.taskIds.map((id, index) => ({ id, index })).filter(({ id }) => !found.some((task) => task.id === id));
  if (missing.length > 0) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: missing.map(({ index }) => ({ path: `taskIds.${index}`, message: { zh: '任务不存在或不在您的范围内', en: 'No such task in your scope' } })),
    });
  }
  if (body.inspectedOn > ctx.today) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: [{ path: 'inspectedOn', message: { zh: '督察日期不能晚于今天', en: 'The inspection date cannot be in the future' } }],
    });
  }
  return ctx.db.prisma.$transaction(async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        title: body.title,
        unitId: ctx.user.unit.id,
        taskId: taskIds[0],
        inspectedOn: dateColumn(body.inspectedOn),
        inspectors: body.inspectors,
        findings: body.findings,
        createdById: ctx.user.id,
        tasks: { createMany: { data: taskIds.map((taskId) => ({ taskId })) } },
      },
      select: { id: true },
    });
    for (const taskId of taskIds) {
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: taskId,
        action: 'inspection',
        changes: { 督察: { from: null, to: `${body.inspectedOn} ${body.title}（${body.inspectors}）` } },
        requestId: ctx.requestId,
      });
    }
    return inspection;
  });
}
