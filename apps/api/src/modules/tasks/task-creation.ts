// What creating a task takes, shared by the create form's use case and the ledger import.
import type { TaskList, TTaskCreateBody } from '@reform/contracts';
import type { Prisma } from '@reform/db';
import { formatTaskCode, nextSequence } from '@reform/domain';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { dateColumn } from '@reform/domain';
import type { PlanningSettings } from '../settings/load-planning-settings.ts';

/** The next code of a list and year; call inside a transaction, which holds the lock until it ends. */
export async function allocateTaskCode(
  tx: Prisma.TransactionClient,
  settings: PlanningSettings,
  list: TaskList,
  year: number,
): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`task-code:${list}:${year}`}))`;
  const existing = await tx.task.findMany({ where: { list, year }, select: { code: true } });
  const seq = nextSequence(existing.map((t) => t.code), settings.codePattern, { list, year }, settings.listPrefixes);
  return formatTaskCode(settings.codePattern, { list, year, seq }, settings.listPrefixes);
}

/** Writes a new task with everything it owns; the caller has checked access and references. */
export async function insertTask(
  tx: Prisma.TransactionClient,
  ctx: UseCaseContext,
  body: TTaskCreateBody,
  code: string,
): Promise<number> {
  const milestones = [...body.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const task = await tx.task.create({
    data: {
      code,
      list: body.list,
      title: body.title,
      status: body.status,
      field: body.field,
      level: body.level,
      priority: body.priority,
      year: body.year,
      batch: body.batch ?? null,
      tags: body.tags ?? [],
      objective: body.objective ?? '',
      acceptanceCriteria: body.acceptanceCriteria ?? '',
      issuingLevel: body.list === 'mandate' ? body.issuingLevel : null,
      startDate: dateColumn(body.startDate),
      deadline: dateColumn(body.deadline),
      leadLeader: body.leadLeader ?? '',
      leadUnitId: body.leadUnitId,
      specialGroupId: body.specialGroupId ?? null,
      originatingUnitId: body.list === 'innovation' ? body.originatingUnitId : null,
      contactName: body.contactName ?? '',
      contactPhone: body.contactPhone ?? '',
      measures: { create: (body.measures ?? []).map((content, index) => ({ seq: index + 1, content })) },
      outcomes: { create: body.outcomes },
      sourceDocuments: {
        create: body.sourceDocuments.map((d) => ({ ...d, issuedOn: d.issuedOn ? dateColumn(d.issuedOn) : null })),
      },
      cooperatingUnits: { create: [...new Set(body.cooperatingUnitIds ?? [])].map((unitId) => ({ unitId })) },
      milestones: {
        create: milestones.map((m, index) => ({ seq: index + 1, name: m.name, phase: m.phase, dueDate: dateColumn(m.dueDate) })),
      },
      ...(body.list === 'pilot' && body.pilot
        ? {
            pilot: {
              create: {
                batch: body.pilot.batch,
                approvingLevel: body.pilot.approvingLevel,
                applyingCountyId: body.pilot.applyingCountyId,
                guidingUnit: body.pilot.guidingUnit,
                termStart: dateColumn(body.pilot.termStart),
                termEnd: dateColumn(body.pilot.termEnd),
              },
            },
          }
        : {}),
    },
  });
  await recordAudit(tx, {
    actorId: ctx.user.id,
    entity: 'task',
    entityId: task.id,
    action: 'create',
    changes: { code: { from: null, to: code }, title: { from: null, to: body.title } },
    requestId: ctx.requestId,
  });
  return task.id;
}

export function assertMayCreateTasks(ctx: UseCaseContext): void {
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'county_office') {
    throw new AppError(AppErrorCode.Forbidden, errorText.forbidden);
  }
}
