// What a session costs: signed-in against anonymous `GET /api/health`, through the whole Fastify
// stack in-process (app.inject), on a fresh demo database:
//   npx tsx scripts/bench/session.ts                                                   (embedded)
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/session.ts
// Rounds alternate the three callers so a busy machine slows them alike. Prints p50/p95 per
// caller and the statements each request sends through Prisma (health's own migration check is
// hand-written SQL and not among them).
import { arch, cpus } from 'node:os';
import { buildApp } from '../../apps/api/src/app.ts';
import { createTestDatabase } from '../../apps/api/test/database.ts';
import { statementCounter } from '../../apps/api/test/statements.ts';
import { seedDemo } from '../../seeds/src/index.ts';

const ROUNDS = Number(process.env.BENCH_RUNS ?? 1000);

const counter = statementCounter();
const { db, drop } = await createTestDatabase({ onQuery: counter.onQuery });
await seedDemo(db.prisma, { today: '2026-11-20' });

const app = await buildApp({ db, filesDir: '/tmp/bench-session-files' });
await app.ready();

async function login(username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reform@2026' } });
  const cookie = response.cookies.find((c) => c.name === 'reform_sid');
  if (!cookie) throw new Error(`cannot sign in as ${username}: ${response.body}`);
  return `reform_sid=${cookie.value}`;
}
const callers: [string, Record<string, string>][] = [
  ['anonymous', {}],
  ['signed in (admin)', { cookie: await login('admin') }],
  ['signed in (county office)', { cookie: await login('county') }],
];

const times = new Map<string, number[]>(callers.map(([name]) => [name, []]));
const perRequest = new Map<string, number>();
for (let round = 0; round < ROUNDS + 50; round += 1) {
  for (const [name, headers] of callers) {
    let elapsed = 0;
    const { statements } = await counter.during(async () => {
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url: '/api/health', headers });
      elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`${name}: ${response.statusCode} ${response.body}`);
    });
    perRequest.set(name, statements.length);
    if (round >= 50) times.get(name)!.push(elapsed);
  }
}

const p = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!.toFixed(2);
console.log(`\n${db.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'}, ${ROUNDS} requests per caller, ${cpus().length} × ${cpus()[0]?.model ?? arch()}`);
console.log('| caller | statements | p50 ms | p95 ms |\n|---|---|---|---|');
for (const [name, list] of times) {
  list.sort((a, b) => a - b);
  console.log(`| ${name} | ${perRequest.get(name)} | ${p(list, 0.5)} | ${p(list, 0.95)} |`);
}
await app.close();
await drop();
