/**
 * Benchmark of the quarterly report (季度报告): a city-wide PDF and Word document for 2026-Q3,
 * generated uncached through the real API (app.inject) on a fresh database with the demo city
 * (≈330 tasks) or the scale generator (`[tasks]`, e.g. 3000). For each: time to the first byte
 * (the whole file is sent at once, so this is the generation time), the process's peak resident
 * memory above its level before (the worker's share, sampled every 50 ms), the cached second
 * download; and a bystander (another user's task list, 20 rows) sent again and again while the
 * PDF is generated, beside the same request with nothing else running (its floor).
 *
 *   npx tsx scripts/bench/quarterly-report.ts [tasks]
 *
 * Set TEST_DATABASE_URL to run against PostgreSQL instead of the embedded database.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { seedScale } from '../../seeds/src/index.ts';
import { TEST_TODAY, buildTestApp, type TestApp } from '../../apps/api/test/helpers.ts';

const TASKS = process.argv[2] ? Number(process.argv[2]) : null;
const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;

async function bystander(t: TestApp, cookie: string, until: Promise<unknown> | null, count = 20): Promise<number[]> {
  const latencies: number[] = [];
  let done = until === null;
  void until?.finally(() => (done = true));
  while (until ? !done : latencies.length < count) {
    const started = performance.now();
    await t.app.inject({ method: 'GET', url: '/api/tasks?pageSize=20', headers: { cookie } });
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function main() {
  const t = await buildTestApp({ seed: TASKS === null });
  if (TASKS !== null) {
    await seedScale(t.db.prisma, { tasks: TASKS, today: TEST_TODAY });
    await t.db.exec('VACUUM ANALYZE');
  }
  const [{ count }] = await t.db.query<{ count: string }>('SELECT count(*)::text AS count FROM task');
  const admin = await t.login('admin');
  const leader = await t.login('leader');
  console.log(`${count} tasks; ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB; ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);

  await bystander(t, leader, null, 5); // warm
  const floor = await bystander(t, leader, null, 30);

  for (const format of ['pdf', 'docx'] as const) {
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const generation = t.app.inject({ method: 'GET', url: `/api/quarterly-reports/2026-Q3.${format}?scope=city`, headers: { cookie: admin } });
    const during = format === 'pdf' ? await bystander(t, leader, generation) : [];
    const response = await generation;
    const firstByte = performance.now() - started;
    clearInterval(sampler);
    const againStarted = performance.now();
    const again = await t.app.inject({ method: 'GET', url: `/api/quarterly-reports/2026-Q3.${format}?scope=city`, headers: { cookie: admin } });
    const cached = performance.now() - againStarted;
    console.log(
      `${format}: ${response.statusCode}, ${Math.round(response.rawPayload.length / 1024)} KB, first byte ${Math.round(firstByte)} ms, ` +
        `peak RSS +${Math.round((peak - rssBefore) / 2 ** 20)} MB (process ${Math.round(peak / 2 ** 20)} MB); cached again ${Math.round(cached)} ms (${again.headers['x-report-cache']})`,
    );
    if (during.length > 0) {
      console.log(
        `  bystander GET /api/tasks: alone p50 ${Math.round(p(floor, 0.5))} / p95 ${Math.round(p(floor, 0.95))} ms; ` +
          `during the PDF p50 ${Math.round(p(during, 0.5))} / p95 ${Math.round(p(during, 0.95))} ms over ${during.length} requests`,
      );
    }
  }
  await t.close();
}

// The report workers are unref'd (a server's open socket keeps it alive); here, a timer does.
const alive = setInterval(() => undefined, 1000);
await main();
clearInterval(alive);
