import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, SqlRunner } from './connect.ts';

export const defaultMigrationsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../prisma/migrations');

// Any constant works; it only has to be the same in every process of this application.
const MIGRATION_LOCK_KEY = 727_2026;

export class MigrationError extends Error {}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export interface MigrationResult {
  applied: string[];
  latest: string | null;
}

/**
 * Applies pending SQL migrations, each in its own transaction, under an advisory lock so
 * that two processes starting together never migrate at once (the embedded database has
 * one session in one process, so there the lock is always free). An applied migration whose
 * file has since been edited is refused: the database would no longer match the repo.
 */
export function migrate(db: Database, dir = defaultMigrationsDir): Promise<MigrationResult> {
  const files = readMigrations(dir);
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
        name TEXT PRIMARY KEY,
        checksum TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      const rows = await session.query<{ name: string; checksum: string }>(
        'SELECT name, checksum FROM schema_migration ORDER BY name',
      );
      const appliedChecksums = new Map(rows.map((row) => [row.name, row.checksum]));
      for (const [name] of appliedChecksums) {
        if (!files.some((file) => file.name === name)) {
          throw new MigrationError(
            `数据库已应用迁移 ${name}，但代码中没有该文件：数据库比代码新。 / Migration ${name} is applied but missing from ${dir}: the database is newer than this code.`,
          );
        }
      }
      const applied: string[] = [];
      for (const file of files) {
        const known = appliedChecksums.get(file.name);
        if (known !== undefined) {
          if (known !== file.checksum) {
            throw new MigrationError(
              `迁移 ${file.name} 已应用，但文件内容已被修改。已应用的迁移不可修改，请新建迁移。 / Migration ${file.name} was applied but its file has been edited; add a new migration instead.`,
            );
          }
          continue;
        }
        try {
          await session.transaction(async (tx) => {
            await tx.exec(file.sql);
            await tx.query('INSERT INTO schema_migration (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
          });
        } catch (error) {
          throw new MigrationError(`迁移 ${file.name} 执行失败 / Migration ${file.name} failed: ${(error as Error).message}`);
        }
        applied.push(file.name);
      }
      return { applied, latest: files.at(-1)?.name ?? null };
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  });
}

export async function latestAppliedMigration(db: SqlRunner): Promise<string | null> {
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name DESC LIMIT 1');
  return rows[0]?.name ?? null;
}
