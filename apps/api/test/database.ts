import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase, type Database, type OpenDatabaseOptions } from '@reform/db';
import { seedDemo } from '@reform/seeds';
import pg from 'pg';
import { readEnv } from '../src/env.ts';

/** The day every API test lives on (Asia/Shanghai), so lights and quarters are reproducible. */
export const TEST_TODAY = '2026-11-20';

export interface TestDatabase {
  db: Database;
  drop(): Promise<void>;
}

/**
 * Where the demo city, migrated and seeded once per run (`global-setup.ts`), waits to be copied:
 * a template database on PostgreSQL, or a tar of the embedded database's files.
 */
export type SeededDemo = { kind: 'postgres'; template: string } | { kind: 'pglite'; tarFile: string };

declare module 'vitest' {
  export interface ProvidedContext {
    seededDemo: SeededDemo;
  }
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onAdmin(base: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Seeds the demo city once; returns where it is and how to remove it. */
export async function createSeededDemo(): Promise<{ seeded: SeededDemo; remove(): Promise<void> }> {
  const { TEST_DATABASE_URL } = readEnv();
  if (TEST_DATABASE_URL) {
    const template = `reform_template_${process.pid}_${randomBytes(4).toString('hex')}`;
    await onAdmin(TEST_DATABASE_URL, `CREATE DATABASE "${template}"`);
    const db = await openDatabase({ url: databaseUrl(TEST_DATABASE_URL, template), poolSize: 2 });
    try {
      await migrate(db);
      await seedDemo(db.prisma, { today: TEST_TODAY });
    } finally {
      await db.close(); // a template must have no sessions while it is copied
    }
    return {
      seeded: { kind: 'postgres', template },
      remove: () => onAdmin(TEST_DATABASE_URL, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`),
    };
  }
  const db = await openDatabase({});
  const folder = mkdtempSync(join(tmpdir(), 'reform-seeded-'));
  const tarFile = join(folder, 'demo.tar');
  try {
    await migrate(db);
    await seedDemo(db.prisma, { today: TEST_TODAY });
    writeFileSync(tarFile, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  } finally {
    await db.close();
  }
  return { seeded: { kind: 'pglite', tarFile }, remove: async () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * A database for one test file that no other file sees: an in-memory embedded database by
 * default, or a new database on the PostgreSQL named by TEST_DATABASE_URL, dropped afterwards.
 * Migrated and empty, or (`seeded`) a copy of the demo city seeded once per run.
 */
export async function createTestDatabase(
  options: Pick<OpenDatabaseOptions, 'onQuery'> & { seeded?: SeededDemo } = {},
): Promise<TestDatabase> {
  const { TEST_DATABASE_URL } = readEnv();
  const { seeded, onQuery } = options;
  if (!TEST_DATABASE_URL) {
    const loadDataDir = seeded?.kind === 'pglite' ? new Blob([readFileSync(seeded.tarFile)]) : undefined;
    const db = await openDatabase({ onQuery, loadDataDir });
    if (!loadDataDir) await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `reform_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const template = seeded?.kind === 'postgres' ? ` TEMPLATE "${seeded.template}"` : '';
  await onAdmin(TEST_DATABASE_URL, `CREATE DATABASE "${name}"${template}`);
  const db = await openDatabase({ url: databaseUrl(TEST_DATABASE_URL, name), poolSize: 4, onQuery });
  if (!template) await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      await onAdmin(TEST_DATABASE_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
