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

/** The largest PostgreSQL integer (int4): ids, versions and counts are stored as one. */
export const INT4_MAX = 2_147_483_647;

/** Half of a surrogate pair: not Unicode, and JSON columns refuse it. (A `u` regex matches only unpaired halves.) */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Every text a request carries: refuses what the database cannot store, with a message for the user. */
export const textOf = (params?: { error: string }) =>
  // PostgreSQL text cannot hold a NUL byte.
  z.string(params).refine((value) => !value.includes('\u0000') && !LONE_SURROGATE.test(value), { error: messages.textUnstorable.zh });
export const ZText = textOf();

/** Trimmed text of at most `max` characters. */
export const zText = (max: number) => ZText.trim().max(max, { error: `不能超过 ${max} 个字` });

const idError = { error: messages.id.zh };
/** A record's id in a path or query string (text, coerced): 1 to INT4_MAX. */
export const ZId = z.coerce.number(idError).int(idError).min(1, idError).max(INT4_MAX, idError);
/** A record's id in a JSON body: 1 to INT4_MAX. */
export const ZIdValue = z.number(idError).int(idError).min(1, idError).max(INT4_MAX, idError);
/** The version of a record the user saw, sent back with a write (optimistic concurrency). */
export const ZVersion = z
  .number({ error: messages.version.zh })
  .int({ error: messages.versionInvalid.zh })
  .min(1, { error: messages.versionInvalid.zh })
  .max(INT4_MAX, { error: messages.versionInvalid.zh });
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
