// Benchmark of what leaders read — the dashboard, the ranking draft, the battle map — kept per fact
// version (apps/api/src/modules/fact-version.ts), warm (the answer kept) and cold (the first request
// after a write), beside each one's floor in the same run (scripts/bench/floors.ts: the same aggregate
// as ONE raw SQL statement through `pg`).
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/figures-memo.ts
// makes a database on that server filled by `seedScale(BENCH_TASKS)` (default 2,000), or with
// BENCH_TEMPLATE=<database> a copy of that database (CREATE DATABASE … TEMPLATE), and drops it after.
// BENCH_RUNS (default 30) warm runs, BENCH_COLD_RUNS (default BENCH_RUNS) cold runs; BENCH_CITY_MAP=0
// leaves out the city-wide battle map (at 100,000 tasks it is one answer of every task); BENCH_ONLY=<text>
// runs only the requests whose path holds that text (e.g. `dashboard`).
import { arch, cpus, loadavg, totalmem } from 'node:os';
import { migrate, openDatabase, type Database } from '../../packages/db/src/index.ts';
import { periodOf, quarterOf, todayInShanghai } from '../../packages/domain/src/index.ts';
import { seedScale } from '../../seeds/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { battleMapFloorSql, countyFloorScope, dashboardFloorParams, dashboardFloorSql, rankingFloorParams, rankingFloorSql } from './floors.ts';
import { signIn } from './sign-in.ts';
import { RUNS, percentiles, timed } from './timing.ts';

const server = process.env.BENCH_DATABASE_URL;
if (!server) throw new Error('Set BENCH_DATABASE_URL to a PostgreSQL server (a database is made and dropped)');
const template = process.env.BENCH_TEMPLATE;
const tasks = Number(process.env.BENCH_TASKS ?? 2_000);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? RUNS);
const cityMap = process.env.BENCH_CITY_MAP !== '0';
const only = process.env.BENCH_ONLY ?? '';
const today = todayInShanghai();
const name = `reform_bench_figures_${process.pid}`;

const admin = await openDatabase({ url: server, poolSize: 1 });
await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
const url = new URL(server);
url.pathname = `/${name}`;
const lines: string[] = [];
try {
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  try {
    await migrate(db);
    if (!template) await seedScale(db.prisma, { tasks, today });
    await measure(db);
  } finally {
    await db.close();
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.close();
}

async function measure(db: Database) {
  const total = await db.prisma.task.count();
  const app = await buildApp({ db, filesDir: '/tmp/bench-files' });
  await app.ready();
  const cookies = { admin: await signIn(app, 'admin'), county: await signIn(app, 'county') };
  // Lights current, then fresh statistics (the local PostgreSQL runs without autovacuum).
  await app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: cookies.admin } });
  await db.query('VACUUM ANALYZE');
  const { countyUnits, officeId } = await countyFloorScope(db);
  const q = quarterOf(today);
  const period = periodOf(q.year, q.quarter, today);

  const floors = {
    dashboard: () => db.query(dashboardFloorSql, dashboardFloorParams(period, q)),
    ranking: () => db.query(rankingFloorSql, rankingFloorParams),
    cityMap: () => db.query(battleMapFloorSql(false), [today]),
    countyMap: () => db.query(battleMapFloorSql(true), [today, countyUnits, officeId]),
  };
  type Scenario = [string, keyof typeof cookies, string, keyof typeof floors];
  const scenarios: Scenario[] = [
    ['GET /api/dashboard (市委改革办, current quarter)', 'admin', '/api/dashboard', 'dashboard'],
    ['GET /api/dashboard (县改革办 嘉善县)', 'county', '/api/dashboard', 'dashboard'],
    ['GET /api/rankings draft (departments, 2026 Q3)', 'admin', '/api/rankings?group=department&year=2026&quarter=3&draft=true', 'ranking'],
    ...(cityMap ? [['GET /api/battle-map (市委改革办, every task)', 'admin', '/api/battle-map', 'cityMap'] satisfies Scenario] : []),
    ['GET /api/battle-map (县改革办 嘉善县)', 'county', '/api/battle-map', 'countyMap'],
  ];
  // A write of a fact (no figure changes): the next read finds a newer fact version.
  const write = () => db.query(`UPDATE setting SET value = value WHERE key = (SELECT min(key) FROM setting)`);
  const f = (ms: number) => ms.toFixed(1);
  for (const [label, user, path, floorKey] of scenarios.filter(([, , path]) => path.includes(only))) {
    const request = async () => {
      const response = await app.inject({ method: 'GET', url: path, headers: { cookie: cookies[user], 'accept-encoding': 'br, gzip' } });
      if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    };
    const floor = await db.session(() => timed(floors[floorKey]));
    const cold: number[] = [];
    for (let i = 0; i < coldRuns; i += 1) {
      await write();
      const start = performance.now();
      await request();
      cold.push(performance.now() - start);
    }
    const c = percentiles(cold);
    const warm = await timed(request);
    lines.push(
      `| ${total.toLocaleString('en')} | ${label} | ${f(warm.p50)} / ${f(warm.p95)} | ${f(c.p50)} / ${f(c.p95)} | ${f(floor.p50)} / ${f(floor.p95)} | ${(warm.p95 / floor.p95).toFixed(2)}× | ${(c.p95 / floor.p95).toFixed(1)}× |`,
    );
    console.error(lines.at(-1));
  }
  await app.close();
}

console.log(`\nPostgreSQL, ${RUNS} warm runs after 3 warm-up runs, ${coldRuns} cold runs (each after a write), today ${today}, ${new Date().toISOString()}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')}`);
console.log('| tasks | request | warm (kept) p50 / p95 ms | cold (after a write) p50 / p95 ms | floor: one SQL via pg p50 / p95 ms | warm p95 ÷ floor p95 | cold p95 ÷ floor p95 |');
console.log('|---|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
