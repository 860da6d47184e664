import type { OutcomeKind, TaskLevel, TaskList, TaskPriority, TTaskCreateInput } from '@reform/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInShanghai } from '@reform/domain';
import { defaultTermEnd, pilotFromForm, type PilotFormValues } from './pilot-values';

const DATE = 'YYYY-MM-DD';

export interface MilestoneRow {
  name: string;
  phase: string;
  dueDate: Dayjs | null;
}

/** What antd's controls of the create form hold. */
export interface CreateFormValues {
  list: TaskList;
  title: string;
  status: 'draft' | 'active';
  field: string;
  level: TaskLevel;
  priority: TaskPriority;
  year: number | null;
  batch: string;
  tags: string[];
  issuingLevel: TaskLevel | null;
  originatingUnitId: number | null;
  pilot: PilotFormValues;
  objective: string;
  measures: string[];
  outcomes: { kind: OutcomeKind; description: string; targetCount: number | null }[];
  acceptanceCriteria: string;
  sourceDocuments: { title: string; docNumber: string; issuer: string; issuedOn: Dayjs | null }[];
  leadLeader: string;
  leadUnitId: number | null;
  specialGroupId: number | null;
  cooperatingUnitIds: number[];
  contactName: string;
  contactPhone: string;
  startDate: Dayjs | null;
  deadline: Dayjs | null;
  templateKey: string | undefined;
  milestones: MilestoneRow[];
}

export function initialCreateValues(list: TaskList = 'mandate', today = todayInShanghai()): CreateFormValues {
  const start = dayjs(today, DATE);
  return {
    list,
    title: '',
    status: 'active',
    field: '',
    level: 'city',
    priority: 'normal',
    year: start.year(),
    batch: '',
    tags: [],
    issuingLevel: 'provincial',
    originatingUnitId: null,
    pilot: {
      batch: '',
      approvingLevel: 'provincial',
      applyingCountyId: null,
      guidingUnit: '',
      termStart: start,
      termEnd: defaultTermEnd(start),
    },
    objective: '',
    measures: [''],
    outcomes: [],
    acceptanceCriteria: '',
    sourceDocuments: [],
    leadLeader: '',
    leadUnitId: null,
    specialGroupId: null,
    cooperatingUnitIds: [],
    contactName: '',
    contactPhone: '',
    startDate: start,
    deadline: null,
    templateKey: undefined,
    milestones: [],
  };
}

const day = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : undefined);
const str = (value: string | null | undefined) => value ?? '';

/** The form's values as the body ZTaskCreateBody parses; fields of the other lists are left out. */
export function toCreateInput(values: Partial<CreateFormValues>): TTaskCreateInput {
  const list = values.list ?? 'mandate';
  return {
    list,
    title: str(values.title),
    status: values.status ?? 'active',
    field: str(values.field),
    level: values.level ?? 'city',
    priority: values.priority ?? 'normal',
    year: values.year ?? (undefined as unknown as number),
    batch: values.batch?.trim() ? values.batch : null,
    tags: values.tags ?? [],
    issuingLevel: list === 'mandate' ? (values.issuingLevel ?? null) : null,
    originatingUnitId: list === 'innovation' ? (values.originatingUnitId ?? null) : null,
    pilot: list === 'pilot' && values.pilot ? pilotFromForm(values.pilot) : null,
    objective: str(values.objective),
    // Blank lines of the measures list are left out rather than refused.
    measures: (values.measures ?? []).map(str).filter((measure) => measure.trim() !== ''),
    outcomes: (values.outcomes ?? []).map((o) => ({
      kind: o?.kind ?? 'institutional_document',
      description: str(o?.description),
      targetCount: o?.targetCount ?? 1,
    })),
    acceptanceCriteria: str(values.acceptanceCriteria),
    sourceDocuments: (values.sourceDocuments ?? []).map((d) => ({
      title: str(d?.title),
      docNumber: str(d?.docNumber),
      issuer: str(d?.issuer),
      issuedOn: day(d?.issuedOn) ?? null,
    })),
    leadLeader: str(values.leadLeader),
    leadUnitId: values.leadUnitId ?? (undefined as unknown as number),
    specialGroupId: values.specialGroupId ?? null,
    cooperatingUnitIds: values.cooperatingUnitIds ?? [],
    contactName: str(values.contactName),
    contactPhone: str(values.contactPhone),
    startDate: day(values.startDate) as string,
    deadline: day(values.deadline) as string,
    milestones: (values.milestones ?? []).map((m) => ({ name: str(m?.name), phase: str(m?.phase), dueDate: day(m?.dueDate) as string })),
  };
}
