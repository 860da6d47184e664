import { z } from 'zod';
import { RoleEnum, UnitKindEnum } from './enums.ts';
import { textOf } from './common.ts';
import { messages } from './messages.ts';

export const ZLoginBody = z.strictObject({
  username: textOf({ error: messages.username.zh }).trim().min(1, { error: messages.username.zh }).max(64),
  password: textOf({ error: messages.password.zh }).min(1, { error: messages.password.zh }).max(200),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

export const ZCurrentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleEnum.schema,
  unit: z.object({ id: z.number().int(), name: z.string(), kind: UnitKindEnum.schema }),
});
export type TCurrentUser = z.infer<typeof ZCurrentUser>;
