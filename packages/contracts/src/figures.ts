import { z } from 'zod';
import { ZId, ZRef, zText } from './common.ts';
import { LightEnum, TaskListEnum } from './enums.ts';

/**
 * The indicators of the figures module (packages/domain/src/figures), with their Chinese labels.
 * Their definitions in words live beside their functions in the domain and travel with every figure.
 */
export const FigureKeyEnum = (() => {
  const values = [
    'tasks',
    'light_red',
    'light_yellow',
    'light_green',
    'light_grey',
    'completed',
    'completion_rate',
    'milestones_due',
    'milestones_on_time_rate',
    'milestones_late',
    'overdue_milestones',
    'overdue_tasks',
    'reports_expected',
    'reports_on_time_rate',
    'reports_late',
    'reports_first_acceptance_rate',
    'rectifications_open',
    'rectifications_overdue',
    'outcomes_institutional_document',
    'outcomes_replicable_experience',
    'outcomes_landmark',
    'outcomes_other',
    'pilots_running',
    'pilots_extended',
    'pilots_evaluating',
    'pilots_promoted',
  ] as const;
  const labels: Record<(typeof values)[number], string> = {
    tasks: '在推任务',
    light_red: '红灯任务',
    light_yellow: '黄灯任务',
    light_green: '绿灯任务',
    light_grey: '灰灯任务',
    completed: '已完成任务',
    completion_rate: '完成率',
    milestones_due: '到期节点',
    milestones_on_time_rate: '节点按时完成率',
    milestones_late: '未按时完成的节点',
    overdue_milestones: '逾期节点',
    overdue_tasks: '逾期任务',
    reports_expected: '应报季度报告',
    reports_on_time_rate: '报告及时率',
    reports_late: '迟报或未报',
    reports_first_acceptance_rate: '报告一次通过率',
    rectifications_open: '未销号整改事项',
    rectifications_overdue: '逾期整改事项',
    outcomes_institutional_document: '制度性文件',
    outcomes_replicable_experience: '可复制推广经验',
    outcomes_landmark: '标志性成果',
    outcomes_other: '其他成果',
    pilots_running: '实施中试点',
    pilots_extended: '已延期试点',
    pilots_evaluating: '评估中试点',
    pilots_promoted: '已复制推广试点',
  };
  return { schema: z.enum(values), values, labels };
})();
export type TFigureKey = (typeof FigureKeyEnum.values)[number];

/** A period: one quarter (`2026-Q3`) or the year to date (`2026-YTD`). */
export const ZPeriodKey = z.string().regex(/^(20\d\d|2100)-(Q[1-4]|YTD)$/, { error: '期间格式应为 2026-Q3 或 2026-YTD' });

const ZYear = z.coerce.number().int().min(2000, { error: '年度应在 2000–2100 之间' }).max(2100, { error: '年度应在 2000–2100 之间' });

/** The filters the dashboard and the drill-down share: the same tasks behind the same numbers. */
export const ZFigureScopeQuery = z.strictObject({
  list: TaskListEnum.schema.optional(),
  field: zText(50).min(1).optional(),
  specialGroupId: ZId.optional(),
  /** A unit and its subtree (the task's lead unit). */
  unitId: ZId.optional(),
  /** A county or zone and its subtree (the task's lead unit). */
  countyId: ZId.optional(),
});

export const ZDashboardQuery = ZFigureScopeQuery.extend({
  year: ZYear.optional(),
  /** Absent: the year to date. */
  quarter: z.coerce.number().int().min(1, { error: '季度应为 1–4' }).max(4, { error: '季度应为 1–4' }).optional(),
});
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

export const ZFigure = z.object({
  key: FigureKeyEnum.schema,
  label: z.string(),
  /** What the number counts, in words (shown in the UI beside the number). */
  definition: z.string(),
  kind: z.enum(['count', 'rate']),
  /** A count, or a percentage with one decimal (null when nothing was due). */
  value: z.number().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  /** The tasks behind the number: `GET /api/tasks?figure=<key>&period=<period>` lists exactly these. */
  taskCount: z.number().int(),
  previous: z.number().nullable(),
  change: z.number().nullable(),
});
export type TFigure = z.infer<typeof ZFigure>;

export const ZPeriod = z.object({
  key: z.string(),
  label: z.string(),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  /** The day the figures are counted at: the period's end, or today within the running period. */
  asOf: z.string(),
});

export const ZDashboard = z.object({
  period: ZPeriod,
  previousPeriod: ZPeriod,
  figures: z.array(ZFigure),
  byList: z.array(z.object({ list: TaskListEnum.schema, label: z.string(), figures: z.array(ZFigure) })),
  trend: z.array(
    z.object({
      period: z.string(),
      label: z.string(),
      tasks: z.number().int(),
      completionRate: z.number().nullable(),
      milestonesOnTimeRate: z.number().nullable(),
      reportsOnTimeRate: z.number().nullable(),
      overdueMilestones: z.number().int(),
      overdueTasks: z.number().int(),
    }),
  ),
  attention: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      title: z.string(),
      list: TaskListEnum.schema,
      light: LightEnum.schema,
      lightReason: z.string(),
      leadUnit: ZRef,
      leadLeader: z.string(),
      deadline: z.string(),
    }),
  ),
  upcomingMilestones: z.array(
    z.object({
      taskId: z.number().int(),
      code: z.string(),
      title: z.string(),
      name: z.string(),
      dueDate: z.string(),
      leadUnit: ZRef,
    }),
  ),
  unitsMostOverdue: z.array(
    z.object({
      unit: ZRef,
      overdueMilestones: z.number().int(),
      overdueTasks: z.number().int(),
      overdueRectifications: z.number().int(),
      total: z.number().int(),
    }),
  ),
});
export type TDashboard = z.infer<typeof ZDashboard>;
