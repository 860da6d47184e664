import { randomBytes } from 'node:crypto';
import { migrate, openDatabase, type Database, type OpenDatabaseOptions } from '@reform/db';
import pg from 'pg';
import { readEnv } from '../src/env.ts';

export interface TestDatabase {
  db: Database;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory embedded database by default,
 * or a new database on the PostgreSQL named by TEST_DATABASE_URL, dropped afterwards, so
 * that runs never see each other's data.
 */
export async function createTestDatabase(options: Pick<OpenDatabaseOptions, 'onQuery'> = {}): Promise<TestDatabase> {
  const { TEST_DATABASE_URL } = readEnv();
  if (!TEST_DATABASE_URL) {
    const db = await openDatabase({ onQuery: options.onQuery });
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `reform_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4, onQuery: options.onQuery });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
