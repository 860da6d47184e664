import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, OpenDatabaseOptions } from '@reform/db';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { createTestDatabase, TEST_TODAY } from './database.ts';

export { TEST_TODAY };
export const DEMO_PASSWORD = 'Reform@2026';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  filesDir: string;
  /** Signs in as a demo account and returns the Cookie header to send. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildTestApp(options: { seed?: boolean; onQuery?: OpenDatabaseOptions['onQuery'] } = {}): Promise<TestApp> {
  const seeded = (options.seed ?? true) ? inject('seededDemo') : undefined;
  const { db, drop } = await createTestDatabase({ onQuery: options.onQuery, seeded });
  const filesDir = mkdtempSync(join(tmpdir(), 'reform-files-'));
  const app = await buildApp({ db, filesDir, clock: () => new Date(`${TEST_TODAY}T10:00:00+08:00`) });
  await app.ready();
  return {
    app,
    db,
    filesDir,
    async login(username) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.body}`);
      return sessionCookieOf(response);
    },
    async close() {
      await app.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The demo city's unit ids by name. */
export async function unitIdsByName(db: Database): Promise<Record<string, number>> {
  const rows = await db.prisma.unit.findMany({ select: { id: true, name: true } });
  return Object.fromEntries(rows.map((u) => [u.name, u.id]));
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'reform_sid');
  if (!cookie) throw new Error('no session cookie');
  return `reform_sid=${cookie.value}`;
}
