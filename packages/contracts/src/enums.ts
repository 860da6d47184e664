import { z } from 'zod';

/** Enumerations of the domain with their Chinese labels, shared by API, web and PDF. */
function labelled<const T extends readonly [string, ...string[]]>(values: T, labels: Record<T[number], string>) {
  return { schema: z.enum(values), values, labels };
}

export const TaskListEnum = labelled(['mandate', 'pilot', 'innovation'], {
  mandate: '重大改革任务',
  pilot: '改革试点',
  innovation: '地方创新项目',
});
export const TaskStatusEnum = labelled(['draft', 'active', 'suspended', 'completed', 'closed'], {
  draft: '草拟',
  active: '推进中',
  suspended: '暂停',
  completed: '已完成',
  closed: '已销号',
});
export const TaskLevelEnum = labelled(['national', 'provincial', 'city', 'county'], {
  national: '国家级',
  provincial: '省级',
  city: '市级',
  county: '县级',
});
export const TaskPriorityEnum = labelled(['normal', 'key', 'breakthrough'], {
  normal: '一般',
  key: '重点',
  breakthrough: '攻坚性改革',
});
export const LightEnum = labelled(['red', 'yellow', 'green', 'grey'], {
  red: '已逾期',
  yellow: '存在风险',
  green: '正常推进',
  grey: '暂停/已结束',
});
export const RoleEnum = labelled(['admin', 'county_office', 'group_office', 'unit_staff', 'leader'], {
  admin: '市委改革办',
  county_office: '县(市、区)改革办',
  group_office: '专项小组',
  unit_staff: '单位联络员',
  leader: '领导',
});
export const UnitKindEnum = labelled(
  ['committee', 'reform_office', 'special_group', 'department', 'county', 'zone', 'town', 'leadership'],
  {
    committee: '市委深改委',
    reform_office: '改革办',
    special_group: '专项小组',
    department: '市级部门',
    county: '县(市、区)',
    zone: '开发区',
    town: '镇街',
    leadership: '领导',
  },
);
export const OutcomeKindEnum = labelled(['institutional_document', 'replicable_experience', 'landmark', 'other'], {
  institutional_document: '制度性文件',
  replicable_experience: '可复制推广经验',
  landmark: '标志性成果',
  other: '其他',
});
export const PilotStageEnum = labelled(
  [
    'candidate',
    'applied',
    'confirmed',
    'plan_approved',
    'implementing',
    'extended',
    'self_evaluated',
    'evaluated',
    'promoted',
    'terminated',
  ],
  {
    candidate: '候选',
    applied: '已申报',
    confirmed: '已确认',
    plan_approved: '方案已批复',
    implementing: '实施中',
    extended: '已延期',
    self_evaluated: '已自评',
    evaluated: '已评估',
    promoted: '已复制推广',
    terminated: '已终止',
  },
);

export type TaskList = z.infer<typeof TaskListEnum.schema>;
export type TaskStatus = z.infer<typeof TaskStatusEnum.schema>;
export type TaskLevel = z.infer<typeof TaskLevelEnum.schema>;
export type TaskPriority = z.infer<typeof TaskPriorityEnum.schema>;
export type Light = z.infer<typeof LightEnum.schema>;
export type Role = z.infer<typeof RoleEnum.schema>;
export type UnitKind = z.infer<typeof UnitKindEnum.schema>;
export type OutcomeKind = z.infer<typeof OutcomeKindEnum.schema>;
export type PilotStage = z.infer<typeof PilotStageEnum.schema>;
