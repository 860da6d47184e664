import { z } from 'zod';
import { RoleEnum, UnitKindEnum } from './enums.ts';
import { textOf } from './common.ts';
import { messages } from './messages.ts';

export const ZLoginBody = z.strictObject({
  username: textOf({ error: messages.username.zh }).trim().min(1, { error: messages.username.zh }).max(64),
  password: textOf({ error: messages.password.zh }).min(1, { error: messages.password.zh }).max(200),
});
export type TLoginBody = z.infer<typeof ZLoginBody>;

/**
 * What a signed-in user may be allowed to do. The API's policy table (access/policy.ts) says which
 * roles hold each one; `/api/auth/me` sends the user's, so the web app never re-derives role rules.
 */
export const permissionNames = [
  'auth:me',
  'units:read',
  'tasks:read',
  'tasks:update',
  'tasks:create',
  'tasks:status',
  'tasks:extend-pilot',
  'timetable:plan',
  'timetable:report',
  'ledger:import',
  'ledger:export',
  'comments:write',
  'evidence:upload',
  'settings:manage',
  'todos:read',
  'todos:complete',
  'dashboard:read',
  'reports:read',
  'reports:write',
  'reports:review',
  'report-rounds:read',
  'report-rounds:open',
  'rankings:read',
  'rankings:publish',
  'rankings:appeal',
  'rankings:decide-appeal',
  'supervision:read',
  'supervision:inspect',
  'supervision:respond',
  'reminders:read',
  'reminders:send',
  'assessment:read',
  'assessment:manage',
  'quarterly-report:read',
] as const;
export type TPermission = (typeof permissionNames)[number];

export const ZCurrentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleEnum.schema,
  unit: z.object({ id: z.number().int(), name: z.string(), kind: UnitKindEnum.schema }),
  permissions: z.array(z.enum(permissionNames)),
  /** Units the user may name as a task's lead unit, originating unit or applying county; null = any. */
  assignableUnitIds: z.array(z.number().int()).nullable(),
  /** The page the user lands on after signing in: lead cadres the dashboard, everyone else the task list. */
  home: z.enum(['/tasks', '/dashboard']),
});
export type TCurrentUser = z.infer<typeof ZCurrentUser>;
