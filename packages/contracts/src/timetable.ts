import { z } from 'zod';
import { REASON_MIN, ZDate, ZIdValue, ZVersion, zText } from './common.ts';
import { messages } from './messages.ts';

const version = ZVersion;

/** Replaces a task's milestones while its timetable is not yet approved. */
export const ZMilestonesPutBody = z.strictObject({
  version,
  milestones: z
    .array(
      z.strictObject({
        id: ZIdValue.optional(),
        name: zText(100).min(1, { error: messages.required.zh }),
        phase: zText(50).default(''),
        dueDate: ZDate,
        /** Index (0-based) in this array of the milestone this one waits for. */
        dependsOn: z.number().int().min(0).max(1000).nullable().default(null),
      }),
    )
    .min(1, { error: messages.milestonesRequired.zh })
    .max(30),
});
export type TMilestonesPutBody = z.input<typeof ZMilestonesPutBody>;
export type TMilestonesPut = z.infer<typeof ZMilestonesPutBody>;

export const ZVersionBody = z.strictObject({ version });

export const ZMilestoneCompleteBody = z.strictObject({
  version,
  doneDate: ZDate,
  note: zText(2000).default(''),
});
export type TMilestoneCompleteBody = z.input<typeof ZMilestoneCompleteBody>;
export type TMilestoneComplete = z.infer<typeof ZMilestoneCompleteBody>;

export const ZAdjustmentCreateBody = z
  .strictObject({
    reason: zText(2000).min(REASON_MIN, { error: messages.adjustmentReason.zh }),
    deadline: ZDate.optional(),
    milestones: z.array(z.strictObject({ id: ZIdValue, dueDate: ZDate })).max(30).default([]),
  })
  .refine((body) => body.deadline !== undefined || body.milestones.length > 0, { error: messages.noChanges.zh });
export type TAdjustmentCreateBody = z.input<typeof ZAdjustmentCreateBody>;
export type TAdjustmentCreate = z.infer<typeof ZAdjustmentCreateBody>;

export const ZAdjustmentDecisionBody = z
  .strictObject({
    version,
    decision: z.enum(['approve', 'refuse']),
    comment: zText(2000).default(''),
  })
  .refine((body) => body.decision === 'approve' || body.comment.length > 0, {
    error: messages.refusalReason.zh,
    path: ['comment'],
  });
export type TAdjustmentDecisionBody = z.input<typeof ZAdjustmentDecisionBody>;
export type TAdjustmentDecision = z.infer<typeof ZAdjustmentDecisionBody>;

const ZDateChange = z.object({ from: ZDate, to: ZDate });
export const ZAdjustment = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  reason: z.string(),
  proposed: z.object({
    deadline: ZDateChange.optional(),
    milestones: z.array(z.object({ id: z.number().int(), name: z.string(), from: ZDate, to: ZDate })),
  }),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedBy: z.object({ id: z.number().int(), displayName: z.string(), unitName: z.string() }),
  createdAt: z.string(),
  decidedBy: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string(),
  version: z.number().int(),
});
export type TAdjustment = z.infer<typeof ZAdjustment>;

/** One change in the task's history, told in words. */
export const ZHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  lines: z.array(z.string()),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;
