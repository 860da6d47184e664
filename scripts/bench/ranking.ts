// Benchmark of the ranking (晾晒比拼): `pnpm seed:scale 2000` into a PostgreSQL database first, then
//   BENCH_DATABASE_URL=postgresql://… npx tsx scripts/bench/ranking.ts
// Requests go through the whole Fastify stack in-process (app.inject). Beside each, in the same run,
// the floor: the same aggregate (the four indicators per department and the score under the default
// formula) written as one raw SQL statement through `pg`, and a bare Fastify route answering the same body.
import { arch, cpus, totalmem } from 'node:os';
import Fastify from 'fastify';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { rankingFloorParams, rankingFloorSql } from './floors.ts';
import { RUNS, timed } from './timing.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to a PostgreSQL database filled by pnpm seed:scale');

const db = await openDatabase({ url, poolSize: 4 });
await migrate(db);
const app = await buildApp({ db, filesDir: '/tmp/bench-files' });
await app.ready();
const total = await db.prisma.task.count();
await db.query('VACUUM ANALYZE');

async function login(username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
  const cookie = response.cookies.find((c) => c.name === 'reform_sid');
  if (!cookie) throw new Error(`cannot sign in as ${username}: ${response.body}`);
  return `reform_sid=${cookie.value}`;
}
const cookies = { admin: await login('admin'), staff: await login('staff') };

// A published version for the units' read (a fresh one each run of the script).
const q3 = '/api/rankings?group=department&year=2026&quarter=3';
const seen = (await app.inject({ method: 'GET', url: q3, headers: { cookie: cookies.admin } })).json() as { versions: Array<{ number: number }> };
await app.inject({
  method: 'POST',
  url: '/api/rankings/publish',
  headers: { cookie: cookies.admin },
  payload: { group: 'department', year: 2026, quarter: 3, yearToDate: false, basedOn: seen.versions[0]?.number ?? 0 },
});



const bare = Fastify();
let bareBody = '';
bare.get('/bare', async (_request, reply) => reply.type('application/json').send(bareBody));
await bare.ready();

const scenarios: [string, keyof typeof cookies, string][] = [
  ['草稿（按事实实时计算）：市级部门，2026 年第三季度', 'admin', `${q3}&draft=true`],
  ['草稿：县（市、区），年度累计至第三季度', 'admin', '/api/rankings?group=county&year=2026&quarter=3&ytd=true&draft=true'],
  ['已发布版本（单位联络员读取）：市级部门，第三季度', 'staff', q3],
];
const f = (ms: number) => ms.toFixed(1);
const rows: string[] = [];
// Raw `pg` on one pooled connection (the Database's session, no Prisma).
const sql = await db.session((session) => timed(() => session.query(rankingFloorSql, rankingFloorParams)));
for (const [name, user, path] of scenarios) {
  const request = async () => {
    const response = await app.inject({ method: 'GET', url: path, headers: { cookie: cookies[user] } });
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
    return response;
  };
  const route = await timed(request);
  const last = await request();
  bareBody = last.body;
  const fastify = await timed(() => bare.inject({ method: 'GET', url: '/bare' }));
  const body = last.json() as { rows: unknown[] };
  rows.push(
    `| ${name} | ${body.rows.length} | ${(last.body.length / 1024).toFixed(0)} KB | ${f(route.p50)} / ${f(route.p95)} | ${f(sql.p50)} / ${f(sql.p95)} | ${f(fastify.p50)} / ${f(fastify.p95)} | ${(route.p95 / (sql.p95 + fastify.p95)).toFixed(1)}× |`,
  );
}
console.log(`\nPostgreSQL, ${total} tasks, ${RUNS} runs per scenario after 3 warm-up runs, ${new Date().toISOString()}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('| scenario | ranked units | body | route p50 / p95 ms | one-statement SQL floor p50 / p95 ms | bare Fastify p50 / p95 ms | route ÷ (SQL + bare) p95 |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);

await bare.close();
await app.close();
await db.close();
