import {
  fieldAppliesTo,
  frozenFieldMessages,
  otherListFieldMessage,
  type ListOwnField,
  type TPilotEdit,
  type TTaskDetail,
  type TTaskEditableField,
  type TTaskUpdateBody,
} from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { diff, recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { refreshTaskLights } from './refresh-lights.ts';
import { staleVersion, versionedWrite } from '../versioned-write.ts';
import { dateColumn, isoDate } from '@reform/domain';
import { checkTaskReferences } from './check-task-references.ts';
import { findTaskInScope } from './find-task-in-scope.ts';
import { getTask } from './get-task.ts';
import { fieldAccessOf } from './task-ownership.ts';
import { checkRowIds, replaceOutcomes, replaceSourceDocuments } from './task-book-rows.ts';
import { auditFields, editableSnapshot } from './task-edit-snapshot.ts';
import { taskDetailInclude } from './task-dto.ts';

const notAllowed = { zh: '您无权修改此项', en: 'You may not change this field' };

function columnsOf(body: TTaskUpdateBody): Prisma.TaskUncheckedUpdateManyInput {
  const {
    version: _version,
    measures: _measures,
    cooperatingUnitIds: _cooperating,
    outcomes: _outcomes,
    sourceDocuments: _sourceDocuments,
    pilot: _pilot,
    startDate,
    deadline,
    ...columns
  } = body;
  return {
    ...columns,
    ...(startDate !== undefined ? { startDate: dateColumn(startDate) } : {}),
    ...(deadline !== undefined ? { deadline: dateColumn(deadline) } : {}),
  };
}

function pilotColumnsOf(pilot: TPilotEdit): Prisma.PilotDetailUncheckedUpdateManyInput {
  const { termStart, termEnd, ...columns } = pilot;
  return {
    ...columns,
    ...(termStart !== undefined ? { termStart: dateColumn(termStart) } : {}),
    ...(termEnd !== undefined ? { termEnd: dateColumn(termEnd) } : {}),
  };
}

/**
 * Saves the fields a user changed, only if nobody saved since the version they edited
 * (otherwise 409 with the record as it is now). All or nothing, and recorded in the audit log.
 */
export async function updateTask(ctx: UseCaseContext, id: number, body: TTaskUpdateBody): Promise<TTaskDetail> {
  const task = await findTaskInScope(ctx, id);
  const { editable, frozen } = fieldAccessOf(ctx, task);
  if (editable.length === 0 && frozen.length === 0) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const { version: _version, ...fields } = body;
  const requested = Object.keys(fields) as TTaskEditableField[];
  // A field of another list (a mandate's 下达层级 on a pilot…) is not this task's to have.
  const otherList = requested.filter((key): key is ListOwnField => !fieldAppliesTo(key, task.list));
  if (otherList.length > 0) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: otherList.map((path) => ({ path, message: otherListFieldMessage(path) })),
    });
  }
  const denied = requested.filter((key) => !editable.includes(key) && !frozen.includes(key));
  if (denied.length > 0) {
    throw new AppError(AppErrorCode.Forbidden, errorText.forbidden, {
      fields: denied.map((path) => ({ path, message: notAllowed })),
    });
  }
  // Dates of an approved timetable move only through an adjustment request (a resent unchanged date is no change).
  const before = editableSnapshot(task);
  const refused = requested.filter((key) => frozen.includes(key) && body[key] !== before[key]);
  if (refused.length > 0) {
    throw new AppError(AppErrorCode.BadRequest, errorText.invalid, {
      fields: refused.map((path) => ({ path, message: frozenFieldMessages[path] ?? notAllowed })),
    });
  }
  const current = () => getTask(ctx, id);
  if (body.version !== task.version) await staleVersion(current);
  await checkTaskReferences(ctx, {
    leadUnitId: body.leadUnitId,
    effectiveLeadUnitId: body.leadUnitId ?? task.leadUnitId,
    specialGroupId: body.specialGroupId,
    cooperatingUnitIds: body.cooperatingUnitIds,
    originatingUnitId: body.originatingUnitId,
    applyingCountyId: body.pilot?.applyingCountyId,
    startDate: body.startDate ?? isoDate(task.startDate),
    deadline: body.deadline ?? isoDate(task.deadline),
    pilotTerm:
      body.pilot && task.pilot
        ? {
            termStart: body.pilot.termStart ?? isoDate(task.pilot.termStart),
            termEnd: body.pilot.termEnd ?? isoDate(task.pilot.termEnd),
          }
        : undefined,
  });
  checkRowIds(task, body);

  await versionedWrite(ctx, {
    claim: (tx) =>
      tx.task.updateMany({ where: { id, version: body.version }, data: { ...columnsOf(body), version: { increment: 1 }, lightAsOf: null } }),
    current,
    rest: async (tx) => {
      if (body.measures) {
        await tx.taskMeasure.deleteMany({ where: { taskId: id } });
        await tx.taskMeasure.createMany({ data: body.measures.map((content, index) => ({ taskId: id, seq: index + 1, content })) });
      }
      if (body.cooperatingUnitIds) {
        await tx.taskCooperatingUnit.deleteMany({ where: { taskId: id } });
        await tx.taskCooperatingUnit.createMany({
          data: [...new Set(body.cooperatingUnitIds)].map((unitId) => ({ taskId: id, unitId })),
        });
      }
      if (body.outcomes) await replaceOutcomes(tx, task, body.outcomes);
      if (body.sourceDocuments) await replaceSourceDocuments(tx, task, body.sourceDocuments);
      // The task's version is the one check; the pilot row counts its own changes too. Triggers keep task_unit in step.
      if (body.pilot) {
        await tx.pilotDetail.updateMany({ where: { taskId: id }, data: { ...pilotColumnsOf(body.pilot), version: { increment: 1 } } });
      }
      const after = await tx.task.findUniqueOrThrow({ where: { id }, include: taskDetailInclude });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        entity: 'task',
        entityId: id,
        action: 'update',
        changes: diff(auditFields(before), auditFields(editableSnapshot(after)), Object.keys(auditFields(fields))),
        requestId: ctx.requestId,
      });
      await refreshTaskLights(tx, ctx.today, [id]);
    },
  });
  return getTask(ctx, id);
}
