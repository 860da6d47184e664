import type { Prisma } from '@reform/db';
import { isoDate, isoDateOrNull, todayInShanghai, type FigureFacts, type ReportFact, type TaskFact } from '@reform/domain';
import { loadLightSettings } from '../settings/load-light-settings.ts';
import type { UseCaseContext } from '../context.ts';

/** What the dashboard shows beside a task's figures (names, not facts). */
export interface TaskLabel {
  leadUnit: { id: number; name: string };
  leadLeader: string;
}

export interface LoadedFigureFacts {
  facts: FigureFacts;
  labels: Map<number, TaskLabel>;
}

const taskFactSelect = {
  id: true,
  code: true,
  title: true,
  list: true,
  status: true,
  field: true,
  leadUnitId: true,
  specialGroupId: true,
  light: true,
  lightReason: true,
  leadLeader: true,
  startDate: true,
  deadline: true,
  leadUnit: { select: { id: true, name: true } },
  milestones: { select: { name: true, dueDate: true, doneDate: true }, orderBy: { seq: 'asc' } },
  outcomes: { select: { kind: true, deliveredCount: true } },
  pilot: { select: { stage: true } },
} satisfies Prisma.TaskSelect;

/**
 * The facts behind every figure, for the tasks `where` finds (the caller's scope filters,
 * `figureScopeFilters`): the tasks with their milestones, outcomes and pilot stage in one joined
 * statement, their reports and their rectification items in one statement each, and the report
 * due day. Reports from `reportsFromYear` on are enough for any period from that year.
 */
export async function loadFigureFacts(
  ctx: UseCaseContext,
  where: Prisma.TaskWhereInput,
  reportsFromYear: number,
): Promise<LoadedFigureFacts> {
  const [rows, reports, rectifications, settings] = await Promise.all([
    ctx.db.prisma.task.findMany({ relationLoadStrategy: 'join', where, select: taskFactSelect }),
    loadReportFacts(ctx, where, reportsFromYear),
    ctx.db.prisma.rectificationItem.findMany({
      where: { inspection: { task: where } },
      select: { id: true, ownerUnitId: true, deadline: true, status: true, closedOn: true, inspection: { select: { taskId: true, inspectedOn: true } } },
    }),
    loadLightSettings(ctx.db),
  ]);
  const labels = new Map<number, TaskLabel>();
  const tasks = rows.map((row): TaskFact => {
    labels.set(row.id, { leadUnit: row.leadUnit, leadLeader: row.leadLeader });
    const milestones = row.milestones.map((m) => ({ name: m.name, dueDate: isoDate(m.dueDate), doneDate: isoDateOrNull(m.doneDate) }));
    const finished = row.status === 'completed' || row.status === 'closed';
    // No completion date is recorded: a finished task finished with its last milestone (else at its deadline).
    const lastDone = milestones.reduce<string | null>((last, m) => (m.doneDate && (!last || m.doneDate > last) ? m.doneDate : last), null);
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      list: row.list,
      status: row.status,
      field: row.field,
      leadUnitId: row.leadUnitId,
      specialGroupId: row.specialGroupId,
      light: row.light,
      lightReason: row.lightReason,
      startDate: isoDate(row.startDate),
      deadline: isoDate(row.deadline),
      finishedOn: finished ? (lastDone ?? isoDate(row.deadline)) : null,
      milestones,
      outcomes: row.outcomes.map((o) => ({ kind: o.kind, delivered: o.deliveredCount })),
      pilotStage: row.pilot?.stage ?? null,
    };
  });
  return {
    facts: {
      tasks,
      reports,
      rectifications: rectifications.flatMap((r) =>
        r.inspection.taskId === null
          ? []
          : [
              {
                id: r.id,
                taskId: r.inspection.taskId,
                ownerUnitId: r.ownerUnitId,
                openedOn: isoDate(r.inspection.inspectedOn),
                deadline: isoDate(r.deadline),
                closedOn: r.status === 'closed' ? (isoDateOrNull(r.closedOn) ?? isoDate(r.deadline)) : null,
              },
            ],
      ),
      reportDueDay: settings.reportDueDay,
    },
    labels,
  };
}

/**
 * The report facts, isolated here so they can follow the quarterly cycle's columns when they land
 * (`first_submitted_at`, `submission_count`, `late`): for now a report counts as handed in on its
 * `submitted_at` day, accepted at first submission when accepted, and not so when returned;
 * a resubmitted report still waiting for review counts as not yet reviewed.
 */
async function loadReportFacts(ctx: UseCaseContext, where: Prisma.TaskWhereInput, fromYear: number): Promise<ReportFact[]> {
  const rows = await ctx.db.prisma.progressReport.findMany({
    where: { year: { gte: fromYear }, status: { not: 'draft' }, task: where },
    select: { taskId: true, year: true, quarter: true, status: true, submittedAt: true },
  });
  return rows.map((r) => ({
    taskId: r.taskId,
    year: r.year,
    quarter: r.quarter,
    submittedOn: r.submittedAt ? todayInShanghai(r.submittedAt) : null,
    acceptedAtFirstSubmission: r.status === 'accepted' ? true : r.status === 'returned' ? false : null,
  }));
}
