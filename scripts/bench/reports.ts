// Benchmark of the quarterly cycle (一季度一报).
//
// Opening a round and the board, at scale: `pnpm seed:scale 100000` into a database first, then
//   BENCH_DATABASE_URL=postgresql://… npx tsx scripts/bench/reports.ts            (PostgreSQL)
//   BENCH_DATA_DIR=/path/to/.data npx tsx scripts/bench/reports.ts              (embedded)
// The app's clock is set to 2026-12-05 so the 2026 Q4 round may open; any earlier Q4 round and
// its reports are removed first, so the opening creates one report per active task every time.
// Requests go through the whole Fastify stack in-process (app.inject); beside the board its floor,
// the same statement replayed through the database on one session, and the recount of the
// quarter's reports that the kept counters replaced (migration 0018).
//
// The autosave burst on the embedded database (a fresh in-memory demo city):
//   BENCH_MODE=autosave npx tsx scripts/bench/reports.ts
// 50 simulated users each save their own draft every 3 s (with jitter) for 30 s; prints the
// latency of the saves and of a bystander's task list read during the burst.
import { arch, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { seedDemo } from '../../seeds/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { percentiles, RUNS, timed } from './timing.ts';

const CLOCK = () => new Date('2026-12-05T10:00:00+08:00');
const f = (ms: number) => ms.toFixed(1);

const machine = () => `Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

async function boardBench() {
  const url = process.env.BENCH_DATABASE_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  if (!url && !dataDir) throw new Error('Set BENCH_DATABASE_URL or BENCH_DATA_DIR to a database filled by pnpm seed:scale');
  const db = await openDatabase({ url, dataDir: dataDir ? join(dataDir, 'pglite') : undefined, poolSize: 4 });
  await migrate(db);
  const app = await buildApp({ db, filesDir: '/tmp/bench-files', clock: CLOCK });
  await app.ready();
  const login = async (username: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
    const cookie = response.cookies.find((c) => c.name === 'reform_sid');
    if (!cookie) throw new Error(`cannot sign in as ${username}: ${response.body}`);
    return `reform_sid=${cookie.value}`;
  };
  const cookies = { admin: await login('admin'), county: await login('county'), staff: await login('staff') };
  const tasks = await db.prisma.task.count();

  // BENCH_SKIP_OPEN=1 measures the board of the round an earlier run opened.
  const reuse = process.env.BENCH_SKIP_OPEN ? (await db.query<{ id: number; created_count: number }>('SELECT id, created_count FROM report_round WHERE year = 2026 AND quarter = 4 ORDER BY id LIMIT 1'))[0] : undefined;
  if (!reuse) {
    await db.query('DELETE FROM progress_report WHERE year = 2026 AND quarter = 4');
    await db.query('DELETE FROM report_round WHERE year = 2026 AND quarter = 4');
    if (db.kind === 'postgres') await db.query('VACUUM ANALYZE progress_report');
  }
  let started = performance.now();
  const opened = reuse ? null : await app.inject({ method: 'POST', url: '/api/report-rounds', headers: { cookie: cookies.admin }, payload: { year: 2026, quarter: 4 } });
  const openMs = performance.now() - started;
  if (opened && opened.statusCode !== 201) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  const round = reuse ? { id: reuse.id, createdCount: reuse.created_count } : (opened!.json() as { id: number; createdCount: number });
  started = performance.now();
  const again = await app.inject({ method: 'POST', url: '/api/report-rounds', headers: { cookie: cookies.admin }, payload: { year: 2026, quarter: 4 } });
  const againMs = performance.now() - started;
  // The city's board right after the opening, before any vacuum has seen the new rows.
  const boardRoute = (id: number, user: keyof typeof cookies, name: string) =>
    timed(async () => {
      const response = await app.inject({ method: 'GET', url: `/api/report-rounds/${id}/board`, headers: { cookie: cookies[user] } });
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
    });
  const fresh = await boardRoute(round.id, 'admin', 'fresh');
  // Steady state, as autovacuum would leave it (the local PostgreSQL runs without it).
  if (db.kind === 'postgres') await db.query('VACUUM ANALYZE progress_report');
  const q3 = await app.inject({ method: 'POST', url: '/api/report-rounds', headers: { cookie: cookies.admin }, payload: { year: 2026, quarter: 3 } });
  const q3Round = q3.statusCode === 201 ? (q3.json() as { id: number }) : ((await db.query<{ id: number }>('SELECT id FROM report_round WHERE year = 2026 AND quarter = 3 ORDER BY id LIMIT 1'))[0]!);

  const rows: string[] = [];
  const scenarios: [string, keyof typeof cookies, number][] = [
    ['看板 2026Q4（刚开启，全部未报）', 'admin', round.id],
    ['看板 2026Q3（已报送、采纳、退回混合）', 'admin', q3Round.id],
    ['看板 2026Q4，县改革办（嘉善县）', 'county', round.id],
    ['看板 2026Q4，单位联络员', 'staff', round.id],
  ];
  for (const [name, user, id] of scenarios) {
    const route = await boardRoute(id, user, name);
    const body = (await app.inject({ method: 'GET', url: `/api/report-rounds/${id}/board`, headers: { cookie: cookies[user] } })).json() as {
      totals: { expected: number };
      units: unknown[];
    };
    rows.push(`| ${name} | ${body.totals.expected} | ${body.units.length} | ${f(route.p50)} / ${f(route.p95)} / ${f(route.max)} |`);
  }
  // A baseline in the same conditions: the cheapest signed-in request (the round itself), so the
  // board's figures can be read as a ratio on a busy machine.
  const baseline = await timed(async () => {
    const response = await app.inject({ method: 'GET', url: `/api/report-rounds/${round.id}`, headers: { cookie: cookies.admin } });
    if (response.statusCode !== 200) throw new Error(`round: ${response.statusCode} ${response.body}`);
  });
  // The floor: the board's statement alone (it reads the counters kept per quarter and unit), for
  // the city's round, and beside it the recount of the quarter's reports it replaced.
  const boardSql = `SELECT u.id, u.name, c.expected, c.submitted, c.accepted, c.returned, c.late
       FROM report_board_count c JOIN unit u ON u.id = c.unit_id
       WHERE c.year = 2026 AND c.quarter = 4 AND c.expected > 0 AND u.path LIKE '%' ORDER BY u.path`;
  const floor = await timed(() => db.query(boardSql));
  const recount = await timed(() =>
    db.query(
      `SELECT u.id, u.name, c.* FROM (
         SELECT r.unit_id, count(*)::int AS expected,
                count(*) FILTER (WHERE r.submission_count > 0 OR r.status <> 'draft')::int AS submitted,
                count(*) FILTER (WHERE r.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
                count(*) FILTER (WHERE r.late)::int AS late
         FROM progress_report r WHERE r.year = 2026 AND r.quarter = 4 GROUP BY r.unit_id) c
       JOIN unit u ON u.id = c.unit_id WHERE u.path LIKE '%' ORDER BY u.path`,
    ),
  );
  const [plan] = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${boardSql}`);
  const [stale] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM task_search WHERE stale');
  const reports = await db.prisma.progressReport.count();

  console.log(`\n${db.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'}, ${tasks} tasks, ${reports} reports after opening; ${RUNS} runs per scenario after 3 warm-up runs`);
  console.log(machine());
  if (!reuse) console.log(`Opening the 2026 Q4 round (one INSERT … SELECT): ${round.createdCount} reports in ${f(openMs)} ms`);
  console.log(`Opening it again: ${again.statusCode} in ${f(againMs)} ms`);
  console.log(`Tasks whose search terms are stale after the opening: ${stale?.n}`);
  console.log(`City board right after the opening (before VACUUM): route p50 ${f(fresh.p50)} / p95 ${f(fresh.p95)} ms`);
  console.log(`Baseline GET /api/report-rounds/:id: p50 ${f(baseline.p50)} / p95 ${f(baseline.p95)} ms`);
  console.log(`Board statement alone (floor, 2026Q4): p50 ${f(floor.p50)} / p95 ${f(floor.p95)} ms; plan starts: ${plan?.['QUERY PLAN']}`);
  console.log(`Recounting the quarter's reports instead (the statement it replaced): p50 ${f(recount.p50)} / p95 ${f(recount.p95)} ms`);
  console.log('| board | reports expected | units | route p50 / p95 / max ms |');
  console.log('|---|---|---|---|');
  for (const row of rows) console.log(row);
  await app.close();
  await db.close();
}

async function autosaveBench() {
  const USERS = Number(process.env.BENCH_USERS ?? 50);
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
  const db = await openDatabase({});
  await migrate(db);
  await seedDemo(db.prisma, { today: '2026-12-05' });
  const app = await buildApp({ db, filesDir: '/tmp/bench-files', clock: CLOCK });
  await app.ready();
  const login = async (username: string) => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
    const cookie = response.cookies.find((c) => c.name === 'reform_sid');
    if (!cookie) throw new Error(`cannot sign in as ${username}`);
    return `reform_sid=${cookie.value}`;
  };
  const admin = await login('admin');
  const opened = await app.inject({ method: 'POST', url: '/api/report-rounds', headers: { cookie: admin }, payload: { year: 2026, quarter: 4 } });
  if (opened.statusCode !== 201) throw new Error(opened.body);
  const drafts = await db.prisma.progressReport.findMany({ where: { year: 2026, quarter: 4, status: 'draft' }, take: USERS, select: { id: true, version: true } });
  // One session per simulated user (the office may fill any unit's report; sessions are rows, so 50 sign-ins are 50 users).
  const sessions = await Promise.all(drafts.map(() => login('admin')));
  const saves: number[] = [];
  const reads: number[] = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const user = async (i: number) => {
    const report = drafts[i]!;
    let version = report.version;
    let text = '';
    await sleep(Math.random() * 3000);
    while (performance.now() < end) {
      text += '本季度推进情况良好，';
      const started = performance.now();
      const response = await app.inject({ method: 'PATCH', url: `/api/reports/${report.id}`, headers: { cookie: sessions[i]! }, payload: { version, progressText: text } });
      saves.push(performance.now() - started);
      if (response.statusCode === 200) version = (response.json() as { version: number }).version;
      else failures += 1;
      await sleep(3000 - 250 + Math.random() * 500);
    }
  };
  const bystander = async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: admin } });
      reads.push(performance.now() - started);
      await sleep(1000);
    }
  };
  await Promise.all([...drafts.map((_, i) => user(i)), bystander()]);
  const s = percentiles(saves);
  const r = percentiles(reads);
  console.log(`\nEmbedded (PGlite, in memory, demo city), ${drafts.length} users saving every 3 s for ${SECONDS} s`);
  console.log(machine());
  console.log(`| what | requests | failures | p50 ms | p95 ms | max ms |`);
  console.log('|---|---|---|---|---|---|');
  console.log(`| autosave PATCH /api/reports/:id | ${s.n} | ${failures} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.max)} |`);
  console.log(`| bystander GET /api/tasks during the burst | ${r.n} | 0 | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} |`);
  await app.close();
  await db.close();
}

if (process.env.BENCH_MODE === 'autosave') await autosaveBench();
else await boardBench();
