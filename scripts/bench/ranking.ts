// Benchmark of the ranking (晾晒比拼): `pnpm seed:scale 2000` into a PostgreSQL database first, then
//   BENCH_DATABASE_URL=postgresql://… npx tsx scripts/bench/ranking.ts
// Requests go through the whole Fastify stack in-process (app.inject). Beside each, in the same run,
// the floor: the same aggregate (the four indicators per department and the score under the default
// formula) written as one raw SQL statement through `pg`, and a bare Fastify route answering the same body.
import { arch, cpus, totalmem } from 'node:os';
import Fastify from 'fastify';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
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


// The floor: 2026 Q3 (the Q2 report due 2026-07-10), departments, default formula (40/30/30, 2 per overdue milestone).
const floorSql = `
WITH fin AS (
  SELECT t.id, t.lead_unit_id, t.status,
         CASE WHEN t.status IN ('completed', 'closed') THEN COALESCE((SELECT max(m.done_date) FROM milestone m WHERE m.task_id = t.id), t.deadline) END AS finished_on,
         t.start_date
    FROM task t JOIN unit u ON u.id = t.lead_unit_id AND u.kind = 'department'
   WHERE t.status <> 'draft'),
inplay AS (SELECT * FROM fin WHERE start_date <= $2 AND (finished_on IS NULL OR finished_on >= $1)),
ms AS (
  SELECT i.lead_unit_id,
         count(*) FILTER (WHERE m.due_date BETWEEN $1 AND $2) AS due,
         count(*) FILTER (WHERE m.due_date BETWEEN $1 AND $2 AND m.done_date <= m.due_date) AS on_time,
         count(*) FILTER (WHERE i.status <> 'suspended' AND (i.finished_on IS NULL OR i.finished_on > $2)
                            AND m.due_date <= $2 AND (m.done_date IS NULL OR m.done_date > $2)) AS overdue
    FROM inplay i JOIN milestone m ON m.task_id = i.id GROUP BY 1),
comp AS (SELECT lead_unit_id, count(*) AS in_play, count(*) FILTER (WHERE finished_on <= $2) AS finished FROM inplay GROUP BY 1),
rep AS (
  SELECT f.lead_unit_id, count(*) AS expected,
         count(*) FILTER (WHERE to_char(r.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') <= $5) AS on_time
    FROM fin f LEFT JOIN progress_report r ON r.task_id = f.id AND r.year = 2026 AND r.quarter = 2 AND r.status <> 'draft'
   WHERE f.start_date <= $4 AND (f.finished_on IS NULL OR f.finished_on >= $3)
   GROUP BY 1)
SELECT u.id, u.name,
       CASE WHEN COALESCE(ms.due, 0) = 0 THEN 4000 ELSE round(4000.0 * ms.on_time / ms.due) END
     + CASE WHEN COALESCE(comp.in_play, 0) = 0 THEN 3000 ELSE round(3000.0 * comp.finished / comp.in_play) END
     + CASE WHEN COALESCE(rep.expected, 0) = 0 THEN 3000 ELSE round(3000.0 * rep.on_time / rep.expected) END
     - 200 * COALESCE(ms.overdue, 0) AS score_hundredths
  FROM unit u LEFT JOIN ms ON ms.lead_unit_id = u.id LEFT JOIN comp ON comp.lead_unit_id = u.id LEFT JOIN rep ON rep.lead_unit_id = u.id
 WHERE u.kind = 'department'
 ORDER BY score_hundredths DESC, u.name`;
const floorParams = ['2026-07-01', '2026-09-30', '2026-04-01', '2026-06-30', '2026-07-10'];

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
const sql = await db.session((session) => timed(() => session.query(floorSql, floorParams)));
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
