import { join } from 'node:path';
import { openDatabase, type Database } from '@reform/db';
import type { Env } from './env.ts';

/** PostgreSQL when DATABASE_URL is set, else the embedded database kept in DATA_DIR. */
export function openDatabaseFromEnv(env: Env): Promise<Database> {
  return openDatabase({ url: env.DATABASE_URL, dataDir: join(env.DATA_DIR, 'pglite'), poolSize: env.DATABASE_POOL_SIZE });
}

export function clockFromEnv(env: Env): () => Date {
  if (!env.TODAY) return () => new Date();
  // A fixed day, at the current time of day, so sessions still expire.
  const fixed = new Date(`${env.TODAY}T12:00:00+08:00`).getTime();
  const started = Date.now();
  return () => new Date(fixed + (Date.now() - started));
}
