import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataDirLockedError, openDatabase } from '@reform/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, TEST_TODAY } from './helpers.ts';

const root = resolve(import.meta.dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** The inodes of every socket the process holds open. */
function socketInodesOf(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // The descriptor closed between listing and reading it.
    }
  }
  return inodes;
}

/** TCP ports the process listens on (IPv4 and IPv6), from the kernel's socket tables. */
function listeningTcpPortsOf(pid: number): number[] {
  const inodes = socketInodesOf(pid);
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols: sl local_address rem_address st … inode; state 0A is LISTEN.
      if (cols[3] === '0A' && inodes.has(cols[9]!)) ports.push(parseInt(cols[1]!.split(':')[1]!, 16));
    }
  }
  return ports;
}

/** Unix-domain sockets the process listens on (state 01 with the listening flag). */
function listeningUnixSocketsOf(pid: number): string[] {
  const inodes = socketInodesOf(pid);
  return readFileSync('/proc/net/unix', 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === '00010000' && inodes.has(cols[6]!))
    .map((cols) => cols[7] ?? '(unnamed)');
}

// The real server process on a fresh data folder, as `pnpm start` runs it.
describe('the embedded database of a running server', { timeout: 60_000 }, () => {
  let server: ChildProcess;
  let port: number;
  let dataDir: string;
  let output = '';

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'reform-embedded-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, TODAY: TEST_TODAY, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ready, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready: http://')) ready();
      };
      server.stdout!.on('data', onData);
      server.stderr!.on('data', onData);
      server.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
    });
  }, 300_000);

  afterAll(async () => {
    if (server?.exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the demo data on a fresh folder: the demo accounts can sign in', async () => {
    expect(output).toContain('已载入演示数据');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
  });

  it('listens on PORT only: no TCP port and no Unix socket leads to the database', () => {
    const pid = server.pid!;
    expect(listeningTcpPortsOf(pid)).toEqual([port]);
    expect(listeningUnixSocketsOf(pid)).toEqual([]);
  });

  it('lets no other process open a database session', async () => {
    // Not through its one port, which speaks HTTP only…
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 5_000 });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toThrow();
    // …and not by opening its data folder, which the server holds locked.
    await expect(openDatabase({ dataDir: join(dataDir, 'pglite') })).rejects.toBeInstanceOf(DataDirLockedError);
  });
});
