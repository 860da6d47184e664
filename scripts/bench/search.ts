// Benchmark of keyword search (GET /api/tasks?q=…) beside its raw-SQL floor, and of how long
// recomputing search terms blocks the event loop.
//   npx tsx scripts/bench/search.ts                                  (embedded, in memory, demo data)
//   BENCH_DATABASE_URL=postgresql://…/empty_db npx tsx scripts/bench/search.ts   (PostgreSQL, demo data seeded)
//   BENCH_DATABASE_URL=postgresql://…/scaled npx tsx scripts/bench/search.ts     (after pnpm seed:scale 100000 and ANALYZE)
//   BENCH_READ_ONLY=1 BENCH_DATABASE_URL=postgresql://…/scaled npx tsx scripts/bench/search.ts
//     (a shared database, not written to: no migration, no reindex, no sign-in; the search use case
//     with the list's loader, in-process without HTTP and without the list's light check, beside the floor)
// The API figure goes through the whole Fastify stack in-process (app.inject). The floor is the
// same search written as two hand-made statements (count of task_search alone, then the page
// joined to its lead unit) on one database session in one transaction, GIN-served; then the
// joined count statement alone,
// GIN-served and as the planner picks it unguided (a sequential scan of task_search, when small).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { arch, cpus, totalmem } from 'node:os';
import { searchQueryTerms } from '../../packages/domain/src/index.ts';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { seedDemo } from '../../seeds/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { refreshSearchTerms } from '../../apps/api/src/modules/search/refresh-search-terms.ts';
import { readOnlyBench, searchFloor } from './search-read-only.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const CONCURRENCY = 10;
/** The unguided count unpacks every row's terms: seconds each at 100,000 tasks, so fewer runs. */
const UNGUIDED_RUNS = Math.min(RUNS, 5);
const TODAY = '2026-11-20';
const db = await openDatabase({ url: process.env.BENCH_DATABASE_URL, poolSize: CONCURRENCY });
if (process.env.BENCH_READ_ONLY) {
  await readOnlyBench(db);
  await db.close();
  process.exit(0);
}
await migrate(db);
if ((await db.prisma.task.count()) === 0) await seedDemo(db.prisma, { today: TODAY });
await refreshSearchTerms(db);
await db.query('ANALYZE');
const total = await db.prisma.task.count();

// How long recomputing 2,000 tasks' terms (or all, if fewer) holds the event loop.
await db.query('UPDATE task_search SET stale = true WHERE task_id IN (SELECT task_id FROM task_search ORDER BY task_id LIMIT 2000)');
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const started = performance.now();
const reindexed = await refreshSearchTerms(db);
const reindexMs = performance.now() - started;
delay.disable();

const app = await buildApp({ db, filesDir: '/tmp/bench-search-files', clock: () => new Date(`${TODAY}T10:00:00+08:00`) });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Reform@2026' } });
const cookie = `reform_sid=${login.cookies.find((c) => c.name === 'reform_sid')!.value}`;

function stats(times: number[]): string {
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return `${at(0.5)} | ${at(0.95)}`;
}

async function timed(run: () => Promise<unknown>, parallel = 1, runs = RUNS): Promise<number[]> {
  const times: number[] = [];
  const worker = async (runs: number) => {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
  };
  await worker(Math.min(3, runs));
  times.length = 0;
  await Promise.all(Array.from({ length: parallel }, () => worker(runs)));
  return times;
}

async function api(q: string): Promise<number> {
  const response = await app.inject({ method: 'GET', url: `/api/tasks?q=${encodeURIComponent(q)}`, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`${q}: ${response.statusCode} ${response.body}`);
  return (response.json() as { total: number }).total;
}

const floor = (terms: string[]) => searchFloor(db, terms);

const countSql = 'SELECT count(*) FROM task WHERE id IN (SELECT task_id FROM task_search WHERE terms @> $1)';
const unguided = (terms: string[]) => db.query(countSql, [terms]);
/** The same count statement alone, on a session kept off sequential scans (GIN-served). */
async function guidedCounts(terms: string[]): Promise<number[]> {
  return db.session(async (session) => {
    await session.query('SET enable_seqscan = off');
    try {
      return await timed(() => session.query(countSql, [terms]));
    } finally {
      await session.query('RESET enable_seqscan');
    }
  });
}

const rows: string[] = [];
for (const q of ['科技', '改革', '营商环境改革', '数字化改革', '税', '市科技局', 'ZD-2025-01']) {
  const terms = searchQueryTerms(q);
  const matched = await api(q);
  rows.push(
    `| ${q} | ${matched} | ${stats(await timed(() => api(q)))} | ${stats(await timed(() => floor(terms)))} | ${stats(await guidedCounts(terms))} | ${stats(await timed(() => unguided(terms), 1, UNGUIDED_RUNS))} |`,
  );
}
const parallelRows: string[] = [];
for (const q of ['改革', '科技']) {
  parallelRows.push(`| ${q} | ${stats(await timed(() => api(q), CONCURRENCY))} | ${stats(await timed(() => floor(searchQueryTerms(q)), CONCURRENCY))} |`);
}

console.log(`\n${db.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'}, ${total} tasks, ${RUNS} runs per figure after 3 warm-up runs`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`Recomputing the terms of ${reindexed} tasks: ${reindexMs.toFixed(0)} ms; longest event-loop block ${(delay.max / 1e6).toFixed(0)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms\n`);
console.log('| query | matching tasks | API p50 ms | API p95 ms | floor p50 ms | floor p95 ms | count via GIN p50 | p95 | count unguided p50 | p95 |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\n${CONCURRENCY} requests at a time:\n`);
console.log('| query | API p50 ms | API p95 ms | floor p50 ms | floor p95 ms |');
console.log('|---|---|---|---|---|');
for (const row of parallelRows) console.log(row);

await app.close();
await db.close();
