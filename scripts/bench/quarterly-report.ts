// Benchmark of the quarterly report (季度报告): `pnpm seed:scale <n>` into a database of your own first, then
//   BENCH_DATABASE_URL=postgresql://…/<db> TODAY=2026-12-05 npx tsx scripts/bench/quarterly-report.ts
// For each format (PDF, then Word) of the whole city's report for BENCH_QUARTER (default 2026-Q3):
// the time to the first byte of GET /api/quarterly-reports/<quarter>.<format>?scope=city (the file is sent
// at once, so that is the whole response), the process's peak resident memory while it is generated (the
// report worker is a thread of this process: its share is the rise over the level before), and a
// bystander's GET /api/tasks p50 / p95, alone (BENCH_RUNS runs) and back to back while the report is generated.
// Requests go through the whole Fastify stack in-process (app.inject). The script deletes the database's
// stored report files first, so every run generates; then asks once more (a cache hit). BENCH_FORMATS=docx: the Word only.
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../packages/db/src/index.ts';
import { buildApp } from '../../apps/api/src/app.ts';
import { percentiles, timed } from './timing.ts';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to a database filled by pnpm seed:scale (not one others use: its report files are deleted)');
const today = process.env.TODAY ?? '2026-12-05';
const quarter = process.env.BENCH_QUARTER ?? '2026-Q3';

const db = await openDatabase({ url, poolSize: 4 });
await migrate(db);
const app = await buildApp({ db, filesDir: join(tmpdir(), 'bench-files'), clock: () => new Date(`${today}T10:00:00+08:00`) });
await app.ready();
const tasks = await db.prisma.task.count();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Reform@2026' } });
const cookie = `reform_sid=${login.cookies.find((c) => c.name === 'reform_sid')!.value}`;
const get = (path: string) => app.inject({ method: 'GET', url: path, headers: { cookie } });

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const rssMb = () => mb(process.memoryUsage().rss);
/** The process's peak resident memory so far (VmHWM). */
const peakMb = () => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024);

await db.query('DELETE FROM quarterly_report_file');
// Lights brought up to date and the bystander's page warm before anything is measured.
await get('/api/tasks');
const alone = await timed(() => get('/api/tasks'));

const rows: string[] = [];
const formats = (process.env.BENCH_FORMATS ?? 'pdf,docx').split(',') as ('pdf' | 'docx')[];
for (const format of formats) {
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  const started = performance.now();
  let done = false;
  const report = get(`/api/quarterly-reports/${quarter}.${format}?scope=city`).finally(() => (done = true));
  const during: number[] = [];
  while (!done) {
    const start = performance.now();
    await get('/api/tasks');
    during.push(performance.now() - start);
  }
  const response = await report;
  const firstByteMs = performance.now() - started;
  clearInterval(sampler);
  const size = response.rawPayload.byteLength;
  const pages = format === 'pdf' ? (response.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0) : null;
  const hitStarted = performance.now();
  const hit = await get(`/api/quarterly-reports/${quarter}.${format}?scope=city`);
  const hitMs = performance.now() - hitStarted;
  const d = percentiles(during);
  rows.push(
    `| ${tasks.toLocaleString('en')} | ${format === 'pdf' ? 'PDF' : 'Word'} | ${response.statusCode} | ${(firstByteMs / 1000).toFixed(1)} s | ` +
      `${pages === null ? '' : `${pages} pages, `}${(size / 2 ** 20).toFixed(1)} MB | ${before} → ${peak} MB (+${peak - before}) | ` +
      `${d.p50.toFixed(0)} / ${d.p95.toFixed(0)} ms (${d.n} requests, ${(d.p95 / alone.p95).toFixed(2)}×) | ${hit.headers['x-report-cache']} ${hitMs.toFixed(0)} ms |`,
  );
  if (response.statusCode !== 200) console.error(response.body.slice(0, 300));
}

console.log(`\nPostgreSQL, ${quarter} whole city, today ${today}; bystander alone: GET /api/tasks p50 / p95 ${alone.p50.toFixed(0)} / ${alone.p95.toFixed(0)} ms (${alone.n} runs)`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? arch()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; process peak (VmHWM) ${peakMb()} MB`);
console.log('| tasks | format | status | first byte | size | process resident memory before → peak | bystander p50 / p95 while generating | second request |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
await app.close();
await db.close();
