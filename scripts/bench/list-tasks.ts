// Benchmark of the task list at scale: `pnpm seed:scale 100000` into a database first, then
//   BENCH_DATABASE_URL=postgresql://… npx tsx scripts/bench/list-tasks.ts        (PostgreSQL)
//   BENCH_DATA_DIR=/path/to/.data npx tsx scripts/bench/list-tasks.ts          (embedded)
// Requests go through the whole Fastify stack in-process (app.inject): routing, session,
// access policy, validation, query, serialization. Prints p50/p95/max per scenario, and beside
// each its floors measured in the same run: the very statements the request sent, replayed
// on one database session (raw `pg` on PostgreSQL) one after another, and a bare Fastify route answering the same body.
//   BENCH_SCENARIOS=<regexp> runs only the scenarios whose name matches;
//   BENCH_SKIP_LIGHTS=1 skips the one-request recomputation of every light.
import { arch, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { refreshSearchTerms } from '../../apps/api/src/modules/search/refresh-search-terms.ts';
import { statementCounter } from '../../apps/api/test/statements.ts';
import { RUNS, timed } from './timing.ts';

const url = process.env.BENCH_DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
if (!url && !dataDir) throw new Error('Set BENCH_DATABASE_URL or BENCH_DATA_DIR to a database filled by pnpm seed:scale');

const counter = statementCounter();
const db = await openDatabase({ url, dataDir: dataDir ? join(dataDir, 'pglite') : undefined, poolSize: 4, onQuery: counter.onQuery });
await migrate(db);
// After the migration that adds search terms (or a bulk load), every task is indexed once: time it.
let started = performance.now();
const indexed = await refreshSearchTerms(db);
const indexMs = performance.now() - started;
const app = await buildApp({ db, filesDir: join(process.env.BENCH_DATA_DIR ?? '/tmp', 'bench-files') });
await app.ready();
const total = await db.prisma.task.count();

async function login(username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
  const cookie = response.cookies.find((c) => c.name === 'reform_sid');
  if (!cookie) throw new Error(`cannot sign in as ${username}: ${response.body}`);
  return `reform_sid=${cookie.value}`;
}
const cookies = { admin: await login('admin'), staff: await login('staff'), county: await login('county') };
const county = await db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } });

let refreshMs = Number.NaN;
if (!process.env.BENCH_SKIP_LIGHTS) {
  // Every light marked for recomputation (as after a bulk load): the first read recomputes them all.
  await db.query('UPDATE task SET light_as_of = NULL');
  started = performance.now();
  await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: cookies.admin } });
  refreshMs = performance.now() - started;
}
// Measure the steady state, as autovacuum would leave it (the local PostgreSQL runs without it).
if (db.kind === 'postgres') await db.query('VACUUM ANALYZE');

const scenarios: [string, keyof typeof cookies, string][] = [
  ['全部任务，第 1 页', 'admin', '/api/tasks'],
  ['改革试点 + 红灯', 'admin', '/api/tasks?list=pilot&light=red'],
  ['牵头单位 = 嘉善县（含镇街）', 'admin', `/api/tasks?unitId=${county.id}`],
  ['关键词（2 字）“改革”', 'admin', `/api/tasks?q=${encodeURIComponent('改革')}`],
  ['关键词（4 字）“科技金融”', 'admin', `/api/tasks?q=${encodeURIComponent('科技金融')}`],
  ['关键词（1 字）“税”', 'admin', `/api/tasks?q=${encodeURIComponent('税')}`],
  ['关键词（6 字）“最多跑一次改革”', 'admin', `/api/tasks?q=${encodeURIComponent('最多跑一次改革')}`],
  ['编号前缀“ZD-2025-01”', 'admin', '/api/tasks?q=ZD-2025-01'],
  ['关键词“改革” + 改革试点 + 红灯', 'admin', `/api/tasks?list=pilot&light=red&q=${encodeURIComponent('改革')}`],
  ['单位联络员搜索“改革”', 'staff', `/api/tasks?q=${encodeURIComponent('改革')}`],
  ['县改革办搜索“改革”', 'county', `/api/tasks?q=${encodeURIComponent('改革')}`],
  ['按完成时限倒序，第 100 页', 'admin', '/api/tasks?sort=deadline&order=desc&page=100'],
  ['按状态灯排序，每页 200', 'admin', '/api/tasks?sort=light&pageSize=200'],
  ['单位联络员（市科技局）的范围', 'staff', '/api/tasks'],
  ['县改革办（嘉善县）的范围', 'county', '/api/tasks'],
  ['任务详情', 'admin', `/api/tasks/${(await db.prisma.task.findFirstOrThrow({ where: { list: 'pilot' }, orderBy: { id: 'asc' } })).id}`],
];
const only = process.env.BENCH_SCENARIOS ? new RegExp(process.env.BENCH_SCENARIOS) : null;


// The bare route: the same body, no session, no database.
const bare = Fastify();
let bareBody = '';
bare.get('/bare', async (_request, reply) => reply.type('application/json').send(bareBody));
await bare.ready();

const rows: string[] = [];
const f = (ms: number) => ms.toFixed(1);
for (const [name, user, path] of scenarios) {
  if (only && !only.test(name)) continue;
  const request = async () => {
    const response = await app.inject({ method: 'GET', url: path, headers: { cookie: cookies[user] } });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const route = await timed(request);
  const last = await request();
  const matched = (last.json() as { total?: number }).total ?? 1;
  // Replayed without the light check's side effects: every statement is a read here.
  const { sent: statements } = await counter.during(request);
  const sql = await db.session((session) =>
    timed(async () => {
      for (const statement of statements) await session.query(statement.text, statement.values);
    }),
  );
  bareBody = last.body;
  const fastify = await timed(() => bare.inject({ method: 'GET', url: '/bare' }));
  rows.push(
    `| ${name} | ${matched} | ${statements.length} | ${f(route.p50)} / ${f(route.p95)} | ${f(sql.p50)} / ${f(sql.p95)} | ${f(fastify.p50)} / ${f(fastify.p95)} | ${(route.p50 / (sql.p50 + fastify.p50)).toFixed(1)}× |`,
  );
}

console.log(`\n${db.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'}, ${total} tasks, ${RUNS} runs per scenario after 3 warm-up runs`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
if (!Number.isNaN(refreshMs)) console.log(`Recomputing all ${total} status lights in one request: ${(refreshMs / 1000).toFixed(1)} s`);
console.log(`Computing the search terms of ${indexed} tasks: ${(indexMs / 1000).toFixed(1)} s`);
const [sizes] = await db.query<{ table: string; indexes: string }>(
  `SELECT pg_size_pretty(pg_table_size('task_search')) AS table, pg_size_pretty(pg_indexes_size('task_search')) AS indexes`,
);
console.log(`task_search: table ${sizes?.table}, indexes ${sizes?.indexes}\n`);
console.log('Floors: the statements the request sent (session included), replayed through raw pg on one connection; a bare Fastify route answering the same body (app.inject).');
console.log('| scenario | matching tasks | statements | route p50 / p95 ms | its SQL via pg p50 / p95 ms | bare Fastify p50 / p95 ms | route ÷ (SQL + bare) p50 |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);

await bare.close();
await app.close();
await db.close();
