import type { TAdjustment, TAdjustmentDecision } from '@reform/contracts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { dateColumn } from '@reform/domain';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';
import { adjustmentInclude, toAdjustment } from './adjustment-dto.ts';
import { badRequest } from '../bad-request.ts';
import { loadTaskFor } from './load-plannable-task.ts';

/**
 * The reform office approves or refuses an adjustment. Approval moves the current dates; the
 * frozen baseline stays, so the task keeps showing baseline against current.
 */
export async function decideAdjustment(ctx: UseCaseContext, adjustmentId: number, input: TAdjustmentDecision): Promise<TAdjustment> {
  const request = await ctx.db.prisma.adjustmentRequest.findUnique({ where: { id: adjustmentId }, include: adjustmentInclude });
  if (!request) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  await loadTaskFor(ctx, request.taskId, 'plan');
  const current = async () =>
    toAdjustment(await ctx.db.prisma.adjustmentRequest.findUniqueOrThrow({ where: { id: adjustmentId }, include: adjustmentInclude }));
  if (input.version !== request.version) await staleVersion(current);
  if (request.status !== 'pending') throw badRequest('decision', '该申请已处理', 'This request has been decided already');
  const proposed = toAdjustment(request).proposed;

  // The guard on status as well as version: one decision per request, whoever decides first.
  const row = await versionedWrite(ctx, {
    claim: (tx) =>
      tx.adjustmentRequest.updateMany({
        where: { id: adjustmentId, version: input.version, status: 'pending' },
        data: {
          status: input.decision === 'approve' ? 'approved' : 'refused',
          decidedById: ctx.user.id,
          decidedAt: new Date(),
          decisionComment: input.comment,
          version: { increment: 1 },
        },
      }),
    current,
    rest: async (tx) => {
      if (input.decision === 'approve') {
        for (const change of proposed.milestones) {
          await tx.milestone.update({ where: { id: change.id }, data: { dueDate: dateColumn(change.to), version: { increment: 1 } } });
        }
        await tx.task.update({
          where: { id: request.taskId },
          data: {
            ...(proposed.deadline ? { deadline: dateColumn(proposed.deadline.to) } : {}),
            version: { increment: 1 },
            lightAsOf: null,
          },
        });
        await refreshTaskLights(tx, ctx.today, [request.taskId]);
      }
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: request.taskId,
        action: input.decision === 'approve' ? 'adjustment-approved' : 'adjustment-refused',
        changes: {
          ...(proposed.deadline ? { deadline: proposed.deadline } : {}),
          ...Object.fromEntries(proposed.milestones.map((m) => [m.name, { from: m.from, to: m.to }])),
        },
        requestId: ctx.requestId,
      });
      return tx.adjustmentRequest.findUniqueOrThrow({ where: { id: adjustmentId }, include: adjustmentInclude });
    },
  });
  return toAdjustment(row);
}
