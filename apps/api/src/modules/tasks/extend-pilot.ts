import { extendsTerm, messages, timetableOpen, type TPilotExtensionBody, type TTaskDetail } from '@reform/contracts';
import { mayExtendPilot } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit, type Changes } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from './refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { dateColumn, isoDate, isoDateOrNull } from '@reform/domain';
import { badRequest } from '../bad-request.ts';
import { findTaskInScope } from './find-task-in-scope.ts';
import { getTask } from './get-task.ts';
import { ownershipOf } from './task-ownership.ts';

/** The audit log's action for an extension; the history tells it as one sentence. */
export const PILOT_EXTENSION_ACTION = 'pilot-extension';

/**
 * 试点延期: the committee approved a longer term, and the office that owns the pilot records it
 * with the reason. The pilot is marked extended; the task's deadline moves out to the new end when
 * it was earlier (its frozen baseline stays, so the task shows baseline against current), and the
 * light is recomputed. Only from the version the office saw (else 409), never on a closed task.
 */
export async function extendPilot(ctx: UseCaseContext, taskId: number, body: TPilotExtensionBody): Promise<TTaskDetail> {
  const task = await findTaskInScope(ctx, taskId);
  if (!mayExtendPilot(ctx.user, ownershipOf(task))) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const pilot = task.pilot;
  if (task.list !== 'pilot' || !pilot) throw badRequest('list', '试点延期仅适用于改革试点', 'Only pilots are extended');
  if (!timetableOpen(task.status)) throw badRequest('status', '任务已销号，试点不能再延期', 'The task is closed; it is no longer extended');
  const current = () => getTask(ctx, taskId);
  if (body.version !== task.version) await staleVersion(current);
  const term = { termEnd: isoDate(pilot.termEnd), extendedTo: isoDateOrNull(pilot.extendedTo) };
  if (!extendsTerm(term, body.extendedTo)) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: [{ path: 'extendedTo', message: messages.extensionNotLater }] });
  }
  const deadline = isoDate(task.deadline);
  const movesDeadline = deadline < body.extendedTo;

  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.task.updateMany({
        where: { id: taskId, version: body.version },
        data: { ...(movesDeadline ? { deadline: dateColumn(body.extendedTo) } : {}), version: { increment: 1 }, lightAsOf: null },
      }),
    current,
    rest: async (tx) => {
      await tx.pilotDetail.update({
        where: { taskId },
        data: { extendedTo: dateColumn(body.extendedTo), extensionReason: body.reason, stage: 'extended', version: { increment: 1 } },
      });
      const changes: Changes = {
        'pilot.extendedTo': { from: term.extendedTo, to: body.extendedTo },
        ...(movesDeadline ? { deadline: { from: deadline, to: body.extendedTo } } : {}),
        ...(pilot.stage !== 'extended' ? { 'pilot.stage': { from: pilot.stage, to: 'extended' } } : {}),
        reason: { from: null, to: body.reason },
      };
      await recordAudit(tx, { actorId: ctx.user.id, entity: 'task', entityId: taskId, action: PILOT_EXTENSION_ACTION, changes, requestId: ctx.requestId });
      await refreshTaskLights(tx, ctx.today, [taskId]);
    },
  });
  return getTask(ctx, taskId);
}
