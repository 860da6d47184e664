// Benchmark of the overview dashboard and its drill-down: `pnpm seed:scale 2000` into a PostgreSQL
// database first, then
//   BENCH_DATABASE_URL=postgresql://… npx tsx scripts/bench/dashboard.ts     (BENCH_RUNS, default 30)
// Requests go through the whole Fastify stack in-process (app.inject). Beside each, its floor in the
// same run: the same aggregate (tasks in play, overdue milestones and tasks, milestones due and on
// time, reports owed and on time, open rectifications for the quarter) written as ONE raw SQL
// statement through `pg` (`db.query`, the raw pg pool of packages/db) — the least any implementation must pay to read the facts.
import { arch, cpus, totalmem } from 'node:os';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { periodOf, quarterOf, todayInShanghai } from '../../packages/domain/src/index.ts';
import { dashboardFloorParams, dashboardFloorSql } from './floors.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to a PostgreSQL database filled by pnpm seed:scale');

const db = await openDatabase({ url, poolSize: 4 });
await migrate(db);
const app = await buildApp({ db, filesDir: '/tmp/bench-files' });
await app.ready();
const total = await db.prisma.task.count();
const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Reform@2026' } });
const cookie = `reform_sid=${response.cookies.find((c) => c.name === 'reform_sid')!.value}`;
// Lights current and statistics fresh (the local PostgreSQL runs without autovacuum).
await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } });
await db.query('VACUUM ANALYZE');

const today = todayInShanghai();
const q = quarterOf(today);
const period = periodOf(q.year, q.quarter, today);



async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await run(); // warm
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}
const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
const fmt = (n: number) => n.toFixed(1);

const inject = (path: string) => async () => {
  const r = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${path}: ${r.statusCode} ${r.body.slice(0, 200)}`);
};
const floor = await time(() => db.query(dashboardFloorSql, dashboardFloorParams(period, q)));
const rows: [string, number[]][] = [
  ['GET /api/dashboard (current quarter, everything)', await time(inject('/api/dashboard'))],
  ['GET /api/dashboard?list=pilot', await time(inject('/api/dashboard?list=pilot'))],
  [`GET /api/tasks?figure=overdue_milestones&period=${period.key}`, await time(inject(`/api/tasks?figure=overdue_milestones&period=${period.key}`))],
];

console.log(`${total} tasks, PostgreSQL, ${RUNS} runs each; ${cpus().length} × ${cpus()[0]?.model ?? '?'} (${arch()}), ${Math.round(totalmem() / 2 ** 30)} GB; ${new Date().toISOString()}`);
console.log('| request | p50 ms | p95 ms | floor p50 / p95 ms (one raw SQL via pg) | p95 ÷ floor p95 |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, samples] of rows) {
  console.log(`| ${name} | ${fmt(pct(samples, 50))} | ${fmt(pct(samples, 95))} | ${fmt(pct(floor, 50))} / ${fmt(pct(floor, 95))} | ${(pct(samples, 95) / pct(floor, 95)).toFixed(1)}× |`);
}
await app.close();
await db.close();
