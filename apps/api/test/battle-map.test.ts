import type { TBattleMap, TTaskListResponse } from '@reform/contracts';
import { isoDate, isoDateOrNull, milestoneState } from '@reform/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let jiashan: { id: number; path: string };

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  jiashan = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' }, select: { id: true, path: true } });
});
afterAll(() => t.close());

async function get<T = TBattleMap>(username: string, url: string) {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  return { status: response.statusCode, body: response.json() as T };
}

/** Every task id the task list shows the user (the list is the reference for the scope). */
async function listedIds(username: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page += 1) {
    const { body } = await get<TTaskListResponse>(username, `/api/tasks?pageSize=200&page=${page}`);
    ids.push(...body.items.map((item) => item.id));
    if (ids.length >= body.total || body.items.length === 0) return ids.sort((a, b) => a - b);
  }
}

describe('GET /api/battle-map', () => {
  it('shows the reform office every task, each row equal to the task’s facts', async () => {
    const { status, body } = await get('admin', '/api/battle-map');
    expect(status).toBe(200);
    expect(body.today).toBe(TEST_TODAY);
    expect(body.rows.length).toBe(await t.db.prisma.task.count());
    expect(body.groups.map((g) => g.key)).toEqual(['mandate', 'pilot', 'innovation']);
    expect(body.groups.reduce((sum, g) => sum + g.taskCount, 0)).toBe(body.rows.length);
    // Rows come in group order, then code order.
    const groupRank = new Map(body.groups.map((g, i) => [g.key, i]));
    for (let i = 1; i < body.rows.length; i += 1) {
      const [a, b] = [body.rows[i - 1]!, body.rows[i]!];
      const order = groupRank.get(a.groupKey)! - groupRank.get(b.groupKey)! || a.code.localeCompare(b.code);
      expect(order).toBeLessThan(0);
    }

    const tasks = await t.db.prisma.task.findMany({
      include: { milestones: { orderBy: [{ dueDate: 'asc' }, { seq: 'asc' }] } },
    });
    const byId = new Map(body.rows.map((row) => [row.id, row]));
    for (const task of tasks) {
      const row = byId.get(task.id)!;
      expect(row).toMatchObject({
        code: task.code,
        title: task.title,
        list: task.list,
        groupKey: task.list,
        start: isoDate(task.startDate),
        deadline: isoDate(task.deadline),
        light: task.light,
        lightReason: task.lightReason,
        baselineStart: task.baselineApprovedAt ? isoDate(task.startDate) : null,
        baselineDeadline: task.baselineApprovedAt ? isoDate(task.baselineDeadline ?? task.deadline) : null,
      });
      expect(row.milestones).toEqual(
        task.milestones.map((m) => ({
          name: m.name,
          dueDate: isoDate(m.dueDate),
          doneOn: isoDateOrNull(m.doneDate),
          state: milestoneState({ dueDate: isoDate(m.dueDate), doneDate: isoDateOrNull(m.doneDate) }, TEST_TODAY),
        })),
      );
    }
    // The demo has every kind of mark.
    const states = new Set(body.rows.flatMap((row) => row.milestones.map((m) => m.state)));
    expect([...states].sort()).toEqual(['done', 'due', 'late']);
    expect(body.rows.some((row) => row.baselineDeadline !== null)).toBe(true);
  });

  it('a county office sees only its county’s tasks: exactly those of its task list', async () => {
    const { status, body } = await get('county', '/api/battle-map');
    expect(status).toBe(200);
    const ids = body.rows.map((row) => row.id).sort((a, b) => a - b);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(await t.db.prisma.task.count());
    expect(ids).toEqual(await listedIds('county'));
    const outside = await t.db.prisma.task.count({
      where: {
        id: { in: ids },
        NOT: {
          OR: [
            { leadUnit: { path: { startsWith: jiashan.path } } },
            { cooperatingUnits: { some: { unit: { path: { startsWith: jiashan.path } } } } },
            { pilot: { applyingCounty: { path: { startsWith: jiashan.path } } } },
            { units: { some: { role: 'mentioned', unit: { name: '嘉善县委改革办' } } } },
          ],
        },
      },
    });
    expect(outside).toBe(0);
  });

  it('a unit’s staff see their unit’s tasks, and the leader everything', async () => {
    expect((await get('staff', '/api/battle-map')).body.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(await listedIds('staff'));
    expect((await get('leader', '/api/battle-map')).body.rows.length).toBe(await t.db.prisma.task.count());
  });

  it('filters by list, special group and lead unit, and groups by special group or lead unit', async () => {
    const pilots = (await get('admin', '/api/battle-map?list=pilot')).body;
    expect(pilots.rows.length).toBe(await t.db.prisma.task.count({ where: { list: 'pilot' } }));
    expect(pilots.rows.every((row) => row.list === 'pilot')).toBe(true);

    const group = await t.db.prisma.task.findFirstOrThrow({ where: { specialGroupId: { not: null } }, select: { specialGroupId: true } });
    const bySpecialGroup = (await get('admin', `/api/battle-map?specialGroupId=${group.specialGroupId}&groupBy=specialGroup`)).body;
    expect(bySpecialGroup.rows.length).toBe(await t.db.prisma.task.count({ where: { specialGroupId: group.specialGroupId } }));
    expect(bySpecialGroup.groups.map((g) => g.key)).toEqual([String(group.specialGroupId)]);

    const inJiashan = (await get('admin', `/api/battle-map?unitId=${jiashan.id}&groupBy=leadUnit`)).body;
    expect(inJiashan.rows.length).toBe(await t.db.prisma.task.count({ where: { leadUnit: { path: { startsWith: jiashan.path } } } }));
    const leadUnits = await t.db.prisma.task.findMany({ where: { id: { in: inJiashan.rows.map((r) => r.id) } }, select: { id: true, leadUnitId: true } });
    const leadOf = new Map(leadUnits.map((task) => [task.id, String(task.leadUnitId)]));
    expect(inJiashan.rows.every((row) => leadOf.get(row.id) === row.groupKey)).toBe(true);
  });

  it('refuses a bad filter with a field error and asks for a session', async () => {
    const bad = await get<{ fields: { path: string }[] }>('admin', '/api/battle-map?groupBy=field');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.path)).toContain('querystring.groupBy');
    expect((await t.app.inject({ method: 'GET', url: '/api/battle-map' })).statusCode).toBe(401);
  });
});
