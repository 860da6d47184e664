import { z } from 'zod';
import { ZIdValue, zText } from './common.ts';
import { messages } from './messages.ts';

/** Each unit mentioned gets a to-do and may read the task, so a comment asks a few units, chosen. */
export const MAX_MENTIONS_PER_COMMENT = 5;

export const ZCommentCreateBody = z.strictObject({
  body: zText(2000).min(1, { error: messages.required.zh }),
  mentionUnitIds: z.array(ZIdValue).max(MAX_MENTIONS_PER_COMMENT, { error: messages.mentionLimit.zh }).default([]),
});
export type TCommentCreateBody = z.input<typeof ZCommentCreateBody>;
export type TCommentCreate = z.infer<typeof ZCommentCreateBody>;

export const ZComment = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  author: z.object({ displayName: z.string(), unitName: z.string() }),
  body: z.string(),
  createdAt: z.string(),
  mentions: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), doneAt: z.string().nullable() })),
});
export type TComment = z.infer<typeof ZComment>;

const todoFields = {
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  author: z.object({ displayName: z.string(), unitName: z.string() }),
  /** The comment's text, or the adjustment's reason. */
  body: z.string(),
  createdAt: z.string(),
};

const rectificationTodoFields = {
  rectificationId: z.number().int(),
  deadline: z.string(),
  overdueDays: z.number().int(),
  ...todoFields,
  task: todoFields.task.nullable(),
};

const reportTodoFields = {
  reportId: z.number().int(),
  year: z.number().int(),
  quarter: z.number().int(),
  dueDate: z.string().nullable(),
  late: z.boolean(),
  ...todoFields,
};

/**
 * The user's to-do list (待办), newest first: comments that mention the user's unit and are not
 * yet marked done (`mention`), and, for the offices that decide them, timetable adjustment
 * requests waiting for a decision (`adjustment`, gone once decided).
 */
export const ZTodo = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mention'), commentId: z.number().int(), ...todoFields }),
  z.object({ kind: z.literal('adjustment'), adjustmentId: z.number().int(), ...todoFields }),
  /**
   * A rectification item (整改事项) for the owner unit to answer: open and due within the reminder
   * days, or overdue (`rectification`); for the inspecting office, an answered item waiting to be
   * closed (`rectification-review`). `body` is the item's description; the task may be absent.
   */
  z.object({ kind: z.literal('rectification'), ...rectificationTodoFields }),
  z.object({ kind: z.literal('rectification-review'), ...rectificationTodoFields }),
  /**
   * Quarterly reports: a report of the user's unit still to fill in an open round (`report-fill`),
   * one returned to the unit (`report-returned`), and for the reviewing offices one submitted and
   * waiting for review (`report-review`). `body` names the quarter.
   */
  z.object({ kind: z.literal('report-fill'), ...reportTodoFields }),
  z.object({ kind: z.literal('report-returned'), ...reportTodoFields }),
  z.object({ kind: z.literal('report-review'), ...reportTodoFields }),
]);
export type TTodo = z.infer<typeof ZTodo>;
