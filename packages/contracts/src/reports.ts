import { z } from 'zod';
import { INT4_MAX, ZDate, ZId, ZRef, ZVersion, pageOf, zText } from './common.ts';
import { OutcomeKindEnum } from './enums.ts';
import { ZEvidenceFile } from './evidence.ts';
import { messages } from './messages.ts';

/** Quarterly report statuses (一季度一报), exactly as the API names them. */
export const ReportStatusEnum = {
  schema: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  values: ['draft', 'submitted', 'returned', 'accepted'] as const,
  labels: { draft: '草稿', submitted: '已报送', returned: '已退回', accepted: '已采纳' } as const,
};
export type TReportStatus = z.infer<typeof ReportStatusEnum.schema>;

const yearError = { error: messages.year.zh };
const ZYear = z.number(yearError).int(yearError).min(2000, yearError).max(2100, yearError);
const quarterError = { error: '季度应为 1 至 4' };
const ZQuarter = z.number(quarterError).int(quarterError).min(1, quarterError).max(4, quarterError);

/** POST /api/report-rounds */
export const ZReportRoundOpenBody = z.strictObject({
  year: ZYear,
  quarter: ZQuarter,
  /** Defaults to the settings' due day after the quarter ends (Asia/Shanghai). */
  dueDate: ZDate.optional(),
});
export type TReportRoundOpenBody = z.infer<typeof ZReportRoundOpenBody>;

export const ZReportRound = z.object({
  id: z.number().int(),
  year: z.number().int(),
  quarter: z.number().int(),
  /** The office's scope the round covers: the city, or a county's subtree. */
  scopeUnit: ZRef,
  dueDate: ZDate,
  openedAt: z.string(),
  openedBy: z.string(),
  /** Reports the opening created (tasks active in the quarter without one yet). */
  createdCount: z.number().int(),
  version: z.number().int(),
});
export type TReportRound = z.infer<typeof ZReportRound>;
export const ZReportRoundList = pageOf(ZReportRound);
export type TReportRoundList = z.infer<typeof ZReportRoundList>;

export const ZBoardCounts = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
});
export type TBoardCounts = z.infer<typeof ZBoardCounts>;
/** GET /api/report-rounds/:id/board: who has and has not reported. */
export const ZReportBoard = z.object({
  units: z.array(ZBoardCounts.extend({ unit: ZRef })),
  totals: ZBoardCounts,
});
export type TReportBoard = z.infer<typeof ZReportBoard>;

const pageError = { error: messages.page.zh };
export const ZReportListQuery = z.strictObject({
  year: z.coerce.number(yearError).int(yearError).min(2000, yearError).max(2100, yearError).optional(),
  quarter: z.coerce.number(quarterError).int(quarterError).min(1, quarterError).max(4, quarterError).optional(),
  status: ReportStatusEnum.schema.optional(),
  unitId: ZId.optional(),
  taskId: ZId.optional(),
  roundId: ZId.optional(),
  late: z.enum(['true', 'false']).optional(),
  page: z.coerce.number(pageError).int(pageError).min(1, pageError).max(INT4_MAX, pageError).default(1),
  pageSize: z.coerce.number().int().min(1, { error: messages.pageSize.zh }).max(200, { error: messages.pageSize.zh }).default(20),
});
export type TReportListQuery = z.infer<typeof ZReportListQuery>;
export type TReportListQueryInput = z.input<typeof ZReportListQuery>;

export const ZReportListItem = z.object({
  id: z.number().int(),
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  unit: ZRef,
  year: z.number().int(),
  quarter: z.number().int(),
  status: ReportStatusEnum.schema,
  late: z.boolean(),
  percentComplete: z.number().int(),
  submittedAt: z.string().nullable(),
  dueDate: ZDate.nullable(),
  version: z.number().int(),
});
export type TReportListItem = z.infer<typeof ZReportListItem>;
export const ZReportList = pageOf(ZReportListItem);
export type TReportList = z.infer<typeof ZReportList>;

/** What the system already knows for the task and quarter: shown read-only above the fields. */
export const ZReportFacts = z.object({
  milestonesCompleted: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      dueDate: ZDate,
      doneDate: ZDate,
      evidence: z.array(z.object({ id: z.number().int(), originalName: z.string() })),
    }),
  ),
  milestonesDueNotDone: z.array(z.object({ id: z.number().int(), name: z.string(), dueDate: ZDate })),
  outcomes: z.array(
    z.object({ id: z.number().int(), kind: OutcomeKindEnum.schema, description: z.string(), targetCount: z.number().int(), deliveredCount: z.number().int() }),
  ),
  adjustmentsApproved: z.array(z.object({ id: z.number().int(), reason: z.string(), decidedAt: z.string(), decisionComment: z.string() })),
  previous: z
    .object({ year: z.number().int(), quarter: z.number().int(), status: ReportStatusEnum.schema, nextSteps: z.string(), percentComplete: z.number().int() })
    .nullable(),
  /** The latest accepted report's percent before this quarter: the new percent may not fall below it without a reason. */
  previousAcceptedPercent: z.number().int().nullable(),
});
export type TReportFacts = z.infer<typeof ZReportFacts>;

export const ZReportContribution = z.object({
  id: z.number().int(),
  unit: ZRef,
  text: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TReportContribution = z.infer<typeof ZReportContribution>;

export const ZReportVersion = z.object({
  seq: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  late: z.boolean(),
  progressText: z.string(),
  outcomesText: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  percentComplete: z.number().int(),
  percentReason: z.string(),
  reviewStatus: ReportStatusEnum.schema.nullable(),
  reviewComment: z.string(),
});
export type TReportVersion = z.infer<typeof ZReportVersion>;

export const ZReportDetail = ZReportListItem.extend({
  progressText: z.string(),
  outcomesText: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  percentReason: z.string(),
  reviewComment: z.string(),
  reviewedAt: z.string().nullable(),
  submissionCount: z.number().int(),
  firstSubmittedAt: z.string().nullable(),
  updatedAt: z.string(),
  facts: ZReportFacts,
  contributions: z.array(ZReportContribution),
  evidence: z.array(ZEvidenceFile),
  versions: z.array(ZReportVersion),
  /** What the caller may do now (the form and buttons follow it; the API checks again). */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), contribute: z.boolean() }),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;

export const REPORT_TEXT_MAX = 5000;
const reportText = zText(REPORT_TEXT_MAX);
const percentError = { error: '完成进度应为 0 至 100 的整数' };

/** PATCH /api/reports/:id: saves a draft; any subset of the fields. */
export const ZReportSaveBody = z.strictObject({
  version: ZVersion,
  progressText: reportText.optional(),
  outcomesText: reportText.optional(),
  problems: reportText.optional(),
  nextSteps: reportText.optional(),
  percentComplete: z.number(percentError).int(percentError).min(0, percentError).max(100, percentError).optional(),
  percentReason: zText(500).optional(),
});
export type TReportSaveBody = z.infer<typeof ZReportSaveBody>;

export const reportFieldLabels = {
  progressText: '工作进展',
  outcomesText: '取得成果',
  problems: '存在问题',
  nextSteps: '下步打算',
  percentComplete: '完成进度',
  percentReason: '进度回落原因',
} as const;

export const ZReportVersionBody = z.strictObject({ version: ZVersion });
export type TReportVersionBody = z.infer<typeof ZReportVersionBody>;
export const ZReportReturnBody = z.strictObject({
  version: ZVersion,
  comment: zText(2000).min(1, { error: '请填写退回意见' }),
});
export type TReportReturnBody = z.infer<typeof ZReportReturnBody>;

/** PUT /api/reports/:id/contribution: a cooperating unit's own section. */
export const ZReportContributionBody = z.strictObject({
  /** The contribution's version, or 0 for the first save. */
  version: z.number().int().min(0).max(INT4_MAX),
  text: zText(REPORT_TEXT_MAX),
});
export type TReportContributionBody = z.infer<typeof ZReportContributionBody>;

/** GET /api/reports/:id/diff?from&to: the changes between two submitted versions (default: the last two). */
export const ZReportDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(INT4_MAX).optional(),
  to: z.coerce.number().int().min(1).max(INT4_MAX).optional(),
});
export const ZReportDiff = z.object({
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  fields: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      changed: z.boolean(),
      parts: z.array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() })),
    }),
  ),
});
export type TReportDiff = z.infer<typeof ZReportDiff>;


/** What PATCH /api/reports/:id answers: enough for the next autosave. */
export const ZReportSaved = z.object({ id: z.number().int(), version: z.number().int(), status: ReportStatusEnum.schema, updatedAt: z.string() });
export type TReportSaved = z.infer<typeof ZReportSaved>;
