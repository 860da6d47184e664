import type { TReportDetail } from '@reform/contracts';
import { addDays, dateColumn, isoDate, previousQuarter, quarterEnd, quarterStart, reportTransition, shanghaiInstant, type Quarter } from '@reform/domain';
import { mayFillReport, mayReviewReport, reportScope, roleMay } from '../../access/policy.ts';
import { AppError, AppErrorCode, errorText } from '../../errors.ts';
import type { UseCaseContext } from '../context.ts';
import { evidenceInclude, toEvidence } from '../evidence/evidence-dto.ts';
import { personLabel, personSelect } from '../people.ts';
import { reportListSelect, toReportListItem } from './report-dto.ts';
import { dueDateOf, previousAcceptedPercent } from './report-rules.ts';

/**
 * A report with what the system already knows for its task and quarter (milestones completed in
 * the quarter with their evidence, milestones due and not done, outcomes delivered, adjustments
 * approved, the previous quarter's next steps and percent), its contributions, evidence and
 * every submitted version.
 */
export async function getReport(ctx: UseCaseContext, id: number): Promise<TReportDetail> {
  const row = await ctx.db.prisma.progressReport.findFirst({
    relationLoadStrategy: 'join',
    where: { AND: [{ id }, reportScope(ctx.user)] },
    select: {
      ...reportListSelect,
      taskId: true,
      unitId: true,
      progressText: true,
      outcomesText: true,
      problems: true,
      nextSteps: true,
      percentReason: true,
      reviewComment: true,
      reviewedAt: true,
      submissionCount: true,
      firstSubmittedAt: true,
      updatedAt: true,
      round: { select: { dueDate: true } },
      contributions: { select: { id: true, text: true, updatedAt: true, version: true, unit: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } },
      evidenceFiles: { include: evidenceInclude, orderBy: { id: 'asc' } },
      versions: { include: { submittedBy: personSelect }, orderBy: { seq: 'asc' } },
    },
  });
  if (!row) throw new AppError(AppErrorCode.NotFound, errorText.notFound);
  const q: Quarter = { year: row.year, quarter: row.quarter as Quarter['quarter'] };
  const from = dateColumn(quarterStart(q));
  const to = dateColumn(quarterEnd(q));
  const prevQ = previousQuarter(q);
  const [milestones, outcomes, adjustments, previous, floor, cooperating] = await Promise.all([
    ctx.db.prisma.milestone.findMany({
      where: { taskId: row.taskId, OR: [{ doneDate: { gte: from, lte: to } }, { doneDate: null, dueDate: { lte: to } }] },
      select: { id: true, name: true, dueDate: true, doneDate: true, evidenceFiles: { select: { id: true, originalName: true } } },
      orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }],
    }),
    ctx.db.prisma.taskOutcome.findMany({
      where: { taskId: row.taskId },
      select: { id: true, kind: true, description: true, targetCount: true, deliveredCount: true },
      orderBy: { id: 'asc' },
    }),
    ctx.db.prisma.adjustmentRequest.findMany({
      where: { taskId: row.taskId, status: 'approved', decidedAt: { gte: new Date(shanghaiInstant(quarterStart(q), 0, 0)), lt: new Date(shanghaiInstant(addDays(quarterEnd(q), 1), 0, 0)) } },
      select: { id: true, reason: true, decidedAt: true, decisionComment: true },
      orderBy: { id: 'asc' },
    }),
    ctx.db.prisma.progressReport.findFirst({
      where: { taskId: row.taskId, year: prevQ.year, quarter: prevQ.quarter },
      select: { year: true, quarter: true, status: true, nextSteps: true, percentComplete: true },
    }),
    previousAcceptedPercent(ctx.db.prisma, { taskId: row.taskId, year: row.year, quarter: row.quarter }),
    ctx.db.prisma.taskUnit.findFirst({ where: { taskId: row.taskId, unitId: ctx.user.unit.id, role: 'cooperating' }, select: { unitId: true } }),
  ]);
  const dueDate = await dueDateOf(ctx, row);
  const fills = mayFillReport(ctx.user, row) && roleMay(ctx.user.role, 'reports:write');
  const reviews = mayReviewReport(ctx.user, row) && roleMay(ctx.user.role, 'reports:review');
  return {
    ...toReportListItem(row),
    dueDate,
    progressText: row.progressText,
    outcomesText: row.outcomesText,
    problems: row.problems,
    nextSteps: row.nextSteps,
    percentReason: row.percentReason,
    reviewComment: row.reviewComment,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    submissionCount: row.submissionCount,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    facts: {
      milestonesCompleted: milestones
        .filter((m) => m.doneDate !== null)
        .map((m) => ({ id: m.id, name: m.name, dueDate: isoDate(m.dueDate), doneDate: isoDate(m.doneDate!), evidence: m.evidenceFiles })),
      milestonesDueNotDone: milestones.filter((m) => m.doneDate === null).map((m) => ({ id: m.id, name: m.name, dueDate: isoDate(m.dueDate) })),
      outcomes,
      adjustmentsApproved: adjustments.map((a) => ({ id: a.id, reason: a.reason, decidedAt: a.decidedAt?.toISOString() ?? '', decisionComment: a.decisionComment })),
      previous,
      previousAcceptedPercent: floor,
    },
    contributions: row.contributions.map((c) => ({ id: c.id, unit: c.unit, text: c.text, updatedAt: c.updatedAt.toISOString(), version: c.version })),
    evidence: row.evidenceFiles.map(toEvidence),
    versions: row.versions.map((v) => ({
      seq: v.seq,
      submittedAt: v.submittedAt.toISOString(),
      submittedBy: personLabel(v.submittedBy),
      late: v.late,
      progressText: v.progressText,
      outcomesText: v.outcomesText,
      problems: v.problems,
      nextSteps: v.nextSteps,
      percentComplete: v.percentComplete,
      percentReason: v.percentReason,
      reviewStatus: v.reviewStatus,
      reviewComment: v.reviewComment,
    })),
    can: {
      edit: fills && reportTransition(row.status, 'save').ok,
      submit: fills && reportTransition(row.status, 'submit').ok,
      review: reviews && row.status === 'submitted',
      contribute:
        cooperating !== null && ctx.user.unit.id !== row.unitId && roleMay(ctx.user.role, 'reports:write') && reportTransition(row.status, 'save').ok,
    },
  };
}
