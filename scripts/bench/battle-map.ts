// Benchmark of the battle map (GET /api/battle-map) at the demo's 330 tasks and at 2,000:
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/battle-map.ts
// It makes a database per size on that server (the demo city; `seedScale(2000)`), dropped afterwards.
// Requests go through the whole Fastify stack in-process (app.inject). Beside each: its floors in the
// same run — the statements the request sent, replayed on one session through raw `pg`; the same
// answer written as ONE hand-made SQL statement (json_agg, milestones included) through `pg`; and a
// bare Fastify route answering the same body. Then the body's size, gzip and brotli (as
// @fastify/compress would send it) and the time to compress it.
import { arch, cpus, totalmem } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { migrate, openDatabase, type Database } from '../../packages/db/src/index.ts';
import { todayInShanghai } from '../../packages/domain/src/index.ts';
import { seedDemo, seedScale } from '../../seeds/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { statementCounter } from '../../apps/api/test/statements.ts';
import { battleMapFloorSql, countyFloorScope } from './floors.ts';
import { signIn } from './sign-in.ts';
import { RUNS, timed } from './timing.ts';

const server = process.env.BENCH_DATABASE_URL;
if (!server) throw new Error('Set BENCH_DATABASE_URL to a PostgreSQL server (a database per size is made and dropped)');
const today = todayInShanghai();



async function withDatabase(name: string, fill: (db: Database) => Promise<unknown>, measure: (db: Database, url: string) => Promise<void>) {
  const admin = await openDatabase({ url: server, poolSize: 1 });
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server!);
  url.pathname = `/${name}`;
  try {
    const counter = statementCounter();
    const db = await openDatabase({ url: url.toString(), poolSize: 4, onQuery: counter.onQuery });
    try {
      await migrate(db);
      await fill(db);
      (db as Database & { counter?: typeof counter }).counter = counter;
      await measure(db, url.toString());
    } finally {
      await db.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  }
}

const rows: string[] = [];
const sizes: string[] = [];
const f = (ms: number) => ms.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function measure(db: Database, label: string) {
  const counter = (db as Database & { counter: ReturnType<typeof statementCounter> }).counter;
  const app = await buildApp({ db, filesDir: '/tmp/bench-files' });
  await app.ready();
  await app.inject({ method: 'GET', url: '/api/tasks' }); // nothing; the first signed-in read refreshes lights
  const cookies = { admin: await signIn(app, 'admin'), county: await signIn(app, 'county') };
  await app.inject({ method: 'GET', url: '/api/battle-map', headers: { cookie: cookies.admin } });
  await db.query('VACUUM ANALYZE');
  const { countyUnits, officeId } = await countyFloorScope(db);

  const bare = Fastify();
  let bareBody = '';
  bare.get('/bare', async (_request, reply) => reply.type('application/json').send(bareBody));
  await bare.ready();
  for (const [name, user, scoped] of [['全部任务（市委改革办）', 'admin', false], ['县改革办（嘉善县）的范围', 'county', true]] as const) {
    const request = async () => {
      const response = await app.inject({ method: 'GET', url: '/api/battle-map', headers: { cookie: cookies[user] } });
      if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
      return response;
    };
    const route = await timed(request);
    const last = await request();
    const shown = (last.json() as { rows: unknown[] }).rows.length;
    const { sent: statements } = await counter.during(request);
    const replay = await db.session((session) =>
      timed(async () => {
        for (const statement of statements) await session.query(statement.text, statement.values);
      }),
    );
    const params = scoped ? [today, countyUnits, officeId] : [today];
    const [check] = await db.query<{ rows: unknown[] }>(battleMapFloorSql(scoped), params);
    if (check!.rows.length !== shown) throw new Error(`floor answers ${check!.rows.length} rows, the route ${shown}`);
    const floor = await db.session((session) => timed(() => session.query(battleMapFloorSql(scoped), params)));
    bareBody = last.body;
    const fastify = await timed(() => bare.inject({ method: 'GET', url: '/bare' }));
    rows.push(
      `| ${label} | ${name} | ${shown} | ${statements.length} | ${f(route.p50)} / ${f(route.p95)} | ${f(replay.p50)} / ${f(replay.p95)} | ${f(floor.p50)} / ${f(floor.p95)} | ${f(fastify.p50)} / ${f(fastify.p95)} | ${(route.p50 / (floor.p50 + fastify.p50)).toFixed(1)}× |`,
    );
    const body = Buffer.from(last.body);
    const gzip = await timed(() => gzipSync(body));
    const brotli = await timed(() => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
    sizes.push(
      `| ${label} | ${name} | ${kb(body.length)} | ${kb(gzipSync(body).length)} (${f(gzip.p50)} ms) | ${kb(brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length)} (${f(brotli.p50)} ms) |`,
    );
  }
  await bare.close();
  await app.close();
}

await withDatabase('reform_bench_battlemap_330', (db) => seedDemo(db.prisma, { today }), (db) => measure(db, '330（演示数据）'));
await withDatabase(
  'reform_bench_battlemap_2000',
  (db) => seedScale(db.prisma, { tasks: 2_000, today }),
  (db) => measure(db, '2,000（seedScale）'),
);

console.log(`\nPostgreSQL, ${RUNS} runs per scenario after 3 warm-up runs, today ${today}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log('| tasks | scenario | rows | statements | route p50 / p95 ms | its statements via pg p50 / p95 | one-statement floor via pg p50 / p95 | bare Fastify p50 / p95 | route ÷ (floor + bare) p50 |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log('\n| tasks | scenario | JSON | gzip (level 6, time) | brotli (quality 4, time) |');
console.log('|---|---|---|---|---|');
for (const row of sizes) console.log(row);
