import { z } from 'zod';
import { messages } from './messages.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date in Asia/Shanghai, written YYYY-MM-DD; never a timestamp. */
export const ZDate = z
  .string({ error: messages.dateFormat.zh })
  .regex(ISO_DATE, { error: messages.dateFormat.zh })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, { error: messages.dateInvalid.zh });

/** A reason the history keeps (suspending, closing, extending a pilot): at least this many characters. */
export const REASON_MIN = 4;

export const ZId = z.coerce.number().int().positive();
export const ZIdParams = z.strictObject({ id: ZId });
export type TIdParams = z.infer<typeof ZIdParams>;

export const ZRef = z.object({ id: z.number().int(), name: z.string() });
export type TRef = z.infer<typeof ZRef>;

export const ZFieldError = z.object({ path: z.string(), message: z.string() });

/** The one error body every endpoint answers with. */
export const ZErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  fields: z.array(ZFieldError).optional(),
  /** On 409: the record as it is now, so the client can show what the other person saved. */
  current: z.unknown().optional(),
});
export type TErrorBody = z.infer<typeof ZErrorBody>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
