// Small helpers shared by the start, test and e2e scripts (plain Node, no dependencies,
// so they run before anything is built).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/**
 * Starts a long-running child that dies with us and passes our signals on; when it ends,
 * `beforeExit` (say, dropping a temporary database) finishes before we exit.
 */
export function serve(command, args, options = {}, beforeExit = async () => {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    void beforeExit()
      .catch((error) => console.error(error))
      .finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
  return child;
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const webDir = join(root, 'apps/web');
const webIndex = join(webDir, 'dist/index.html');
const webSources = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => join(webDir, p));
const contractsSources = join(root, 'packages/contracts/src');

/** Builds the web app when it was never built or its sources changed since. */
export function ensureWebBuilt() {
  const builtAt = existsSync(webIndex) ? statSync(webIndex).mtimeMs : 0;
  const changedAt = Math.max(...webSources.map(newestMtime), newestMtime(contractsSources));
  if (builtAt >= changedAt) return;
  console.log('正在构建网页端 / building the web app…');
  const status = run(process.execPath, [join(webDir, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: webDir });
  if (status !== 0) process.exit(status);
}

/** The Prisma client is generated at install; generate it again if it is missing. */
export function ensurePrismaClient() {
  if (existsSync(join(root, 'packages/db/generated/prisma/client.ts'))) return;
  const status = run(process.execPath, [join(root, 'packages/db/scripts/generate.mjs')]);
  if (status !== 0) process.exit(status);
}

export const tsxArgs = ['--import', 'tsx'];
