import type { TTaskDetail, TTaskEditableField, TTaskUpdateBody } from '@reform/contracts';
import { messages } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { mayAssignLeadUnit } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText, type FieldProblem } from '../../errors.ts';
import { diff, recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { dateColumn } from '../dates.ts';
import { editableFieldsOf, findTaskInScope, getTask } from './get-task.ts';
import { refreshLights } from './refresh-lights.ts';
import { editableSnapshot, type DetailRow } from './task-dto.ts';

const LEAD_UNIT_KINDS = new Set(['department', 'county', 'zone', 'town', 'reform_office', 'special_group']);

const notAllowed = { zh: '您无权修改此项', en: 'You may not change this field' };

/** Checks the references a body names, answering with field-level messages before anything is written. */
async function checkReferences(ctx: UseCaseContext, task: DetailRow, body: TTaskUpdateBody): Promise<void> {
  const problems: FieldProblem[] = [];
  const units = ctx.db.prisma.unit;
  if (body.leadUnitId !== undefined) {
    const unit = await units.findUnique({ where: { id: body.leadUnitId }, select: { kind: true, path: true } });
    if (!unit || !LEAD_UNIT_KINDS.has(unit.kind)) {
      problems.push({ path: 'leadUnitId', message: { zh: '牵头单位不存在', en: 'No such lead unit' } });
    } else if (!mayAssignLeadUnit(ctx.user, unit.path)) {
      problems.push({ path: 'leadUnitId', message: { zh: '牵头单位须在本辖区范围内', en: 'The lead unit must be within your area' } });
    }
  }
  if (body.specialGroupId) {
    const group = await units.findUnique({ where: { id: body.specialGroupId }, select: { kind: true } });
    if (group?.kind !== 'special_group') {
      problems.push({ path: 'specialGroupId', message: { zh: '专项小组不存在', en: 'No such special group' } });
    }
  }
  if (body.cooperatingUnitIds?.length) {
    const ids = [...new Set(body.cooperatingUnitIds)];
    const found = await units.count({ where: { id: { in: ids } } });
    if (found !== ids.length) {
      problems.push({ path: 'cooperatingUnitIds', message: { zh: '配合单位中有不存在的单位', en: 'A cooperating unit does not exist' } });
    }
    if (ids.includes(body.leadUnitId ?? task.leadUnitId)) {
      problems.push({
        path: 'cooperatingUnitIds',
        message: { zh: '牵头单位不能同时是配合单位', en: 'The lead unit cannot also be a cooperating unit' },
      });
    }
  }
  const start = body.startDate ?? task.startDate.toISOString().slice(0, 10);
  const deadline = body.deadline ?? task.deadline.toISOString().slice(0, 10);
  if (deadline < start) {
    problems.push({ path: body.deadline ? 'deadline' : 'startDate', message: messages.deadlineBeforeStart });
  }
  if (problems.length > 0) throw new AppError(AppErrorCode.BadRequest, errorText.invalid, { fields: problems });
}

function columnsOf(body: TTaskUpdateBody): Prisma.TaskUncheckedUpdateManyInput {
  const { version: _version, measures: _measures, cooperatingUnitIds: _cooperating, startDate, deadline, ...columns } = body;
  return {
    ...columns,
    ...(startDate !== undefined ? { startDate: dateColumn(startDate) } : {}),
    ...(deadline !== undefined ? { deadline: dateColumn(deadline) } : {}),
  };
}

/**
 * Saves the fields a user changed, only if nobody saved since the version they edited
 * (otherwise 409 with the record as it is now). All or nothing, and recorded in the audit log.
 */
export async function updateTask(ctx: UseCaseContext, id: number, body: TTaskUpdateBody): Promise<TTaskDetail> {
  const task = await findTaskInScope(ctx, id);
  const editable = editableFieldsOf(ctx, task);
  if (editable.length === 0) throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  const requested = Object.keys(body).filter((key): key is TTaskEditableField => key !== 'version');
  const denied = requested.filter((key) => !editable.includes(key));
  if (denied.length > 0) {
    throw new AppError(AppErrorCode.Forbidden, errorText.forbidden, {
      fields: denied.map((path) => ({ path, message: notAllowed })),
    });
  }
  if (body.version !== task.version) await conflict(ctx, id);
  await checkReferences(ctx, task, body);

  const saved = await ctx.db.prisma.$transaction(async (tx) => {
    const { count } = await tx.task.updateMany({
      where: { id, version: body.version },
      data: { ...columnsOf(body), version: { increment: 1 }, lightAsOf: null },
    });
    if (count === 0) return false;
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
    const after = await tx.task.findUniqueOrThrow({
      where: { id },
      include: { cooperatingUnits: true, measures: { orderBy: { seq: 'asc' } } },
    });
    await recordAudit(tx, {
      actorId: ctx.user.id,
      entity: 'task',
      entityId: id,
      action: 'update',
      changes: diff(editableSnapshot(task), editableSnapshot(after), requested),
      requestId: ctx.requestId,
    });
    return true;
  });
  if (!saved) await conflict(ctx, id);
  await refreshLights(ctx.db, ctx.today, [id]);
  return getTask(ctx, id);
}

async function conflict(ctx: UseCaseContext, id: number): Promise<never> {
  throw new AppError(AppErrorCode.Conflict, errorText.staleVersion, { current: await getTask(ctx, id) });
}
