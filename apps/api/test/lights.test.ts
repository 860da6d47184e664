import { addDays } from '@reform/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSweeper } from '../src/jobs/sweeper.ts';
import { dateColumn } from '@reform/domain';
import { refreshLights } from '../src/modules/tasks/refresh-lights.ts';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await buildTestApp();
  cookie = await t.login('admin');
});
afterAll(() => t.close());

const countAsOf = (date: string) => t.db.prisma.task.count({ where: { lightAsOf: dateColumn(date) } });

describe('when status lights are recomputed', () => {
  it('a list recomputes the tasks whose facts changed, and leaves the day’s rollover to the sweeper', async () => {
    await t.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } });
    const total = await t.db.prisma.task.count();
    expect(await countAsOf(TEST_TODAY)).toBe(total);

    const tomorrow = addDays(TEST_TODAY, 1);
    const changed = await t.db.prisma.task.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await t.db.prisma.task.update({ where: { id: changed.id }, data: { lightAsOf: null } });
    await refreshLights(t.db, tomorrow, { onlyChanged: true });
    expect(await countAsOf(tomorrow)).toBe(1);
    expect(await countAsOf(TEST_TODAY)).toBe(total - 1);

    const log = { info: vi.fn(), error: vi.fn() } as unknown as Parameters<typeof startSweeper>[2];
    const stop = startSweeper(t.db, () => tomorrow, log, 60_000);
    await vi.waitFor(async () => expect(await countAsOf(tomorrow)).toBe(total), { timeout: 30_000, interval: 200 });
    stop();
    expect(log.info).toHaveBeenCalledWith({ count: total - 1, ms: expect.any(Number) }, 'status lights recomputed');
    if (t.db.kind === 'pglite') {
      // PGlite has no autovacuum: the sweeper vacuums the embedded database once a day.
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith({ ms: expect.any(Number) }, 'embedded database vacuumed'), {
        timeout: 30_000,
        interval: 200,
      });
    }
  });

  it('a task’s detail is always current, even before the sweep', async () => {
    const dayAfter = addDays(TEST_TODAY, 2);
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'desc' } });
    await refreshLights(t.db, dayAfter, { taskIds: [task.id] });
    const row = await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.lightAsOf?.toISOString().slice(0, 10)).toBe(dayAfter);
  });
});
