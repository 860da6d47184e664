import { afterAll, describe, expect, it } from 'vitest';
import { apiRoutes, fuzzRoute, type FuzzResult } from './fuzz.ts';
import { buildTestApp } from './helpers.ts';

/** Change with FUZZ_SEED=<n> to explore further; a failure names the seed that reproduces it. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
/** At least 100 requests per route; FUZZ_RUNS=<n> sends more. */
const RUNS = Math.max(100, Number(process.env.FUZZ_RUNS ?? 100));

// Built at collection time so that every route the app has becomes its own test.
const t = await buildTestApp();
const routes = apiRoutes(t.app);
const results: FuzzResult[] = [];
afterAll(async () => {
  const sent = results.reduce((sum, result) => sum + result.sent, 0);
  const failed = results.reduce((sum, result) => sum + result.failures.length, 0);
  console.info(`fuzz: ${results.length} routes, ${sent} requests, ${failed} answered 5xx (seed ${SEED})`);
  await t.close();
});

describe('fuzzing every route from its schemas: no input answers 5xx', () => {
  it.each(routes.map((route) => [`${route.method} ${route.url}`, route] as const))('%s', async (_, route) => {
    // A fresh session per route: fuzzing POST /api/auth/logout ends the one it was given.
    const started = performance.now();
    const result = await fuzzRoute(t.app, route, { cookie: await t.login('admin'), runs: RUNS, seed: SEED });
    results.push(result);
    process.stderr.write(`fuzz ${result.route}: ${result.sent} sent, ${result.failures.length} 5xx, ${Math.round(performance.now() - started)} ms\n`);
    expect(result.sent).toBeGreaterThanOrEqual(RUNS);
    expect(result.failures, `seed ${result.seed} (FUZZ_SEED=${SEED}): ${JSON.stringify(result.failures.slice(0, 5), null, 1)}`).toEqual([]);
  }, 300_000);

  it('covered every route of the app', () => {
    expect(results.map((result) => result.route).sort()).toEqual(routes.map((route) => `${route.method} ${route.url}`).sort());
  });

  it('left the database connection working for everyone else', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie: await t.login('staff') } });
    expect(response.statusCode).toBe(200);
  });
});
