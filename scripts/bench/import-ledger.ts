/**
 * Benchmark of the ledger import (台账导入): a 5,000-row ledger generated with exceljs, imported
 * through the real API (app.inject, multipart) into a fresh embedded database with the demo city.
 * Dry runs and real imports, 3 runs each; prints p50 and max. Then a bystander: another user's
 * task list (GET /api/tasks, 20 rows) sent again and again while a dry run and an import of a
 * fresh ledger run, and while six workbook bombs (a few hundred KB that unpack to 85 MB of shared
 * strings) are sent at once, beside the same request with nothing else running (its floor).
 *
 *   npx tsx scripts/bench/import-ledger.ts [rows]
 *
 * Set TEST_DATABASE_URL to run against PostgreSQL instead of the embedded database.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { day, ledgerXlsx, multipartBody, workbookParts, zipOf, type FixtureCell } from '../../apps/api/test/fixtures/ledgers.ts';
import { buildTestApp, type TestApp } from '../../apps/api/test/helpers.ts';

const ROWS = Number(process.argv[2] ?? 5_000);
const RUNS = 3;
const HEADERS = ['序号', '改革任务', '清单类别', '领域', '牵头单位', '配合单位', '领衔领导', '完成时限', '目标任务'];
const LISTS = ['重大改革任务', '改革试点', '地方创新项目'];
const FIELDS = ['经济体制', '数字化改革', '社会治理', '城乡融合', '营商环境'];

async function generate(units: string[], run: number): Promise<Buffer> {
  const rows: FixtureCell[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const lead = units[i % units.length]!;
    const coop = [units[(i * 7 + 3) % units.length]!, units[(i * 11 + 5) % units.length]!].filter((u) => u !== lead);
    const month = 1 + (i % 12);
    // Deadlines as offices write them: date cells, ISO text and 年月底 phrases.
    const deadline = i % 3 === 0 ? day(`2027-${String(month).padStart(2, '0')}-28`) : i % 3 === 1 ? `2028-${month}-15` : `2027年${month}月底`;
    rows.push([
      i + 1,
      `第${run}批台账导入压测改革任务${String(i + 1).padStart(5, '0')}号`,
      LISTS[i % LISTS.length]!,
      FIELDS[i % FIELDS.length]!,
      lead,
      [...new Set(coop)].join('、'),
      '张三（副市长）',
      deadline,
      '到期完成改革目标，形成可复制推广的制度成果。',
    ]);
  }
  return ledgerXlsx({ title: `压测台账（${ROWS} 行）`, headers: HEADERS, rows });
}

async function timeImport(t: TestApp, cookie: string, file: Buffer, dryRun: boolean): Promise<{ ms: number; status: number; body: string }> {
  const { payload, headers } = multipartBody({ file: { filename: 'bench.xlsx', content: file } });
  const started = performance.now();
  const response = await t.app.inject({ method: 'POST', url: `/api/tasks/import?dryRun=${dryRun}`, headers: { ...headers, cookie }, payload });
  return { ms: performance.now() - started, status: response.statusCode, body: response.body };
}

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Another user's list request, sent one after another until `until` settles; the latency of each. */
async function bystander(t: TestApp, cookie: string, until: Promise<unknown> | null, count = 20): Promise<number[]> {
  const latencies: number[] = [];
  let done = until === null;
  void until?.finally(() => (done = true));
  while (until ? !done : latencies.length < count) {
    const started = performance.now();
    const response = await t.app.inject({ method: 'GET', url: '/api/tasks?pageSize=20', headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`bystander: ${response.statusCode}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const setupStarted = performance.now();
  const t = await buildTestApp();
  const cookie = await t.login('admin');
  const units = (
    await t.db.prisma.unit.findMany({ where: { kind: { in: ['department', 'county'] } }, select: { name: true }, orderBy: { id: 'asc' } })
  ).map((u) => u.name);
  const files = await Promise.all([1, 2, 3, 4].map((run) => generate(units, run)));
  const staff = await t.login('staff');
  console.log(`setup (database, demo data, ${files.length} ledgers of ${ROWS} rows, ${(files[0]!.length / 1024).toFixed(0)} KB each): ${fmt(performance.now() - setupStarted)}`);

  const dry: number[] = [];
  const real: number[] = [];
  const firstSearch: number[] = [];
  let floor: number[] = [];
  let duringDry: number[] = [];
  let duringImport: number[] = [];
  let duringBombs: number[] = [];
  const bombTimes: number[] = [];
  const bomb = zipOf(workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { repeat: '<si><t>改</t></si>', times: 5_000_000 }));
  try {
    for (let run = 0; run < RUNS; run++) {
      const result = await timeImport(t, cookie, files[0]!, true);
      const body = JSON.parse(result.body) as { valid: number; errors: unknown[] };
      if (result.status !== 200 || body.valid !== ROWS) throw new Error(`dry run ${run + 1}: ${result.status} ${result.body.slice(0, 500)}`);
      dry.push(result.ms);
    }
    for (let run = 0; run < RUNS; run++) {
      const before = await t.db.prisma.task.count();
      const result = await timeImport(t, cookie, files[run]!, false);
      if (result.status !== 200) throw new Error(`import ${run + 1}: ${result.status} ${result.body.slice(0, 500)}`);
      const after = await t.db.prisma.task.count();
      if (after - before !== ROWS) throw new Error(`import ${run + 1} wrote ${after - before} tasks`);
      real.push(result.ms);
      console.log(`import ${run + 1}: ${fmt(result.ms)} (${after} tasks in the database)`);
      // The imported tasks' search terms are computed by the next search (up to 2,000) and the sweeper.
      const searchStarted = performance.now();
      const search = await t.app.inject({ method: 'GET', url: `/api/tasks?q=${encodeURIComponent('改革')}`, headers: { cookie } });
      if (search.statusCode !== 200) throw new Error(`search after import ${run + 1}: ${search.statusCode}`);
      firstSearch.push(performance.now() - searchStarted);
    }
    await bystander(t, staff, null, 5); // warm
    floor = await bystander(t, staff, null);
    duringDry = await bystander(t, staff, timeImport(t, cookie, files[3]!, true));
    duringImport = await bystander(t, staff, timeImport(t, cookie, files[3]!, false));
    const bombs = Array.from({ length: 6 }, async () => {
      const result = await timeImport(t, cookie, bomb, true);
      if (result.status !== 413) throw new Error(`bomb: ${result.status} ${result.body.slice(0, 300)}`);
      bombTimes.push(result.ms);
    });
    duringBombs = await bystander(t, staff, Promise.all(bombs));
  } finally {
    await t.close();
  }

  const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded (PGlite)';
  console.log(`\n台账导入 benchmark — ${ROWS} rows, ${database}, Node ${process.version}, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
  console.log('| operation | runs | p50 | max |');
  console.log('|---|---|---|---|');
  console.log(`| dry run (check only) | ${RUNS} | ${fmt(p50(dry))} | ${fmt(Math.max(...dry))} |`);
  console.log(`| import (one transaction) | ${RUNS} | ${fmt(p50(real))} | ${fmt(Math.max(...real))} |`);
  console.log(`| first search after the import | ${RUNS} | ${fmt(p50(firstSearch))} | ${fmt(Math.max(...firstSearch))} |`);
  console.log(`\nBystander (unit staff, GET /api/tasks?pageSize=20, one after another):`);
  console.log('| while | requests | p50 | max |');
  console.log('|---|---|---|---|');
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const bystanders = [
    ['nothing else (floor)', floor],
    [`a dry run of ${ROWS} rows`, duringDry],
    [`an import of ${ROWS} rows`, duringImport],
    [`six bombs of ${(bomb.length / 1024).toFixed(0)} KB at once`, duringBombs],
  ] as const;
  for (const [label, values] of bystanders) {
    console.log(`| ${label} | ${values.length} | ${ms(p50(values))} | ${ms(Math.max(...values))} |`);
  }
  console.log(`\nSix bombs at once, each answered 413: p50 ${fmt(p50(bombTimes))}, last ${fmt(Math.max(...bombTimes))}`);
}

await main();
