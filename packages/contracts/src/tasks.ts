import { z } from 'zod';
import { FigureKeyEnum, ZPeriodKey } from './figures.ts';
import { INT4_MAX, ZDate, ZId, ZIdValue, ZRef, ZText, ZVersion, pageOf, zText } from './common.ts';
import {
  LightEnum,
  OutcomeKindEnum,
  PilotStageEnum,
  TaskLevelEnum,
  TaskListEnum,
  TaskPriorityEnum,
  TaskStatusEnum,
  type TaskList,
} from './enums.ts';
import { messages } from './messages.ts';
import { ZPilotEdit, ZPilotInput, pilotFieldLabels } from './pilot.ts';

export const taskSortFields = ['code', 'title', 'deadline', 'progress', 'light', 'updatedAt'] as const;

/** Query string of GET /api/tasks (and of the export, later): every filter is optional. */
export const ZTaskListQuery = z.strictObject({
  list: TaskListEnum.schema.optional(),
  status: TaskStatusEnum.schema.optional(),
  light: LightEnum.schema.optional(),
  unitId: ZId.optional(),
  field: zText(50).min(1).optional(),
  year: z.coerce.number().int().min(2000, { error: messages.year.zh }).max(2100, { error: messages.year.zh }).optional(),
  q: zText(100).min(1).optional(),
  sort: z.enum(taskSortFields).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number({ error: messages.page.zh }).int({ error: messages.page.zh }).min(1, { error: messages.page.zh }).max(INT4_MAX, { error: messages.page.zh }).default(1),
  pageSize: z.coerce.number().int().min(1, { error: messages.pageSize.zh }).max(200, { error: messages.pageSize.zh }).default(20),
  // The dashboard's drill-down: exactly the tasks behind a figure (figures.ts), with its filters.
  specialGroupId: ZId.optional(),
  countyId: ZId.optional(),
  figure: FigureKeyEnum.schema.optional(),
  /** `2026-Q3` or `2026-YTD`; with `figure` (default: the current quarter). */
  period: ZPeriodKey.optional(),
  /** With `figure`: only the tasks this unit leads (a ranking row's figure). */
  figureUnitId: ZId.optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;
export type TTaskListQueryInput = z.input<typeof ZTaskListQuery>;

export const ZTaskListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  list: TaskListEnum.schema,
  status: TaskStatusEnum.schema,
  field: z.string(),
  level: TaskLevelEnum.schema,
  priority: TaskPriorityEnum.schema,
  year: z.number().int(),
  leadUnit: ZRef,
  leadLeader: z.string(),
  deadline: ZDate,
  /** The percent last reported (quarterly reports set it); shown beside the milestones done, never alone. */
  progress: z.number().int(),
  /** Milestones of the timetable done so far, and in all: the progress the timetable itself shows. */
  milestonesDone: z.number().int(),
  milestonesTotal: z.number().int(),
  light: LightEnum.schema,
  lightReason: z.string(),
  nextMilestone: z.object({ name: z.string(), dueDate: ZDate }).nullable(),
  version: z.number().int(),
});
export type TTaskListItem = z.infer<typeof ZTaskListItem>;
export const ZTaskListResponse = pageOf(ZTaskListItem).extend({
  /** With `q`: the words searched for, as the server cut the query (the list highlights them). */
  searchWords: z.array(z.string()).optional(),
});
export type TTaskListResponse = z.infer<typeof ZTaskListResponse>;

/** GET /api/tasks/facets: the values the list's filter drop-downs offer, from the tasks in the user's scope. */
export const ZTaskFacets = z.object({ fields: z.array(z.string()), years: z.array(z.number().int()) });
export type TTaskFacets = z.infer<typeof ZTaskFacets>;

export const ZMilestone = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  phase: z.string(),
  dueDate: ZDate,
  baselineDueDate: ZDate.nullable(),
  doneDate: ZDate.nullable(),
  note: z.string(),
  dependsOnId: z.number().int().nullable(),
  version: z.number().int(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZOutcome = z.object({
  id: z.number().int(),
  kind: OutcomeKindEnum.schema,
  description: z.string(),
  targetCount: z.number().int(),
  deliveredCount: z.number().int(),
});
export const ZSourceDocument = z.object({
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string(),
  issuer: z.string(),
  issuedOn: ZDate.nullable(),
});
export const ZPilotDetail = z.object({
  batch: z.string(),
  approvingLevel: TaskLevelEnum.schema,
  applyingCounty: ZRef.nullable(),
  guidingUnit: z.string(),
  termStart: ZDate,
  termEnd: ZDate,
  stage: PilotStageEnum.schema,
  extendedTo: ZDate.nullable(),
  extensionReason: z.string(),
});

export const ZTaskDetail = ZTaskListItem.extend({
  batch: z.string().nullable(),
  tags: z.array(z.string()),
  objective: z.string(),
  acceptanceCriteria: z.string(),
  issuingLevel: TaskLevelEnum.schema.nullable(),
  startDate: ZDate,
  baselineApprovedAt: z.string().nullable(),
  /** The deadline frozen when the timetable was approved (null before); `deadline` is the current one. */
  baselineDeadline: ZDate.nullable(),
  specialGroup: ZRef.nullable(),
  originatingUnit: ZRef.nullable(),
  cooperatingUnits: z.array(ZRef),
  contactName: z.string(),
  contactPhone: z.string(),
  measures: z.array(z.object({ id: z.number().int(), seq: z.number().int(), content: z.string() })),
  outcomes: z.array(ZOutcome),
  sourceDocuments: z.array(ZSourceDocument),
  milestones: z.array(ZMilestone),
  pilot: ZPilotDetail.nullable(),
  pendingAdjustmentId: z.number().int().nullable(),
  updatedAt: z.string(),
  /** What the signed-in user may do with this task, as the server's policy decided. */
  permissions: z.object({
    canEdit: z.boolean(),
    editableFields: z.array(z.string()),
    /** Fields the user could edit but the approved timetable has frozen (moved only by an adjustment request). Only the task's own list's fields appear. */
    frozenFields: z.array(z.string()),
    /** Edit milestones before the baseline, approve the baseline, decide adjustment requests. */
    canPlanTimetable: z.boolean(),
    /** Complete milestones, request timetable adjustments (the lead unit and the offices). */
    canReportProgress: z.boolean(),
    /** Start, suspend, resume, complete and close (销号) the task: the offices that own it. */
    canChangeStatus: z.boolean(),
    /** Extend a running pilot's term (试点延期): the offices that own it. */
    canExtendPilot: z.boolean(),
  }),
});
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

const count = (min: number, error: string) => z.number({ error }).int({ error }).min(min, { error }).max(1000, { error });
/** An existing row of a task's list, kept (and its history traceable) when an edit sends its id back. */
const rowId = ZIdValue.optional();

/** An expected outcome as a new task states it: nothing is delivered yet. */
export const ZOutcomeInput = z.strictObject({
  kind: OutcomeKindEnum.schema,
  description: zText(500).min(1, { error: messages.required.zh }),
  targetCount: count(1, messages.outcomeTarget.zh).default(1),
});
/**
 * An expected outcome in an edit: the id of a row being kept (none for a new one) and what has been
 * delivered so far. Delivering more than the target is allowed: it is a fact, not a typing error.
 */
export const ZOutcomeEdit = z.strictObject({
  id: rowId,
  ...ZOutcomeInput.shape,
  deliveredCount: count(0, messages.outcomeDelivered.zh).default(0),
});
export type TOutcomeEdit = z.infer<typeof ZOutcomeEdit>;

export const ZSourceDocumentInput = z.strictObject({
  title: zText(200).min(1, { error: messages.required.zh }),
  docNumber: zText(100).default(''),
  issuer: zText(100).default(''),
  issuedOn: ZDate.nullable().default(null),
});
export const ZSourceDocumentEdit = z.strictObject({ id: rowId, ...ZSourceDocumentInput.shape });
export type TSourceDocumentEdit = z.infer<typeof ZSourceDocumentEdit>;

/** Fields of a task that the edit form changes; every one optional in a PATCH. The status changes by its own actions (task-status.ts). */
export const ZTaskEditableFields = z.strictObject({
  title: ZText.trim().min(2, { error: messages.titleLength.zh }).max(200, { error: messages.titleLength.zh }),
  field: zText(50).min(1, { error: messages.required.zh }),
  level: TaskLevelEnum.schema,
  priority: TaskPriorityEnum.schema,
  year: z.number().int().min(2000, { error: messages.year.zh }).max(2100, { error: messages.year.zh }),
  batch: zText(50).nullable(),
  tags: z.array(zText(20).min(1)).max(20),
  objective: zText(5000),
  acceptanceCriteria: zText(5000),
  startDate: ZDate,
  deadline: ZDate,
  leadLeader: zText(50),
  leadUnitId: ZIdValue,
  specialGroupId: ZIdValue.nullable(),
  cooperatingUnitIds: z.array(ZIdValue).max(50),
  contactName: zText(50),
  contactPhone: zText(30),
  measures: z.array(zText(1000).min(1, { error: messages.required.zh })).max(50),
  outcomes: z.array(ZOutcomeEdit).max(20),
  sourceDocuments: z.array(ZSourceDocumentEdit).max(20),
  /** Mandates only: the level that handed the task down. */
  issuingLevel: TaskLevelEnum.schema.nullable(),
  /** Innovations only: the unit that first came up with it. */
  originatingUnitId: ZIdValue.nullable(),
  /** Pilots only: the pilot's own fields, any of them. */
  pilot: ZPilotEdit,
});
export type TTaskEditableFields = z.infer<typeof ZTaskEditableFields>;
export type TTaskEditableField = keyof TTaskEditableFields;

/**
 * A task's editable fields, read from its detail: the edit form's starting values and the
 * conflict dialog's "theirs" in the web app, the audit's before and after in the API. A task of
 * another list has no pilot fields (`{}`).
 */
export function editableFieldsOf(task: Omit<TTaskDetail, 'permissions'>): TTaskEditableFields {
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
    startDate: task.startDate,
    deadline: task.deadline,
    leadLeader: task.leadLeader,
    leadUnitId: task.leadUnit.id,
    specialGroupId: task.specialGroup?.id ?? null,
    cooperatingUnitIds: task.cooperatingUnits.map((unit) => unit.id),
    contactName: task.contactName,
    contactPhone: task.contactPhone,
    measures: [...task.measures].sort((a, b) => a.seq - b.seq).map((measure) => measure.content),
    outcomes: task.outcomes.map(({ id, kind, description, targetCount, deliveredCount }) => ({
      id,
      kind,
      description,
      targetCount,
      deliveredCount,
    })),
    sourceDocuments: task.sourceDocuments.map(({ id, title, docNumber, issuer, issuedOn }) => ({ id, title, docNumber, issuer, issuedOn })),
    issuingLevel: task.issuingLevel,
    originatingUnitId: task.originatingUnit?.id ?? null,
    pilot: task.pilot
      ? {
          batch: task.pilot.batch,
          approvingLevel: task.pilot.approvingLevel,
          applyingCountyId: task.pilot.applyingCounty?.id ?? null,
          guidingUnit: task.pilot.guidingUnit,
          termStart: task.pilot.termStart,
          termEnd: task.pilot.termEnd,
        }
      : {},
  };
}

export const ZTaskUpdateBody = ZTaskEditableFields.partial()
  .extend({ version: ZVersion })
  .refine((body) => Object.keys(body).length > 1, { error: messages.noChanges.zh })
  .refine((body) => !body.startDate || !body.deadline || body.deadline >= body.startDate, {
    error: messages.deadlineBeforeStart.zh,
    path: ['deadline'],
  });
export type TTaskUpdateBody = z.infer<typeof ZTaskUpdateBody>;

export const ZMilestoneInput = z.strictObject({
  name: zText(100).min(1, { error: messages.required.zh }),
  phase: zText(50).default(''),
  dueDate: ZDate,
});
export type TMilestoneInput = z.input<typeof ZMilestoneInput>;

/** A new task of any list. Pilots need their pilot details; the timetable comes from a template or is given. */
export const ZTaskCreateBody = ZTaskEditableFields
  .extend({
    list: TaskListEnum.schema,
    status: z.enum(['draft', 'active']).default('active'),
    issuingLevel: TaskLevelEnum.schema.nullable().default(null),
    originatingUnitId: ZIdValue.nullable().default(null),
    outcomes: z.array(ZOutcomeInput).max(20).default([]),
    sourceDocuments: z.array(ZSourceDocumentInput).max(20).default([]),
    pilot: ZPilotInput.nullable().default(null),
    milestones: z.array(ZMilestoneInput).min(1, { error: messages.milestonesRequired.zh }).max(30),
  })
  .partial({ batch: true, tags: true, objective: true, acceptanceCriteria: true, leadLeader: true, specialGroupId: true, cooperatingUnitIds: true, contactName: true, contactPhone: true, measures: true })
  .refine((body) => body.deadline >= body.startDate, { error: messages.deadlineBeforeStart.zh, path: ['deadline'] })
  .refine((body) => body.list !== 'pilot' || body.pilot !== null, { error: messages.pilotRequired.zh, path: ['pilot'] })
  .refine((body) => body.milestones.every((m) => m.dueDate >= body.startDate && m.dueDate <= body.deadline), {
    error: messages.milestoneOutsideSpan.zh,
    path: ['milestones'],
  });
export type TTaskCreateBody = z.infer<typeof ZTaskCreateBody>;
export type TTaskCreateInput = z.input<typeof ZTaskCreateBody>;

export const ZPhaseTemplate = z.object({
  key: zText(50),
  name: zText(100),
  phases: z.array(
    z.object({
      name: zText(50),
      share: z.number().positive().max(1000).optional(),
      /** At most ten years: a phase longer than that is a typing error, and dates must stay real dates. */
      durationDays: z.number().int().positive().max(3660).optional(),
      milestoneName: zText(100),
    }),
  ),
});
export type TPhaseTemplate = z.infer<typeof ZPhaseTemplate>;

export const ZTimetablePreviewBody = z
  .strictObject({ templateKey: zText(50).min(1), startDate: ZDate, deadline: ZDate })
  .refine((body) => body.deadline > body.startDate, { error: messages.deadlineBeforeStart.zh, path: ['deadline'] });
export const ZTimetablePreview = z.object({
  milestones: z.array(z.object({ phase: z.string(), name: z.string(), dueDate: ZDate })),
});

/** Chinese names of the fields the edit form changes, shared by the form, the conflict dialog and the history. */
export const taskEditableFieldLabels: Record<TTaskEditableField, string> = {
  title: '任务名称',
  field: '领域',
  level: '层级',
  priority: '优先级',
  year: '年度',
  batch: '批次',
  tags: '标签',
  objective: '工作目标',
  acceptanceCriteria: '验收标准',
  startDate: '开始日期',
  deadline: '完成时限',
  leadLeader: '领衔领导',
  leadUnitId: '牵头单位',
  specialGroupId: '专项小组',
  cooperatingUnitIds: '配合单位',
  contactName: '联系人',
  contactPhone: '联系电话',
  measures: '主要举措',
  outcomes: '预期成果',
  sourceDocuments: '依据文件',
  issuingLevel: '下达层级',
  originatingUnitId: '首创单位',
  pilot: '试点信息',
};

/** Fields that belong to one list only; a task of another list has no such field. */
export const listOwnFields = {
  issuingLevel: 'mandate',
  originatingUnitId: 'innovation',
  pilot: 'pilot',
} as const satisfies Partial<Record<TTaskEditableField, TaskList>>;

export type ListOwnField = keyof typeof listOwnFields;

export function fieldAppliesTo(field: TTaskEditableField, list: TaskList): boolean {
  const own = (listOwnFields as Partial<Record<TTaskEditableField, TaskList>>)[field];
  return own === undefined || own === list;
}

/** Why a field of another list is refused: 该字段仅适用于改革试点. */
export function otherListFieldMessage(field: ListOwnField): { zh: string; en: string } {
  const list = listOwnFields[field];
  return { zh: `该字段仅适用于${TaskListEnum.labels[list]}`, en: `This field applies to ${list} tasks only` };
}

/** Why a field frozen by the approved timetable cannot be edited: the PATCH's refusal and the form's explanation. */
export const frozenFieldMessages: Partial<Record<TTaskEditableField, { zh: string; en: string }>> = {
  startDate: messages.startDateFrozen,
  deadline: messages.deadlineFrozen,
};

/** Chinese names of everything the history can mention. */
export const taskFieldLabels: Record<string, string> = {
  ...taskEditableFieldLabels,
  ...Object.fromEntries(Object.entries(pilotFieldLabels).map(([field, label]) => [`pilot.${field}`, label])),
  'pilot.stage': '试点阶段',
  'pilot.extendedTo': '延期至',
  'pilot.extensionReason': '延期理由',
  status: '状态',
  milestones: '时间节点',
  baselineDeadline: '完成时限基线',
  code: '任务编号',
  reason: '理由',
  lateDays: '逾期天数',
};
