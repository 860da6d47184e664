import { bulkInsert, bulkInsertReturning, type BulkCell, type PrismaClient } from '@reform/db';
import { dateOfDayNumber } from '@reform/domain';
import type { TaskPlan } from './plan.ts';

const day = (d: number | null): string | null => (d === null ? null : dateOfDayNumber(d));

export interface WriteContext {
  /** Who submits a unit's reports: a user of that unit, when there is one. */
  submitterByUnit: Map<number, number>;
  reviewerId: number | null;
  chunk?: number;
}

export interface WriteCounts {
  tasks: number;
  cooperatingUnits: number;
  measures: number;
  outcomes: number;
  sourceDocuments: number;
  milestones: number;
  pilots: number;
  reports: number;
}

/** Writes tasks and everything hanging off them; returns task ids by code. */
export async function writePlans(prisma: PrismaClient, plans: readonly TaskPlan[], ctx: WriteContext): Promise<{ ids: Map<string, number>; counts: WriteCounts }> {
  const chunk = ctx.chunk;
  const counts: WriteCounts = { tasks: 0, cooperatingUnits: 0, measures: 0, outcomes: 0, sourceDocuments: 0, milestones: 0, pilots: 0, reports: 0 };
  const inserted = await bulkInsertReturning<{ id: number; code: string }>(
    prisma,
    'task',
    [
      { name: 'code', type: 'text' },
      { name: 'list', type: '"TaskList"' },
      { name: 'title', type: 'text' },
      { name: 'status', type: '"TaskStatus"' },
      { name: 'field', type: 'text' },
      { name: 'level', type: '"TaskLevel"' },
      { name: 'priority', type: '"TaskPriority"' },
      { name: 'year', type: 'int' },
      { name: 'batch', type: 'text' },
      { name: 'tags', type: 'text[]' },
      { name: 'objective', type: 'text' },
      { name: 'acceptance_criteria', type: 'text' },
      { name: 'issuing_level', type: '"TaskLevel"' },
      { name: 'start_date', type: 'date' },
      { name: 'deadline', type: 'date' },
      { name: 'baseline_approved_at', type: 'timestamptz' },
      { name: 'baseline_deadline', type: 'date' },
      { name: 'lead_leader', type: 'text' },
      { name: 'lead_unit_id', type: 'int' },
      { name: 'special_group_id', type: 'int' },
      { name: 'originating_unit_id', type: 'int' },
      { name: 'contact_name', type: 'text' },
      { name: 'contact_phone', type: 'text' },
      { name: 'progress', type: 'int' },
    ],
    plans.map((p) => [
      p.code,
      p.list,
      p.title,
      p.status,
      p.field,
      p.level,
      p.priority,
      p.year,
      p.batch,
      p.tags,
      p.objective,
      p.acceptanceCriteria,
      p.issuingLevel,
      day(p.start),
      day(p.deadline),
      p.baselineApprovedAt,
      day(p.baselineDeadline),
      p.leadLeader,
      p.leadUnitId,
      p.specialGroupId,
      p.originatingUnitId,
      p.contactName,
      p.contactPhone,
      p.progress,
    ]),
    'id, code',
    { chunk },
  );
  counts.tasks = inserted.length;

  const ids = new Map(inserted.map((row) => [row.code, Number(row.id)]));
  const idOf = (p: TaskPlan): number => {
    const id = ids.get(p.code);
    if (id === undefined) throw new Error(`task ${p.code} was not inserted`);
    return id;
  };

  const coop: BulkCell[][] = [];
  const measures: BulkCell[][] = [];
  const outcomes: BulkCell[][] = [];
  const sources: BulkCell[][] = [];
  const milestones: BulkCell[][] = [];
  const pilots: BulkCell[][] = [];
  const reports: BulkCell[][] = [];
  for (const p of plans) {
    const id = idOf(p);
    for (const unitId of p.cooperating) coop.push([id, unitId]);
    p.measures.forEach((content, i) => measures.push([id, i + 1, content]));
    for (const o of p.outcomes) outcomes.push([id, o.kind, o.description, o.target, o.delivered]);
    for (const s of p.sources) sources.push([id, s.title, s.docNumber, s.issuer, day(s.issuedOn)]);
    for (const m of p.milestones) milestones.push([id, m.seq, m.name, m.phase, day(m.due), day(m.baseline), day(m.done), m.note]);
    if (p.pilot) {
      const d = p.pilot;
      pilots.push([id, d.batch, d.approvingLevel, d.applyingCountyId, d.guidingUnit, day(d.termStart), day(d.termEnd), d.stage, day(d.extendedTo), d.extensionReason]);
    }
    const submitter = ctx.submitterByUnit.get(p.leadUnitId) ?? null;
    for (const r of p.reports) {
      reports.push([
        id,
        p.leadUnitId,
        r.year,
        r.quarter,
        r.progressText,
        r.outcomesText,
        r.problems,
        r.nextSteps,
        r.percent,
        r.status,
        r.submittedAt,
        r.submittedAt ? submitter : null,
        r.reviewedAt,
        r.reviewedAt ? ctx.reviewerId : null,
        r.reviewComment,
        r.createdAt,
        r.reviewedAt ?? r.submittedAt ?? r.createdAt,
        r.dueDate,
        r.late,
        r.submittedAt ? 1 : 0,
        r.submittedAt,
      ]);
    }
  }
  counts.cooperatingUnits = await bulkInsert(prisma, 'task_cooperating_unit', [{ name: 'task_id', type: 'int' }, { name: 'unit_id', type: 'int' }], coop, { chunk });
  counts.measures = await bulkInsert(
    prisma,
    'task_measure',
    [{ name: 'task_id', type: 'int' }, { name: 'seq', type: 'int' }, { name: 'content', type: 'text' }],
    measures,
    { chunk },
  );
  counts.outcomes = await bulkInsert(
    prisma,
    'task_outcome',
    [
      { name: 'task_id', type: 'int' },
      { name: 'kind', type: '"OutcomeKind"' },
      { name: 'description', type: 'text' },
      { name: 'target_count', type: 'int' },
      { name: 'delivered_count', type: 'int' },
    ],
    outcomes,
    { chunk },
  );
  counts.sourceDocuments = await bulkInsert(
    prisma,
    'task_source_document',
    [
      { name: 'task_id', type: 'int' },
      { name: 'title', type: 'text' },
      { name: 'doc_number', type: 'text' },
      { name: 'issuer', type: 'text' },
      { name: 'issued_on', type: 'date' },
    ],
    sources,
    { chunk },
  );
  counts.milestones = await bulkInsert(
    prisma,
    'milestone',
    [
      { name: 'task_id', type: 'int' },
      { name: 'seq', type: 'int' },
      { name: 'name', type: 'text' },
      { name: 'phase', type: 'text' },
      { name: 'due_date', type: 'date' },
      { name: 'baseline_due_date', type: 'date' },
      { name: 'done_date', type: 'date' },
      { name: 'note', type: 'text' },
    ],
    milestones,
    { chunk },
  );
  counts.pilots = await bulkInsert(
    prisma,
    'pilot_detail',
    [
      { name: 'task_id', type: 'int' },
      { name: 'batch', type: 'text' },
      { name: 'approving_level', type: '"TaskLevel"' },
      { name: 'applying_county_id', type: 'int' },
      { name: 'guiding_unit', type: 'text' },
      { name: 'term_start', type: 'date' },
      { name: 'term_end', type: 'date' },
      { name: 'stage', type: '"PilotStage"' },
      { name: 'extended_to', type: 'date' },
      { name: 'extension_reason', type: 'text' },
    ],
    pilots,
    { chunk },
  );
  counts.reports = await bulkInsert(
    prisma,
    'progress_report',
    [
      { name: 'task_id', type: 'int' },
      { name: 'unit_id', type: 'int' },
      { name: 'year', type: 'int' },
      { name: 'quarter', type: 'int' },
      { name: 'progress_text', type: 'text' },
      { name: 'outcomes_text', type: 'text' },
      { name: 'problems', type: 'text' },
      { name: 'next_steps', type: 'text' },
      { name: 'percent_complete', type: 'int' },
      { name: 'status', type: '"ReportStatus"' },
      { name: 'submitted_at', type: 'timestamptz' },
      { name: 'submitted_by_id', type: 'int' },
      { name: 'reviewed_at', type: 'timestamptz' },
      { name: 'reviewer_id', type: 'int' },
      { name: 'review_comment', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
      { name: 'due_date', type: 'date' },
      { name: 'late', type: 'boolean' },
      { name: 'submission_count', type: 'int' },
      { name: 'first_submitted_at', type: 'timestamptz' },
    ],
    reports,
    { chunk },
  );
  return { ids, counts };
}
