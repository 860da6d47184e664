import {
  TaskLevelEnum,
  ZPilotFields,
  documentDetails,
  fieldAppliesTo,
  pilotFieldLabels,
  documentTitle,
  outcomeName,
  outcomeTally,
  TaskPriorityEnum,
  ZTaskEditableFields,
  editableFieldsOf,
  messages,
  taskEditableFieldLabels,
  type TTaskDetail,
  type TTaskEditableField,
  type TTaskEditableFields,
  type OutcomeKind,
  type TaskLevel,
  type TaskList,
  type TaskPriority,
  type TPilotEdit,
  type TPilotField,
  type TTaskCreateInput,
  taskFieldLabels,
} from '@reform/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { todayInShanghai } from '@reform/domain';
import type { FieldPath } from '@/lib/zod-form';
import { defaultTermEnd, pilotFromForm, pilotToForm, type PilotFormValues } from './pilot-values';

export const editableFieldNames = Object.keys(ZTaskEditableFields.shape) as TTaskEditableField[];

/** The fields a task of this list has: every list's, and its own list's (下达层级, 首创单位, 试点信息). */
export const listFieldNames = (list: TaskList) => editableFieldNames.filter((name) => fieldAppliesTo(name, list));

export const pilotFieldNames = Object.keys(pilotFieldLabels) as TPilotField[];

export const fieldLabels = taskEditableFieldLabels;

/** A row of the outcomes editor; `id` is the saved row it edits (none for a new one). */
export interface OutcomeRow {
  id?: number;
  kind: OutcomeKind;
  description: string;
  targetCount: number | null;
  deliveredCount?: number | null;
}

export interface SourceDocumentRow {
  id?: number;
  title: string;
  docNumber: string;
  issuer: string;
  issuedOn: Dayjs | null;
}

/** What antd's controls of the task form hold: dayjs for dates, '' for an empty text, null for a cleared select. */
export interface TaskFormValues {
  title: string;
  field: string;
  level: TaskLevel;
  priority: TaskPriority;
  year: number | null;
  batch: string;
  tags: string[];
  objective: string;
  acceptanceCriteria: string;
  startDate: Dayjs | null;
  deadline: Dayjs | null;
  leadLeader: string;
  leadUnitId: number | null;
  specialGroupId: number | null;
  cooperatingUnitIds: number[];
  contactName: string;
  contactPhone: string;
  measures: string[];
  outcomes: OutcomeRow[];
  sourceDocuments: SourceDocumentRow[];
  issuingLevel: TaskLevel | null;
  originatingUnitId: number | null;
  pilot: PilotFormValues;
}

const DATE = 'YYYY-MM-DD';

export function toFormValues(fields: TTaskEditableFields): TaskFormValues {
  return {
    ...fields,
    batch: fields.batch ?? '',
    startDate: dayjs(fields.startDate, DATE),
    deadline: dayjs(fields.deadline, DATE),
    sourceDocuments: fields.sourceDocuments.map((doc) => ({ ...doc, issuedOn: doc.issuedOn ? dayjs(doc.issuedOn, DATE) : null })),
    pilot: pilotToForm(fields.pilot),
  };
}

/** The form's values in the shape the contract's schema parses (it does the trimming and checking). */
export function fromFormValues(values: Partial<TaskFormValues>): Record<TTaskEditableField, unknown> {
  return {
    title: values.title ?? '',
    field: values.field ?? '',
    level: values.level,
    priority: values.priority,
    year: values.year ?? undefined,
    batch: values.batch?.trim() ? values.batch : null,
    tags: values.tags ?? [],
    objective: values.objective ?? '',
    acceptanceCriteria: values.acceptanceCriteria ?? '',
    startDate: values.startDate ? values.startDate.format(DATE) : undefined,
    deadline: values.deadline ? values.deadline.format(DATE) : undefined,
    leadLeader: values.leadLeader ?? '',
    leadUnitId: values.leadUnitId ?? undefined,
    specialGroupId: values.specialGroupId ?? null,
    cooperatingUnitIds: values.cooperatingUnitIds ?? [],
    contactName: values.contactName ?? '',
    contactPhone: values.contactPhone ?? '',
    measures: (values.measures ?? []).map((measure) => measure ?? ''),
    // A cleared count stays null, so the schema names it rather than defaulting it.
    outcomes: (values.outcomes ?? []).map((o) => ({
      id: o?.id,
      kind: o?.kind,
      description: o?.description ?? '',
      targetCount: o?.targetCount ?? null,
      deliveredCount: o?.deliveredCount ?? null,
    })),
    sourceDocuments: (values.sourceDocuments ?? []).map((d) => ({
      id: d?.id,
      title: d?.title ?? '',
      docNumber: d?.docNumber ?? '',
      issuer: d?.issuer ?? '',
      issuedOn: d?.issuedOn ? d.issuedOn.format(DATE) : null,
    })),
    issuingLevel: values.issuingLevel ?? null,
    originatingUnitId: values.originatingUnitId ?? null,
    pilot: pilotFromForm(values.pilot),
  };
}

export function pickFields<T extends Partial<Record<TTaskEditableField, unknown>>>(
  values: T,
  names: readonly TTaskEditableField[],
): Partial<T> {
  return Object.fromEntries(names.filter((name) => name in values).map((name) => [name, values[name]])) as Partial<T>;
}

/**
 * The contract's schema, narrowed to the fields this user may change (a field they cannot fix
 * must not block their save), plus the update body's rule that the deadline is not before the start.
 */
export function buildEditSchema(
  editable: readonly TTaskEditableField[],
  fixed: Pick<TTaskEditableFields, 'startDate' | 'deadline'>,
): z.ZodType<Partial<TTaskEditableFields>> {
  const mask = Object.fromEntries(editable.map((name) => [name, true as const])) as { [K in TTaskEditableField]?: true };
  // The form holds the whole pilot section: a date cleared there is an error, not a field left out.
  const picked: z.ZodType<Partial<TTaskEditableFields>> = mask.pilot
    ? ZTaskEditableFields.pick(mask).extend({ pilot: ZPilotFields })
    : ZTaskEditableFields.pick(mask);
  return picked.refine(
    (value: Partial<TTaskEditableFields>) => (value.deadline ?? fixed.deadline) >= (value.startDate ?? fixed.startDate),
    { error: messages.deadlineBeforeStart.zh, path: [editable.includes('deadline') ? 'deadline' : 'startDate'] },
  );
}

function comparable(name: TTaskEditableField, value: unknown): string {
  // The order in which cooperating units were picked carries no meaning; the order of measures does.
  if (name === 'cooperatingUnitIds' && Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify(value ?? null);
}

export function sameValue(name: TTaskEditableField, a: unknown, b: unknown): boolean {
  return comparable(name, a) === comparable(name, b);
}

/** The pilot fields of `next` that differ from `base`: a pilot edit sends only those. */
export function changedPilotFields(base: TPilotEdit | undefined, next: TPilotEdit | undefined): TPilotEdit {
  const changes: Record<string, unknown> = {};
  for (const name of pilotFieldNames) {
    if (next && name in next && (base?.[name] ?? null) !== (next[name] ?? null)) changes[name] = next[name];
  }
  return changes as TPilotEdit;
}

/** The fields of `next` that differ from `base`. */
export function changedFields(
  base: Partial<Record<TTaskEditableField, unknown>>,
  next: Partial<Record<TTaskEditableField, unknown>>,
): Partial<TTaskEditableFields> {
  const changes: Record<string, unknown> = {};
  for (const name of editableFieldNames) {
    if (!(name in next)) continue;
    if (name === 'pilot') {
      const pilot = changedPilotFields(base.pilot as TPilotEdit, next.pilot as TPilotEdit);
      if (Object.keys(pilot).length > 0) changes.pilot = pilot;
    } else if (!sameValue(name, base[name], next[name])) changes[name] = next[name];
  }
  return changes as Partial<TTaskEditableFields>;
}

/** A field's value as a person reads it, for the conflict comparison. */
export function describeValue(name: TTaskEditableField, value: unknown, unitName: (id: number) => string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '（空）';
  switch (name) {
    case 'level':
    case 'issuingLevel':
      return TaskLevelEnum.labels[value as TaskLevel] ?? String(value);
    case 'priority':
      return TaskPriorityEnum.labels[value as TaskPriority] ?? String(value);
    case 'leadUnitId':
    case 'specialGroupId':
    case 'originatingUnitId':
      return unitName(value as number);
    case 'cooperatingUnitIds':
      return (value as number[]).map(unitName).join('、');
    case 'tags':
      return (value as string[]).join('、');
    case 'measures':
      return (value as string[]).map((measure, index) => `${index + 1}. ${measure}`).join('\n');
    case 'outcomes':
      return (value as TTaskEditableFields['outcomes'])
        .map((outcome, index) => `${index + 1}. ${outcomeName(outcome)} ${outcomeTally(outcome)}`)
        .join('\n');
    case 'sourceDocuments':
      return (value as TTaskEditableFields['sourceDocuments'])
        .map((doc, index) => `${index + 1}. ${[documentTitle(doc.title), documentDetails(doc)].filter(Boolean).join(' ')}`)
        .join('\n');
    default:
      return String(value);
  }
}

/** A pilot field's value as a person reads it. */
export function describePilotValue(name: TPilotField, value: unknown, unitName: (id: number) => string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (name === 'approvingLevel') return TaskLevelEnum.labels[value as TaskLevel] ?? String(value);
  if (name === 'applyingCountyId') return unitName(value as number);
  return String(value);
}

/**
 * My changes on top of the version someone else saved: a row of theirs I edited but they removed
 * meanwhile comes back as a new row rather than naming a row that no longer exists.
 */
export function reapplyChanges(current: TTaskDetail, mine: Partial<TTaskEditableFields>): TTaskEditableFields {
  const theirs = editableFieldsOf(current);
  const stillThere = <Row extends { id?: number | undefined }>(rows: Row[] | undefined, kept: { id?: number | undefined }[]) =>
    rows?.map((row) => (row.id !== undefined && !kept.some((k) => k.id === row.id) ? { ...row, id: undefined } : row));
  const merged = { ...theirs, ...mine };
  return {
    ...merged,
    // Only the pilot fields I changed: theirs stay where I left them alone.
    pilot: { ...theirs.pilot, ...mine.pilot },
    outcomes: stillThere(mine.outcomes, theirs.outcomes) ?? theirs.outcomes,
    sourceDocuments: stillThere(mine.sourceDocuments, theirs.sourceDocuments) ?? theirs.sourceDocuments,
  };
}

export interface MilestoneRow {
  name: string;
  phase: string;
  dueDate: Dayjs | null;
}

/** The new-task form also picks the list and the status and plans the timetable. */
export interface CreateFormValues extends TaskFormValues {
  list: TaskList;
  status: 'draft' | 'active';
  templateKey: string | undefined;
  milestones: MilestoneRow[];
}

export function initialCreateValues(list: TaskList = 'mandate', today = todayInShanghai()): CreateFormValues {
  const start = dayjs(today, DATE);
  return {
    list,
    status: 'active',
    templateKey: undefined,
    milestones: [],
    title: '',
    field: '',
    level: 'city',
    priority: 'normal',
    year: start.year(),
    batch: '',
    tags: [],
    objective: '',
    acceptanceCriteria: '',
    startDate: start,
    deadline: null,
    leadLeader: '',
    leadUnitId: null,
    specialGroupId: null,
    cooperatingUnitIds: [],
    contactName: '',
    contactPhone: '',
    measures: [''],
    outcomes: [],
    sourceDocuments: [],
    issuingLevel: 'provincial',
    originatingUnitId: null,
    pilot: pilotToForm({ approvingLevel: 'provincial', termStart: today, termEnd: defaultTermEnd(start).format(DATE) }),
  };
}

/**
 * The new-task form's values as the body ZTaskCreateBody parses: the same conversion as an edit,
 * without the fields of the other lists and without row ids; blank lines of the measures are left
 * out rather than refused, and an outcome's target starts at 1.
 */
export function toCreateInput(values: Partial<CreateFormValues>): TTaskCreateInput {
  const list = values.list ?? 'mandate';
  const fields = fromFormValues(values);
  return {
    ...(pickFields(fields, listFieldNames(list).filter((name) => name !== 'pilot')) as Omit<TTaskCreateInput, 'list' | 'milestones'>),
    list,
    status: values.status ?? 'active',
    level: values.level ?? 'city',
    priority: values.priority ?? 'normal',
    pilot: list === 'pilot' ? pilotFromForm(values.pilot) : null,
    measures: (fields.measures as string[]).filter((measure) => measure.trim() !== ''),
    outcomes: (values.outcomes ?? []).map((o) => ({
      kind: o?.kind ?? 'institutional_document',
      description: o?.description ?? '',
      targetCount: o?.targetCount ?? 1,
    })),
    sourceDocuments: (fields.sourceDocuments as TTaskEditableFields['sourceDocuments']).map(({ id: _id, ...doc }) => doc),
    milestones: (values.milestones ?? []).map((m) => ({
      name: m?.name ?? '',
      phase: m?.phase ?? '',
      dueDate: m?.dueDate ? m.dueDate.format(DATE) : (undefined as unknown as string),
    })),
  };
}

/** What a row's field is called in a message (请填写成果描述). */
const rowFieldLabels: Record<string, Record<string, string>> = {
  measures: { '': '举措' },
  outcomes: { kind: '成果形式', description: '成果描述', targetCount: '目标数量', deliveredCount: '已交付数量' },
  sourceDocuments: { title: '文件标题', docNumber: '文号', issuer: '发文机关', issuedOn: '印发日期' },
  milestones: { name: '节点名称', phase: '阶段', dueDate: '节点日期' },
};

/** The label of any field of the task form, by its path. */
export function taskFormLabel(name: FieldPath): string | undefined {
  const [head, second, third] = name;
  if (typeof second === 'number') return rowFieldLabels[String(head)]?.[String(third ?? '')];
  return taskFieldLabels[name.join('.')] ?? (head === 'templateKey' ? '阶段模板' : undefined);
}
