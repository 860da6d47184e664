import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { LightEnum, TaskListEnum } from './enums.ts';

/** How the battle map (挂图作战) groups its rows. */
export const BattleMapGroupByEnum = {
  schema: z.enum(['list', 'specialGroup', 'leadUnit']),
  values: ['list', 'specialGroup', 'leadUnit'] as const,
  labels: { list: '按清单', specialGroup: '按专项小组', leadUnit: '按牵头单位' },
};
export type TBattleMapGroupBy = z.infer<typeof BattleMapGroupByEnum.schema>;

/**
 * A milestone on the map: done (done by its due date), late (done after it, or past it undone),
 * due (open, its date still ahead). Decided by `milestoneState` in @reform/domain.
 */
export const MilestoneStateEnum = {
  schema: z.enum(['done', 'late', 'due']),
  values: ['done', 'late', 'due'] as const,
  labels: { done: '按期完成', late: '逾期', due: '待完成' },
};
export type TMilestoneState = z.infer<typeof MilestoneStateEnum.schema>;

/** GET /api/battle-map: every task in the user's scope, narrowed by these filters. */
export const ZBattleMapQuery = z.strictObject({
  list: TaskListEnum.schema.optional(),
  specialGroupId: ZId.optional(),
  /** A unit and its subtree, as lead unit (as on the task list). */
  unitId: ZId.optional(),
  groupBy: BattleMapGroupByEnum.schema.default('list'),
});
export type TBattleMapQuery = z.infer<typeof ZBattleMapQuery>;
export type TBattleMapQueryInput = z.input<typeof ZBattleMapQuery>;

export const ZBattleMapMilestone = z.object({
  name: z.string(),
  dueDate: ZDate,
  doneOn: ZDate.nullable(),
  state: MilestoneStateEnum.schema,
});
export type TBattleMapMilestone = z.infer<typeof ZBattleMapMilestone>;

export const ZBattleMapRow = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  list: TaskListEnum.schema,
  groupKey: z.string(),
  start: ZDate,
  deadline: ZDate,
  /** The frozen timetable (start and deadline at the baseline's approval); null before it. */
  baselineStart: ZDate.nullable(),
  baselineDeadline: ZDate.nullable(),
  light: LightEnum.schema,
  lightReason: z.string(),
  milestones: z.array(ZBattleMapMilestone),
});
export type TBattleMapRow = z.infer<typeof ZBattleMapRow>;

export const ZBattleMapGroup = z.object({ key: z.string(), label: z.string(), taskCount: z.number().int() });
export type TBattleMapGroup = z.infer<typeof ZBattleMapGroup>;

/** Rows in group order (groups in `groups` order), then by code; `today` draws the today line. */
export const ZBattleMap = z.object({
  today: ZDate,
  groupBy: BattleMapGroupByEnum.schema,
  groups: z.array(ZBattleMapGroup),
  rows: z.array(ZBattleMapRow),
});
export type TBattleMap = z.infer<typeof ZBattleMap>;
