import { FigureKeyEnum, type TDashboard, type TFigureKey, type TTaskListItem } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
});
afterAll(() => t.close());

async function get<T = unknown>(username: string, url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  return { status: response.statusCode, body: response.json() as T };
}
type Page = { items: TTaskListItem[]; total: number };
const figure = (d: TDashboard, key: TFigureKey) => d.figures.find((f) => f.key === key)!;

/** Every id the task list finds for a query (all pages). */
async function allIds(username: string, query: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const { body } = await get<Page>(username, `/api/tasks?${query}&pageSize=200&page=${page}`);
    ids.push(...body.items.map((item) => item.id));
    if (ids.length >= body.total || body.items.length === 0) return ids;
  }
}

describe('GET /api/dashboard', () => {
  it('answers every figure with its definition, change and the 8-quarter trend (test day 2026-11-20: 2026 Q4)', async () => {
    const { status, body } = await get<TDashboard>('leader', '/api/dashboard');
    expect(status).toBe(200);
    expect(body.period).toMatchObject({ key: '2026-Q4', from: '2026-10-01', asOf: '2026-11-19' });
    expect(body.previousPeriod.key).toBe('2026-Q3');
    expect(body.figures.map((f) => f.key)).toEqual([...FigureKeyEnum.values]);
    for (const f of body.figures) expect(f.definition.length).toBeGreaterThan(10);
    expect(figure(body, 'tasks').value).toBeGreaterThan(300);
    expect(body.trend.map((row) => row.period)).toEqual([
      '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4',
    ]);
    expect(body.byList.map((row) => row.list)).toEqual(['mandate', 'pilot', 'innovation']);
    // Per list and overall agree.
    const perList = body.byList.reduce((sum, row) => sum + row.figures.find((f) => f.key === 'tasks')!.value!, 0);
    expect(perList).toBe(figure(body, 'tasks').value);
    // Red first, each with its owner and reason.
    expect(body.attention.length).toBeGreaterThan(0);
    expect(body.attention[0]!.light).toBe('red');
    expect(body.attention.every((task) => task.lightReason !== '' && task.leadUnit.name !== '')).toBe(true);
    expect(body.attention.length).toBe(Math.min(100, figure(body, 'light_red').value! + figure(body, 'light_yellow').value!));
    expect(body.upcomingMilestones.every((m) => m.dueDate >= '2026-11-20' && m.dueDate <= '2026-12-20')).toBe(true);
    expect(body.unitsMostOverdue.length).toBeGreaterThan(0);
    const change = figure(body, 'completion_rate');
    expect(change.change).toBe(Math.round((change.value! - change.previous!) * 10) / 10);
  });

  it('refuses a bad quarter with a field message', async () => {
    const { status, body } = await get<{ fields: { path: string; message: string }[] }>('admin', '/api/dashboard?year=2026&quarter=5');
    expect(status).toBe(400);
    expect(body.fields[0]).toMatchObject({ path: 'querystring.quarter', message: '季度应为 1–4' });
  });

  it('shows a county office its county’s figures only', async () => {
    const county = (await get<TDashboard>('county', '/api/dashboard?year=2026&quarter=3')).body;
    const city = (await get<TDashboard>('admin', '/api/dashboard?year=2026&quarter=3')).body;
    const countyScope = new Set(await allIds('county', 'sort=code'));
    // The county's tasks figure is exactly the tasks in its scope that were in play.
    const countyTasks = await allIds('county', 'figure=tasks&period=2026-Q3');
    expect(countyTasks.length).toBe(figure(county, 'tasks').value);
    expect(countyTasks.every((id) => countyScope.has(id))).toBe(true);
    expect(figure(county, 'tasks').value!).toBeLessThan(figure(city, 'tasks').value!);
    expect(county.attention.every((task) => countyScope.has(task.id))).toBe(true);
    expect(county.upcomingMilestones.every((m) => countyScope.has(m.taskId))).toBe(true);
    // The city's figure behind the same link holds tasks the county cannot see.
    const cityTasks = await allIds('admin', 'figure=tasks&period=2026-Q3');
    expect(cityTasks.some((id) => !countyScope.has(id))).toBe(true);
  });

  it('narrows by list, field, special group, unit and county, and the drill-down agrees', async () => {
    const jiashan = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' }, select: { id: true } });
    const group = await t.db.prisma.task.findFirstOrThrow({ where: { specialGroupId: { not: null } }, select: { specialGroupId: true, field: true } });
    for (const filter of [
      'list=pilot',
      `field=${encodeURIComponent(group.field)}`,
      `specialGroupId=${group.specialGroupId}`,
      `countyId=${jiashan.id}`,
      `unitId=${jiashan.id}&list=innovation`,
    ]) {
      const d = (await get<TDashboard>('admin', `/api/dashboard?year=2026&quarter=3&${filter}`)).body;
      for (const key of ['tasks', 'overdue_milestones', 'reports_late'] as const) {
        const { body } = await get<Page>('admin', `/api/tasks?figure=${key}&period=2026-Q3&${filter}&pageSize=1`);
        expect(body.total, `${filter} ${key}`).toBe(figure(d, key).taskCount);
      }
    }
  });
});

describe('drill-down: GET /api/tasks?figure=…&period=…', () => {
  it('lists exactly the tasks behind every figure of the current quarter', async () => {
    const d = (await get<TDashboard>('admin', '/api/dashboard?year=2026&quarter=4')).body;
    for (const key of FigureKeyEnum.values) {
      const { status, body } = await get<Page>('admin', `/api/tasks?figure=${key}&period=2026-Q4&pageSize=1`);
      expect(status).toBe(200);
      expect(body.total, key).toBe(figure(d, key).taskCount);
      // A count of tasks is the number of tasks listed.
      if (['tasks', 'light_red', 'completed', 'overdue_tasks'].includes(key)) expect(body.total).toBe(figure(d, key).value);
    }
  });

  it('agrees with the dashboard for every quarter of the demo data and the years to date', async () => {
    // One figure of each family (tasks, milestones, reports, rectifications); the test above walks every figure.
    const keys: TFigureKey[] = ['completed', 'overdue_milestones', 'reports_late', 'rectifications_open'];
    const periods: Array<{ query: string; key: string }> = [];
    for (let year = 2023; year <= 2026; year++) {
      for (let quarter = 1; quarter <= 4; quarter++) periods.push({ query: `year=${year}&quarter=${quarter}`, key: `${year}-Q${quarter}` });
      periods.push({ query: `year=${year}`, key: `${year}-YTD` });
    }
    for (const period of periods) {
      const d = (await get<TDashboard>('admin', `/api/dashboard?${period.query}`)).body;
      expect(d.period.key).toBe(period.key);
      for (const key of keys) {
        const { body } = await get<Page>('admin', `/api/tasks?figure=${key}&period=${period.key}&pageSize=1`);
        expect(body.total, `${period.key} ${key}`).toBe(figure(d, key).taskCount);
      }
    }
  }, 600_000);

  it('narrows a figure to one unit’s own tasks', async () => {
    const d = (await get<TDashboard>('admin', '/api/dashboard?year=2026&quarter=4')).body;
    const top = d.unitsMostOverdue[0]!;
    const { body } = await get<Page>('admin', `/api/tasks?figure=overdue_tasks&period=2026-Q4&figureUnitId=${top.unit.id}&pageSize=200`);
    expect(body.total).toBe(top.overdueTasks);
    expect(body.items.every((item) => item.leadUnit.id === top.unit.id)).toBe(true);
  });

  it('refuses a malformed period', async () => {
    const { status } = await get('admin', '/api/tasks?figure=tasks&period=2026-Q9');
    expect(status).toBe(400);
  });
});

describe('figures kept per fact version (memoizedByFacts)', () => {
  const version = async () => Number((await t.db.query<{ version: string }>(`SELECT version::text AS version FROM fact_version`))[0]!.version);

  it('never gives a county the city’s kept answer, nor the city the county’s', async () => {
    const url = '/api/dashboard?year=2026&quarter=2';
    const city = (await get<TDashboard>('admin', url)).body;
    const county = (await get<TDashboard>('county', url)).body;
    const cityAgain = (await get<TDashboard>('leader', url)).body;
    expect(figure(county, 'tasks').value!).toBeLessThan(figure(city, 'tasks').value!);
    expect(await allIds('county', 'figure=tasks&period=2026-Q2')).toHaveLength(figure(county, 'tasks').value!);
    expect(cityAgain).toEqual(city);
  });

  it('moves on once per committed transaction that writes a fact, by any path, and not on a rollback', async () => {
    const before = await version();
    await t.db.query(`UPDATE setting SET value = value WHERE key = 'reportDueDay'`);
    expect(await version()).toBe(before + 1);
    await t.db.session((session) =>
      session.transaction(async (tx) => {
        await tx.query(`UPDATE task SET title = title WHERE id = (SELECT min(id) FROM task)`);
        await tx.query(`UPDATE milestone SET name = name WHERE id = (SELECT min(id) FROM milestone)`);
      }),
    );
    expect(await version()).toBe(before + 2);
    await expect(
      t.db.session((session) =>
        session.transaction(async (tx) => {
          await tx.query(`UPDATE task SET title = title WHERE id = (SELECT min(id) FROM task)`);
          throw new Error('rolled back');
        }),
      ),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(before + 2);
    // Reading changes nothing.
    await get('admin', '/api/dashboard');
    expect(await version()).toBe(before + 2);
  });

  it('shows a completed milestone in the very next answer', async () => {
    const [due] = await t.db.query<{ id: number; task_id: number; version: number; due: string }>(
      `SELECT m.id, m.task_id, m.version, to_char(m.due_date, 'YYYY-MM-DD') AS due FROM milestone m JOIN task t ON t.id = m.task_id
        WHERE m.done_date IS NULL AND m.due_date BETWEEN '2026-10-01' AND '2026-11-18' AND t.status = 'active' ORDER BY m.id LIMIT 1`,
    );
    const before = (await get<TDashboard>('admin', '/api/dashboard')).body;
    expect((await get<TDashboard>('admin', '/api/dashboard')).body).toEqual(before);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${due!.task_id}/milestones/${due!.id}/complete`,
      headers: { cookie: cookies.admin! },
      payload: { version: due!.version, doneDate: due!.due },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = (await get<TDashboard>('admin', '/api/dashboard')).body;
    expect(figure(after, 'overdue_milestones').value).toBe(figure(before, 'overdue_milestones').value! - 1);
    const { body } = await get<Page>('admin', `/api/tasks?figure=overdue_milestones&period=${after.period.key}&pageSize=1`);
    expect(body.total).toBe(figure(after, 'overdue_milestones').taskCount);
  });
});
