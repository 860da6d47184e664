import { RectificationStatusEnum, type RectificationAction, type TRectification } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { dateColumn, rectificationRefusal, rectificationTransition, shortDescription } from '@reform/domain';
import { mayInspect, mayRespondRectification } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from '../tasks/refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { findRectificationInScope } from './find-rectification-in-scope.ts';
import { getRectification } from './get-rectification.ts';

const noteLabel: Record<RectificationAction, string> = { respond: '整改情况', close: '销号意见', reopen: '重新打开原因' };

const auditAction: Record<RectificationAction, string> = {
  respond: 'rectification-respond',
  close: 'rectification-close',
  reopen: 'rectification-reopen',
};

/**
 * Moves a rectification item along its state machine (respond / close / reopen), only from the
 * version the user saw and only where the machine allows (else 409 with the current record). The
 * claim is guarded by id, version and status, so of many requests at once exactly one wins. The
 * note goes into the item and the audit log; the task's light is recomputed in the same transaction.
 */
export async function actOnRectification(
  ctx: UseCaseContext,
  id: number,
  action: RectificationAction,
  input: { version: number; text: string },
): Promise<TRectification> {
  const item = await findRectificationInScope(ctx, id);
  const allowed = action === 'respond' ? mayRespondRectification(ctx.user, item) : mayInspect(ctx.user, item.inspection);
  if (!allowed) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const current = () => getRectification(ctx, id);
  if (input.version !== item.version) await staleVersion(current);
  const to = rectificationTransition(item.status, action);
  if (!to) {
    const refusal = rectificationRefusal(item.status, action);
    throw new AppError(AppErrorCode.Conflict, { zh: refusal, en: `This action is not allowed on a ${item.status} rectification item` }, { current: await current() });
  }
  const today = dateColumn(ctx.today);
  const data: Prisma.RectificationItemUpdateManyMutationInput =
    action === 'respond'
      ? { status: to, responseNote: input.text, respondedOn: today }
      : action === 'close'
        ? { status: to, closingNote: input.text, closedOn: today }
        : { status: to, reopenReason: input.text, closedOn: null };
  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.rectificationItem.updateMany({
        where: { id, version: input.version, status: item.status },
        data: { ...data, version: { increment: 1 } },
      }),
    current,
    rest: async (tx) => {
      const entityId = item.taskId ?? id;
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: item.taskId ? 'task' : 'rectification',
        entityId,
        action: auditAction[action],
        changes: {
          [`整改事项“${shortDescription(item.description)}”`]: { from: RectificationStatusEnum.labels[item.status], to: RectificationStatusEnum.labels[to] },
          [noteLabel[action]]: { from: null, to: input.text },
        },
        requestId: ctx.requestId,
      });
      if (item.taskId) await refreshTaskLights(tx, ctx.today, [item.taskId]);
    },
  });
  return getRectification(ctx, id);
}
