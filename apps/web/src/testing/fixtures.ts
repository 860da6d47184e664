import { permissionNames, type TCurrentUser, type TTaskDetail, type TTaskListItem, type TUnitNode } from '@reform/contracts';

export const adminUser: TCurrentUser = {
  id: 1,
  username: 'admin',
  displayName: '王改革',
  role: 'admin',
  unit: { id: 2, name: '市委改革办', kind: 'reform_office' },
  permissions: [...permissionNames],
  assignableUnitIds: null,
  home: '/tasks',
};

/** A lead unit's staff (联络员), with the permissions the API's policy gives that role. */
export const staffUser: TCurrentUser = {
  id: 3,
  username: 'staff',
  displayName: '陈晓东',
  role: 'unit_staff',
  unit: { id: 20, name: '市科技局', kind: 'department' },
  permissions: ['auth:me', 'units:read', 'tasks:read', 'tasks:update', 'timetable:report', 'ledger:export', 'comments:write', 'evidence:upload', 'todos:read', 'todos:complete'],
  assignableUnitIds: [],
  home: '/tasks',
};

export const units: TUnitNode[] = [
  {
    id: 1,
    name: '市委深改委',
    shortName: null,
    kind: 'committee',
    parentId: null,
    children: [
      { id: 2, name: '市委改革办', shortName: null, kind: 'reform_office', parentId: 1, children: [] },
      {
        id: 10,
        name: '科技创新专项小组',
        shortName: null,
        kind: 'special_group',
        parentId: 1,
        children: [
          { id: 20, name: '市科技局', shortName: '科技局', kind: 'department', parentId: 10, children: [] },
          { id: 21, name: '市发改委', shortName: '发改委', kind: 'department', parentId: 10, children: [] },
        ],
      },
      { id: 30, name: '嘉善县', shortName: null, kind: 'county', parentId: 1, children: [] },
      { id: 31, name: '平湖市', shortName: null, kind: 'county', parentId: 1, children: [] },
    ],
  },
];

export function listItem(overrides: Partial<TTaskListItem> = {}): TTaskListItem {
  return {
    id: 1,
    code: 'JX-2026-001',
    title: '深化科技金融改革',
    list: 'mandate',
    status: 'active',
    field: '科技创新',
    level: 'city',
    priority: 'key',
    year: 2026,
    leadUnit: { id: 20, name: '市科技局' },
    leadLeader: '李副市长',
    deadline: '2026-12-31',
    progress: 40,
    milestonesDone: 1,
    milestonesTotal: 2,
    light: 'green',
    lightReason: '各节点按期推进',
    nextMilestone: { name: '出台实施细则', dueDate: '2026-12-15' },
    version: 3,
    ...overrides,
  };
}

export function taskDetail(overrides: Partial<TTaskDetail> = {}): TTaskDetail {
  return {
    ...listItem(),
    batch: '第一批',
    tags: ['改革名片'],
    objective: '建成科技金融改革创新试验区。',
    acceptanceCriteria: '形成制度性文件 2 件。',
    issuingLevel: 'provincial',
    startDate: '2026-01-01',
    baselineApprovedAt: '2026-01-15T02:00:00.000Z',
    baselineDeadline: '2026-12-31',
    specialGroup: { id: 10, name: '科技创新专项小组' },
    originatingUnit: null,
    cooperatingUnits: [{ id: 21, name: '市发改委' }],
    contactName: '张联络',
    contactPhone: '0573-88888888',
    measures: [
      { id: 1, seq: 1, content: '设立科技金融专营机构' },
      { id: 2, seq: 2, content: '建立知识产权质押融资风险补偿机制' },
    ],
    outcomes: [
      { id: 1, kind: 'institutional_document', description: '科技金融实施办法', targetCount: 2, deliveredCount: 1 },
    ],
    sourceDocuments: [
      { id: 1, title: '关于深化科技体制改革的意见', docNumber: '嘉委发〔2025〕1号', issuer: '中共嘉兴市委', issuedOn: '2025-03-01' },
    ],
    milestones: [
      { id: 1, seq: 1, name: '制定工作方案', phase: '启动', dueDate: '2026-03-31', baselineDueDate: null, doneDate: '2026-03-20', note: '', dependsOnId: null, version: 1 },
      { id: 2, seq: 2, name: '出台实施细则', phase: '推进', dueDate: '2026-12-15', baselineDueDate: '2026-09-30', doneDate: null, note: '', dependsOnId: 1, version: 2 },
    ],
    pilot: null,
    pendingAdjustmentId: null,
    updatedAt: '2026-11-01T08:00:00.000Z',
    permissions: {
      canEdit: true,
      canPlanTimetable: true,
      canReportProgress: true,
      canChangeStatus: true,
      canExtendPilot: false,
      editableFields: [
        'title', 'field', 'level', 'priority', 'year', 'batch', 'tags', 'objective', 'acceptanceCriteria',
        'startDate', 'deadline', 'leadLeader', 'leadUnitId', 'specialGroupId', 'cooperatingUnitIds', 'contactName',
        'contactPhone', 'measures', 'outcomes', 'sourceDocuments', 'issuingLevel',
      ],
      frozenFields: [],
    },
    ...overrides,
  };
}

/** A pilot (改革试点) the reform office may edit and extend: applied for by 嘉善县, a two-year term. */
export function pilotDetail(overrides: Partial<TTaskDetail> = {}): TTaskDetail {
  const base = taskDetail();
  return taskDetail({
    code: 'SD-2026-001',
    title: '县域科技金融集成改革试点',
    list: 'pilot',
    issuingLevel: null,
    pilot: {
      batch: '第二批',
      approvingLevel: 'provincial',
      applyingCounty: { id: 30, name: '嘉善县' },
      guidingUnit: '市科技局',
      termStart: '2026-01-01',
      termEnd: '2027-12-31',
      stage: 'implementing',
      extendedTo: null,
      extensionReason: '',
    },
    permissions: {
      ...base.permissions,
      canExtendPilot: true,
      editableFields: [...base.permissions.editableFields.filter((field) => field !== 'issuingLevel'), 'pilot'],
    },
    ...overrides,
  });
}

/** What a reader (a leader, a cooperating unit) may do with a task: nothing. */
export const readOnly: TTaskDetail['permissions'] = {
  canEdit: false,
  editableFields: [],
  frozenFields: [],
  canPlanTimetable: false,
  canReportProgress: false,
  canChangeStatus: false,
  canExtendPilot: false,
};
