import type { TPilotEdit, TTaskDetail, TTaskEditableField, TTaskListItem } from '@reform/contracts';
import type { PilotDetailModel, Prisma, TaskOutcomeModel, TaskSourceDocumentModel } from '@reform/db';
import { isoDate, isoDateOrNull } from '@reform/domain';

const ref = { select: { id: true, name: true } } as const;

export const taskListInclude = {
  leadUnit: ref,
  milestones: { where: { doneDate: null }, orderBy: { dueDate: 'asc' }, take: 1, select: { name: true, dueDate: true } },
} satisfies Prisma.TaskInclude;

export const taskDetailInclude = {
  leadUnit: { select: { id: true, name: true, path: true } },
  specialGroup: ref,
  originatingUnit: ref,
  cooperatingUnits: { include: { unit: ref }, orderBy: { unitId: 'asc' } },
  measures: { orderBy: { seq: 'asc' } },
  outcomes: { orderBy: { id: 'asc' } },
  sourceDocuments: { orderBy: { id: 'asc' } },
  milestones: { orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }] },
  pilot: { include: { applyingCounty: { select: { id: true, name: true, path: true } } } },
  adjustments: { where: { status: 'pending' }, select: { id: true }, take: 1 },
} satisfies Prisma.TaskInclude;

type ListRow = Prisma.TaskGetPayload<{ include: typeof taskListInclude }>;
export type DetailRow = Prisma.TaskGetPayload<{ include: typeof taskDetailInclude }>;

function listFields(task: Omit<ListRow, 'milestones'>): Omit<TTaskListItem, 'nextMilestone'> {
  return {
    id: task.id,
    code: task.code,
    title: task.title,
    list: task.list,
    status: task.status,
    field: task.field,
    level: task.level,
    priority: task.priority,
    year: task.year,
    leadUnit: { id: task.leadUnit.id, name: task.leadUnit.name },
    leadLeader: task.leadLeader,
    deadline: isoDate(task.deadline),
    progress: task.progress,
    light: task.light,
    lightReason: task.lightReason,
    version: task.version,
  };
}

export function toListItem(task: ListRow): TTaskListItem {
  const next = task.milestones[0];
  return { ...listFields(task), nextMilestone: next ? { name: next.name, dueDate: isoDate(next.dueDate) } : null };
}

export function outcomeOf(o: TaskOutcomeModel): TTaskDetail['outcomes'][number] {
  return { id: o.id, kind: o.kind, description: o.description, targetCount: o.targetCount, deliveredCount: o.deliveredCount };
}

export function sourceDocumentOf(d: TaskSourceDocumentModel): TTaskDetail['sourceDocuments'][number] {
  return { id: d.id, title: d.title, docNumber: d.docNumber, issuer: d.issuer, issuedOn: isoDateOrNull(d.issuedOn) };
}

export interface DetailPermissions {
  editableFields: readonly TTaskEditableField[];
  frozenFields: readonly TTaskEditableField[];
  canPlanTimetable: boolean;
  canReportProgress: boolean;
  canChangeStatus: boolean;
  canExtendPilot: boolean;
}

export function toDetail(task: DetailRow, permissions: DetailPermissions): TTaskDetail {
  const next = task.milestones.find((m) => m.doneDate === null);
  return {
    ...listFields(task),
    nextMilestone: next ? { name: next.name, dueDate: isoDate(next.dueDate) } : null,
    batch: task.batch,
    tags: task.tags,
    objective: task.objective,
    acceptanceCriteria: task.acceptanceCriteria,
    issuingLevel: task.issuingLevel,
    startDate: isoDate(task.startDate),
    baselineApprovedAt: task.baselineApprovedAt?.toISOString() ?? null,
    baselineDeadline: isoDateOrNull(task.baselineDeadline),
    specialGroup: task.specialGroup,
    originatingUnit: task.originatingUnit,
    cooperatingUnits: task.cooperatingUnits.map((c) => c.unit),
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    measures: task.measures.map((m) => ({ id: m.id, seq: m.seq, content: m.content })),
    outcomes: task.outcomes.map(outcomeOf),
    sourceDocuments: task.sourceDocuments.map(sourceDocumentOf),
    milestones: task.milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      name: m.name,
      phase: m.phase,
      dueDate: isoDate(m.dueDate),
      baselineDueDate: isoDateOrNull(m.baselineDueDate),
      doneDate: isoDateOrNull(m.doneDate),
      note: m.note,
      dependsOnId: m.dependsOnId,
      version: m.version,
    })),
    pilot: task.pilot && {
      batch: task.pilot.batch,
      approvingLevel: task.pilot.approvingLevel,
      applyingCounty: task.pilot.applyingCounty && { id: task.pilot.applyingCounty.id, name: task.pilot.applyingCounty.name },
      guidingUnit: task.pilot.guidingUnit,
      termStart: isoDate(task.pilot.termStart),
      termEnd: isoDate(task.pilot.termEnd),
      stage: task.pilot.stage,
      extendedTo: isoDateOrNull(task.pilot.extendedTo),
      extensionReason: task.pilot.extensionReason,
    },
    pendingAdjustmentId: task.adjustments[0]?.id ?? null,
    updatedAt: task.updatedAt.toISOString(),
    permissions: {
      canEdit: permissions.editableFields.length > 0,
      editableFields: [...permissions.editableFields],
      frozenFields: [...permissions.frozenFields],
      canPlanTimetable: permissions.canPlanTimetable,
      canReportProgress: permissions.canReportProgress,
      canChangeStatus: permissions.canChangeStatus,
      canExtendPilot: permissions.canExtendPilot,
    },
  };
}

/** What a task's editable fields are read from; the lists in the order the detail shows them. */
export const editableInclude = {
  cooperatingUnits: true,
  measures: { orderBy: { seq: 'asc' } },
  outcomes: { orderBy: { id: 'asc' } },
  sourceDocuments: { orderBy: { id: 'asc' } },
  pilot: true,
} satisfies Prisma.TaskInclude;

/** A pilot's own fields as the edit form sees them. */
export function pilotFieldsOf(pilot: PilotDetailModel): Required<TPilotEdit> {
  return {
    batch: pilot.batch,
    approvingLevel: pilot.approvingLevel,
    applyingCountyId: pilot.applyingCountyId,
    guidingUnit: pilot.guidingUnit,
    termStart: isoDate(pilot.termStart),
    termEnd: isoDate(pilot.termEnd),
  };
}

/**
 * The editable fields of a task as the edit form sees them, for audit diffs. Outcomes and source
 * documents keep their ids, so the history can tell which row changed.
 */
export function editableSnapshot(
  task: Prisma.TaskGetPayload<{ include: typeof editableInclude }>,
): Record<TTaskEditableField, unknown> {
  return {
    title: task.title,
    field: task.field,
    level: task.level,
    priority: task.priority,
    year: task.year,
    batch: task.batch,
    tags: task.tags,
    objective: task.objective,
    acceptanceCriteria: task.acceptanceCriteria,
    startDate: isoDate(task.startDate),
    deadline: isoDate(task.deadline),
    leadLeader: task.leadLeader,
    leadUnitId: task.leadUnitId,
    specialGroupId: task.specialGroupId,
    cooperatingUnitIds: task.cooperatingUnits.map((c) => c.unitId),
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    measures: task.measures.map((m) => m.content),
    outcomes: task.outcomes.map(outcomeOf),
    sourceDocuments: task.sourceDocuments.map(sourceDocumentOf),
    issuingLevel: task.issuingLevel,
    originatingUnitId: task.originatingUnitId,
    pilot: task.pilot && pilotFieldsOf(task.pilot),
  };
}

/**
 * A snapshot as the audit log records it: a pilot's own fields one by one ("pilot.batch"), so the
 * history tells each change in its own words.
 */
export function auditFields(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snapshot).flatMap(([key, value]) =>
      key === 'pilot' && value !== null && typeof value === 'object'
        ? Object.entries(value).map(([field, fieldValue]) => [`pilot.${field}`, fieldValue])
        : [[key, value]],
    ),
  );
}
