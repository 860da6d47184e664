import { z } from 'zod';
import { ZIdValue, zText } from './common.ts';
import { messages } from './messages.ts';

export const ZCommentCreateBody = z.strictObject({
  body: zText(2000).min(1, { error: messages.required.zh }),
  mentionUnitIds: z.array(ZIdValue).max(20).default([]),
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

/** A comment that mentions the user's unit and is not yet done: the unit's to-do list. */
export const ZTodo = z.object({
  commentId: z.number().int(),
  task: z.object({ id: z.number().int(), code: z.string(), title: z.string() }),
  author: z.object({ displayName: z.string(), unitName: z.string() }),
  body: z.string(),
  createdAt: z.string(),
});
export type TTodo = z.infer<typeof ZTodo>;
