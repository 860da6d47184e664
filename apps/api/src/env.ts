import { resolve } from 'node:path';
import { z } from 'zod';

/** The only place that reads the environment; everything else receives these values. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** A PostgreSQL URL. Without it the embedded database (PGlite) in DATA_DIR is used. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().default(resolve(import.meta.dirname, '../../../.data')),
  /** Evidence files; defaults to DATA_DIR/files. Must be shared storage when API processes run on several machines. */
  FILES_DIR: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Set when the app is served over HTTPS (directly or behind a proxy): cookies become Secure. */
  COOKIE_SECURE: z.stringbool().default(false),
  /** Fixes "today" (YYYY-MM-DD, Asia/Shanghai) for demonstrations and tests. */
  TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Reminders by e-mail: an SMTP URL (smtp://user:pass@host:587 or smtps://…) and the sender address. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  /** Reminders to a generic JSON webhook (e.g. a government IM bot): one POST per reminder. */
  REMINDER_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
});

export type Env = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`环境变量配置有误 / Invalid environment:\n${problems}`);
  }
  return parsed.data;
}
