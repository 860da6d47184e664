import type { TTaskCreateInput, TTaskDetail } from '@reform/contracts';
import { chinaHolidays2026, isWorkingDay } from '@reform/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, unitIdsByName, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, number>;

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  units = await unitIdsByName(t.db);
});
afterAll(() => t.close());

async function post<T>(username: string, url: string, payload: unknown) {
  const response = await t.app.inject({ method: 'POST', url, headers: { cookie: cookies[username]! }, payload: payload as object });
  return { status: response.statusCode, body: response.json() as T & { fields?: { path: string; message: string }[] } };
}

function pilotBody(overrides: Partial<TTaskCreateInput> = {}): TTaskCreateInput {
  return {
    list: 'pilot',
    title: '县域数字乡村建设改革试点',
    field: '城乡融合',
    level: 'provincial',
    priority: 'key',
    year: 2026,
    startDate: '2026-12-01',
    deadline: '2028-11-30',
    leadUnitId: units['嘉善县']!,
    measures: ['制定试点方案', '建设数字乡村平台'],
    pilot: {
      batch: '第三批',
      approvingLevel: 'provincial',
      applyingCountyId: units['嘉善县']!,
      termStart: '2026-12-01',
      termEnd: '2028-11-30',
    },
    milestones: [
      { name: '出台实施方案', phase: '方案制定', dueDate: '2027-03-31' },
      { name: '总结评估验收', phase: '总结评估', dueDate: '2028-11-30' },
    ],
    ...overrides,
  };
}

describe('POST /api/timetable/preview (倒排工期)', () => {
  it('schedules the template’s milestones backwards from the deadline onto working days', async () => {
    const { status, body } = await post<{ milestones: { name: string; phase: string; dueDate: string }[] }>(
      'admin',
      '/api/timetable/preview',
      { templateKey: 'three-phase', startDate: '2026-12-01', deadline: '2027-10-03' },
    );
    expect(status).toBe(200);
    expect(body.milestones.map((m) => m.name)).toEqual(['出台实施方案', '完成主要改革举措', '总结评估验收']);
    const dates = body.milestones.map((m) => m.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(dates.at(-1)! <= '2027-10-03').toBe(true);
    expect(dates.every((d) => isWorkingDay(d, chinaHolidays2026))).toBe(true);
  });

  it('explains when the span is too short or the template unknown', async () => {
    const short = await post('admin', '/api/timetable/preview', { templateKey: 'three-phase', startDate: '2026-12-04', deadline: '2026-12-05' });
    expect(short.status).toBe(400);
    expect(short.body.fields?.[0]?.message).toContain('工期过短');
    const unknown = await post('admin', '/api/timetable/preview', { templateKey: 'nope', startDate: '2026-12-01', deadline: '2027-12-01' });
    expect(unknown.body.fields).toContainEqual({ path: 'templateKey', message: '没有这个阶段模板' });
  });
});

describe('POST /api/tasks', () => {
  it('creates a pilot with the next code of its list and year, its task book, pilot details and timetable', async () => {
    const before = await t.db.prisma.task.findMany({ where: { list: 'pilot', year: 2026 }, select: { code: true } });
    const highest = Math.max(0, ...before.map((task) => Number(task.code.split('-')[2])));
    const { status, body } = await post<TTaskDetail>('admin', '/api/tasks', pilotBody());
    expect(status).toBe(201);
    expect(body.code).toBe(`SD-2026-${String(highest + 1).padStart(3, '0')}`);
    expect(body).toMatchObject({
      list: 'pilot',
      leadUnit: { name: '嘉善县' },
      pilot: { batch: '第三批', applyingCounty: { name: '嘉善县' }, stage: 'implementing' },
      measures: [{ seq: 1, content: '制定试点方案' }, { seq: 2, content: '建设数字乡村平台' }],
      light: 'green',
    });
    expect(body.milestones.map((m) => m.dueDate)).toEqual(['2027-03-31', '2028-11-30']);
    const audit = await t.db.prisma.auditLog.findFirst({ where: { entity: 'task', entityId: String(body.id), action: 'create' } });
    expect(audit).not.toBeNull();
  });

  it('never hands out the same code twice, even to simultaneous requests', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => post<TTaskDetail>('admin', '/api/tasks', pilotBody({ title: `并发创建的试点任务${n}` }))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const codes = results.map((r) => r.body.code);
    expect(new Set(codes).size).toBe(5);
  });

  it('asks for pilot details, and for milestones inside the span', async () => {
    const noPilot = await post('admin', '/api/tasks', pilotBody({ pilot: null }));
    expect(noPilot.status).toBe(400);
    expect(noPilot.body.fields).toContainEqual({ path: 'pilot', message: '改革试点须填写试点信息' });
    const outside = await post('admin', '/api/tasks', pilotBody({ milestones: [{ name: '提前验收', dueDate: '2029-01-01' }] }));
    expect(outside.body.fields).toContainEqual({ path: 'milestones', message: '时间节点须在开始日期与完成时限之间' });
  });

  it('keeps a county reform office within its county', async () => {
    const outside = await post('county', '/api/tasks', pilotBody({ leadUnitId: units['市科技局']!, pilot: null, list: 'innovation' }));
    expect(outside.status).toBe(400);
    expect(outside.body.fields).toContainEqual({ path: 'leadUnitId', message: '牵头单位须在本辖区范围内' });
    const otherCounty = await post('county', '/api/tasks', pilotBody({ pilot: { ...pilotBody().pilot!, applyingCountyId: units['平湖市']! } }));
    expect(otherCounty.body.fields).toEqual([{ path: 'pilot.applyingCountyId', message: '申报县(市、区)须在本辖区范围内' }]);
    const otherOrigin = await post('county', '/api/tasks', pilotBody({ list: 'innovation', pilot: null, originatingUnitId: units['市科技局']! }));
    expect(otherOrigin.body.fields).toEqual([{ path: 'originatingUnitId', message: '首创单位须在本辖区范围内' }]);
    const backwards = await post('admin', '/api/tasks', pilotBody({ pilot: { ...pilotBody().pilot!, termEnd: '2026-11-30' } }));
    expect(backwards.body.fields).toEqual([{ path: 'pilot.termEnd', message: '试点期限的结束日期不能早于开始日期' }]);
    const inside = await post<TTaskDetail>('county', '/api/tasks', pilotBody({ list: 'innovation', pilot: null, originatingUnitId: units['嘉善县']! }));
    expect(inside.status).toBe(201);
    expect(inside.body.code).toMatch(/^CX-2026-\d{3}$/);
    expect(inside.body.originatingUnit?.name).toBe('嘉善县');
  });

  it('is refused to unit staff and leaders', async () => {
    expect((await post('staff', '/api/tasks', pilotBody())).status).toBe(403);
    expect((await post('leader', '/api/tasks', pilotBody())).status).toBe(403);
  });
});
