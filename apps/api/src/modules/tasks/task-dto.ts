import type { TTaskDetail, TTaskEditableField, TTaskListItem } from '@reform/contracts';
import type { Prisma, TaskOutcomeModel, TaskSourceDocumentModel } from '@reform/db';
import { isoDate, isoDateOrNull } from '@reform/domain';

const ref = { select: { id: true, name: true } } as const;

/** The columns the list shows, no more; every milestone's due and done dates give the next one and the count done. */
export const taskListSelect = {
  id: true,
  code: true,
  title: true,
  list: true,
  status: true,
  field: true,
  level: true,
  priority: true,
  year: true,
  leadUnit: ref,
  leadLeader: true,
  deadline: true,
  progress: true,
  light: true,
  lightReason: true,
  version: true,
  milestones: { orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }], select: { name: true, dueDate: true, doneDate: true } },
} satisfies Prisma.TaskSelect;

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

type ListRow = Prisma.TaskGetPayload<{ select: typeof taskListSelect }>;
export type DetailRow = Prisma.TaskGetPayload<{ include: typeof taskDetailInclude }>;

type MilestoneDates = { name: string; dueDate: Date; doneDate: Date | null };

/** The timetable's own progress (milestones done of all) and the next milestone due, from milestones in due order. */
function milestoneFields(milestones: readonly MilestoneDates[]): Pick<TTaskListItem, 'nextMilestone' | 'milestonesDone' | 'milestonesTotal'> {
  const next = milestones.find((m) => m.doneDate === null);
  return {
    nextMilestone: next ? { name: next.name, dueDate: isoDate(next.dueDate) } : null,
    milestonesDone: milestones.filter((m) => m.doneDate !== null).length,
    milestonesTotal: milestones.length,
  };
}

export function toListItem(task: ListRow): TTaskListItem {
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
    ...milestoneFields(task.milestones),
  };
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

/** A task's detail as every user sees it, without what this user may do with it. */
export function detailFieldsOf(task: DetailRow): Omit<TTaskDetail, 'permissions'> {
  return {
    ...toListItem(task),
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
  };
}

export function toDetail(task: DetailRow, permissions: DetailPermissions): TTaskDetail {
  return {
    ...detailFieldsOf(task),
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
