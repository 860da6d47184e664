// The server the end-to-end tests run against: the whole app with the demo data on a fresh
// database, on E2E_PORT (default 3100). With TEST_DATABASE_URL it runs on a new database of
// that PostgreSQL server (dropped afterwards); otherwise on a temporary embedded database.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePrismaClient, ensureWebBuilt, root, run, serve, tsxArgs } from './lib.mjs';

const pg = createRequire(join(root, 'packages/db/package.json'))('pg');

ensurePrismaClient();
ensureWebBuilt();

const port = process.env.E2E_PORT ?? '3100';
const env = { ...process.env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
delete env.DATABASE_URL;
let cleanup = () => {};

if (process.env.TEST_DATABASE_URL) {
  const name = `reform_e2e_${process.pid}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  const seeded = run(process.execPath, [...tsxArgs, 'apps/api/src/cli/seed-demo.ts'], { env });
  if (seeded !== 0) process.exit(seeded);
  cleanup = async () => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'reform-e2e-'));
  env.DATA_DIR = dataDir;
  cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
}

serve(process.execPath, [...tsxArgs, 'apps/api/src/server.ts'], { env }, () => cleanup());
