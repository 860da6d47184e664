import { z } from 'zod';
import { INT4_MAX, REASON_MIN, ZDate, ZIdValue, ZId, ZVersion, pageOf, zText } from './common.ts';
import { messages } from './messages.ts';

/** A rectification item's status (整改事项): open → responded (the owner unit answered) → closed (销号); reopened goes back to open. */
export const RectificationStatusEnum = {
  schema: z.enum(['open', 'responded', 'closed']),
  values: ['open', 'responded', 'closed'] as const,
  labels: { open: '整改中', responded: '已反馈待销号', closed: '已销号' },
};
export type RectificationStatus = z.infer<typeof RectificationStatusEnum.schema>;

/** What can be done to a rectification item: the owner unit responds, the inspecting office closes or reopens. */
export const rectificationActions = ['respond', 'close', 'reopen'] as const;
export type RectificationAction = (typeof rectificationActions)[number];
export const rectificationActionLabels: Record<RectificationAction, string> = { respond: '反馈整改情况', close: '销号', reopen: '重新打开' };

const required = { error: messages.required.zh };
const reasonMin = { error: `请至少写 ${REASON_MIN} 个字` };

export const ZInspectionCreateBody = z.strictObject({
  title: zText(200).min(1, required),
  inspectedOn: ZDate,
  /** The inspectors, as written (督察组成员). */
  inspectors: zText(500).min(1, required),
  /** The tasks inspected (at least one, at most 50). */
  taskIds: z.array(ZIdValue).min(1, { error: '请至少选择一项任务' }).max(50, { error: '一次督察最多关联 50 项任务' }),
  findings: zText(5000).min(1, required),
});
export type TInspectionCreateBody = z.input<typeof ZInspectionCreateBody>;
export type TInspectionCreate = z.infer<typeof ZInspectionCreateBody>;

export const ZRectificationCreateBody = z.strictObject({
  description: zText(1000).min(1, required),
  ownerUnitId: ZIdValue,
  deadline: ZDate,
  /** One of the inspection's tasks; may be left out when the inspection covers exactly one task. */
  taskId: ZIdValue.optional(),
});
export type TRectificationCreateBody = z.input<typeof ZRectificationCreateBody>;

export const ZRectificationRespondBody = z.strictObject({
  version: ZVersion,
  note: zText(2000).min(REASON_MIN, reasonMin),
});
export type TRectificationRespondBody = z.infer<typeof ZRectificationRespondBody>;

export const ZRectificationCloseBody = z.strictObject({
  version: ZVersion,
  note: zText(2000).min(REASON_MIN, reasonMin),
});
export type TRectificationCloseBody = z.infer<typeof ZRectificationCloseBody>;

export const ZRectificationReopenBody = z.strictObject({
  version: ZVersion,
  reason: zText(2000).min(REASON_MIN, reasonMin),
});
export type TRectificationReopenBody = z.infer<typeof ZRectificationReopenBody>;

const ZTaskRef = z.object({ id: z.number().int(), code: z.string(), title: z.string() });
const ZUnitRef = z.object({ id: z.number().int(), name: z.string() });

export const ZRectification = z.object({
  id: z.number().int(),
  inspection: z.object({ id: z.number().int(), title: z.string() }),
  description: z.string(),
  ownerUnit: ZUnitRef,
  task: ZTaskRef.nullable(),
  deadline: z.string(),
  status: RectificationStatusEnum.schema,
  /** Open (or reopened) and past its deadline: days late; otherwise 0. */
  overdueDays: z.number().int(),
  responseNote: z.string(),
  respondedOn: z.string().nullable(),
  closingNote: z.string(),
  closedOn: z.string().nullable(),
  reopenReason: z.string(),
  evidence: z.array(z.object({ id: z.number().int(), originalName: z.string() })),
  /** What the caller may do now (status and role allowing). */
  actions: z.array(z.enum(rectificationActions)),
  version: z.number().int(),
});
export type TRectification = z.infer<typeof ZRectification>;
export const ZRectificationPage = pageOf(ZRectification);
export type TRectificationPage = z.infer<typeof ZRectificationPage>;

const ZBoolQuery = z.enum(['true', 'false'], { error: '应为 true 或 false' }).transform((v) => v === 'true');

export const ZRectificationListQuery = z.strictObject({
  status: RectificationStatusEnum.schema.optional(),
  ownerUnitId: ZId.optional(),
  overdue: ZBoolQuery.optional(),
  taskId: ZId.optional(),
  inspectionId: ZId.optional(),
  page: z.coerce.number({ error: messages.page.zh }).int({ error: messages.page.zh }).min(1, { error: messages.page.zh }).max(INT4_MAX, { error: messages.page.zh }).default(1),
  pageSize: z.coerce.number().int().min(1, { error: messages.pageSize.zh }).max(200, { error: messages.pageSize.zh }).default(50),
});
export type TRectificationListQuery = z.input<typeof ZRectificationListQuery>;

export const ZInspectionSummary = z.object({
  id: z.number().int(),
  title: z.string(),
  inspectedOn: z.string(),
  inspectors: z.string(),
  unit: ZUnitRef,
  tasks: z.array(ZTaskRef),
  counts: z.object({ total: z.number().int(), open: z.number().int(), responded: z.number().int(), closed: z.number().int(), overdue: z.number().int() }),
  version: z.number().int(),
});
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;
export const ZInspectionPage = pageOf(ZInspectionSummary);

export const ZInspection = ZInspectionSummary.extend({
  findings: z.string(),
  rectifications: z.array(ZRectification),
  /** The caller may add rectification items to it. */
  mayAddRectifications: z.boolean(),
});
export type TInspection = z.infer<typeof ZInspection>;

export const ZInspectionListQuery = z.strictObject({
  taskId: ZId.optional(),
  page: z.coerce.number({ error: messages.page.zh }).int({ error: messages.page.zh }).min(1, { error: messages.page.zh }).max(INT4_MAX, { error: messages.page.zh }).default(1),
  pageSize: z.coerce.number().int().min(1, { error: messages.pageSize.zh }).max(200, { error: messages.pageSize.zh }).default(20),
});

export const ZCreated = z.object({ id: z.number().int() });
export const ZRectificationCreated = z.object({ id: z.number().int(), status: RectificationStatusEnum.schema, version: z.number().int() });

// ─── Reminders (催办提醒) ─────────────────────────────────────────────────────

export const ZReminder = z.object({
  id: z.number().int(),
  day: z.string(),
  kind: z.string(),
  thing: z.string(),
  recipient: z.string(),
  unit: ZUnitRef.nullable(),
  task: ZTaskRef.nullable(),
  subject: z.string(),
  /** Channels it went out on, e.g. `app,email,webhook`. */
  channels: z.string(),
  /** What each outside channel answered, in words. */
  outcome: z.string(),
  createdAt: z.string(),
});
export type TReminder = z.infer<typeof ZReminder>;
export const ZReminderPage = pageOf(ZReminder);
export type TReminderPage = z.infer<typeof ZReminderPage>;
export const ZReminderListQuery = z.strictObject({
  day: ZDate.optional(),
  unitId: ZId.optional(),
  page: z.coerce.number({ error: messages.page.zh }).int({ error: messages.page.zh }).min(1, { error: messages.page.zh }).max(INT4_MAX, { error: messages.page.zh }).default(1),
  pageSize: z.coerce.number().int().min(1, { error: messages.pageSize.zh }).max(200, { error: messages.pageSize.zh }).default(50),
});

/** POST /api/report-rounds/:id/reminders (一键催报). */
export const ZRoundReminders = z.object({
  /** Units with reports still missing. */
  units: z.number().int(),
  /** Units reminded now. */
  sent: z.number().int(),
  /** Units already reminded about this round today (not again). */
  alreadyToday: z.number().int(),
  message: z.string(),
});
export type TRoundReminders = z.infer<typeof ZRoundReminders>;

export const reminderKindLabels: Record<string, string> = {
  'report-missing': '季度报告催报',
  'rectification-before': '整改事项即将到期',
  'rectification-after': '整改事项已逾期',
  'milestone-before': '节点即将到期',
  'milestone-after': '节点已逾期',
};
