import type { TTaskDetail, TTaskListResponse } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';
import { statementCounter } from './statements.ts';

// The task list and detail read path: statements per request, and what progress means.
const counter = statementCounter();
let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await buildTestApp({ onQuery: counter.onQuery });
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function get<T>(url: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

/** Statements of a warm request, less the session's own (loading the signed-in user is counted apart). */
async function statementsOf(url: string): Promise<string[]> {
  await get(url);
  const { statements } = await counter.during(() => get(url));
  const { statements: session } = await counter.during(() => get('/api/auth/me'));
  return statements.slice(session.length);
}

describe('statements per read', () => {
  // Budgets measured: before, the list sent 5 statements besides the session (light check, count,
  // page, lead units, milestones) and the detail 14 (light check, the task, 12 related tables).
  it('a list page is the light check and one statement, and a count only when the page cannot tell the total', async () => {
    const full = await statementsOf('/api/tasks');
    expect(full).toHaveLength(3);
    expect(full[2]).toMatch(/COUNT/i);
    const partial = await statementsOf('/api/tasks?list=pilot&light=red&pageSize=200');
    expect(partial).toHaveLength(2);
    expect(partial.join('\n')).not.toMatch(/COUNT/i);
    // A later page picks its ids first, so relations are joined for its own rows only.
    expect(await statementsOf('/api/tasks?page=3')).toHaveLength(4);
  });

  it('a later page holds the same rows, in the same order, as that slice of one long page', async () => {
    const sort = 'sort=deadline&order=desc';
    const long = await get<TTaskListResponse>(`/api/tasks?${sort}&pageSize=60`);
    const third = await get<TTaskListResponse>(`/api/tasks?${sort}&pageSize=20&page=3`);
    expect(third.items).toEqual(long.items.slice(40, 60));
  });

  it('a task’s detail is the light check and one statement', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'pilot' }, orderBy: { id: 'asc' } });
    expect(await statementsOf(`/api/tasks/${task.id}`)).toHaveLength(2);
  });

  it('the total is right on a full page, the last page and past the end', async () => {
    const all = await t.db.prisma.task.count({ where: { list: 'pilot' } });
    const pageSize = 7;
    const lastPage = Math.ceil(all / pageSize);
    for (const page of [1, lastPage, lastPage + 1]) {
      const body = await get<TTaskListResponse>(`/api/tasks?list=pilot&pageSize=${pageSize}&page=${page}`);
      expect(body.total).toBe(all);
    }
  });
});

describe('progress (B8)', () => {
  it('moves with each milestone done, in the list and the detail', async () => {
    const row = await t.db.prisma.task.findFirstOrThrow({
      where: { list: 'pilot', status: 'active', milestones: { every: { doneDate: null } } },
      orderBy: { id: 'asc' },
      include: { milestones: { orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }] } },
    });
    const total = row.milestones.length;
    const listed = async () =>
      (await get<TTaskListResponse>(`/api/tasks?q=${encodeURIComponent(row.code)}`)).items.find((item) => item.id === row.id)!;
    expect(await listed()).toMatchObject({ milestonesDone: 0, milestonesTotal: total });

    const staff = await t.login('admin');
    const first = row.milestones[0]!;
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${row.id}/milestones/${first.id}/complete`,
      headers: { cookie: staff },
      payload: { version: first.version, doneDate: TEST_TODAY },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<TTaskDetail>()).toMatchObject({ milestonesDone: 1, milestonesTotal: total });
    expect(await get<TTaskDetail>(`/api/tasks/${row.id}`)).toMatchObject({ milestonesDone: 1, milestonesTotal: total });
    expect(await listed()).toMatchObject({ milestonesDone: 1, milestonesTotal: total, progress: row.progress });
  });
});
