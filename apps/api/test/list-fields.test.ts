import type { THistoryEntry, TTaskCreateInput, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, unitIdsByName, type TestApp } from './helpers.ts';

// The fields each list has of its own (下达层级, 首创单位, 试点信息), edited after creation.
let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, number>;

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[]; message?: string; current?: TTaskDetail } };
async function call<T = TTaskDetail>(username: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() };
}
const get = (username: string, id: number) => call(username, 'GET', `/api/tasks/${id}`);
const patch = (username: string, id: number, payload: unknown) => call(username, 'PATCH', `/api/tasks/${id}`, payload);
const history = async (id: number) => (await call<THistoryEntry[]>('admin', 'GET', `/api/tasks/${id}/history`)).body;

function pilotBody(overrides: Partial<TTaskCreateInput> = {}): TTaskCreateInput {
  return {
    list: 'pilot',
    title: '科技金融服务县域集成改革试点',
    field: '科技创新',
    level: 'provincial',
    priority: 'key',
    year: 2026,
    startDate: '2026-10-08',
    deadline: '2028-09-30',
    leadUnitId: units['市科技局']!,
    pilot: {
      batch: '第二批',
      approvingLevel: 'provincial',
      applyingCountyId: units['嘉善县']!,
      guidingUnit: '市科技局',
      termStart: '2026-10-08',
      termEnd: '2028-09-30',
    },
    milestones: [
      { name: '出台试点方案', dueDate: '2027-03-31' },
      { name: '总结评估验收', dueDate: '2028-09-30' },
    ],
    ...overrides,
  };
}

async function createPilot(overrides: Partial<TTaskCreateInput> = {}): Promise<TTaskDetail> {
  const created = await call('admin', 'POST', '/api/tasks', pilotBody(overrides));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function taskUnitRoles(taskId: number) {
  const rows = await t.db.prisma.taskUnit.findMany({ where: { taskId, role: 'applicant' }, include: { unit: { select: { name: true } } } });
  return rows.map((row) => row.unit.name);
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  units = await unitIdsByName(t.db);
});
afterAll(() => t.close());

describe('PATCH /api/tasks/:id: the fields of the task’s list', () => {
  it('offers each office only its task’s list’s fields, and none of them to unit staff', async () => {
    const pilot = await createPilot();
    expect(pilot.permissions.editableFields).toContain('pilot');
    expect(pilot.permissions.editableFields).not.toContain('issuingLevel');
    expect(pilot.permissions.editableFields).not.toContain('originatingUnitId');
    const mandate = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate' } });
    const asAdmin = (await get('admin', mandate.id)).body.permissions.editableFields;
    expect(asAdmin).toContain('issuingLevel');
    expect(asAdmin).not.toContain('pilot');
    const asStaff = (await get('staff', pilot.id)).body.permissions;
    expect(asStaff.canEdit).toBe(true);
    expect(asStaff.editableFields).not.toContain('pilot');
  });

  it('edits a pilot’s batch and applying county; the county offices’ scope and the history follow', async () => {
    const pilot = await createPilot();
    // Led by a city department, the pilot is 嘉善's through its application only.
    expect((await get('county', pilot.id)).status).toBe(200);
    expect(await taskUnitRoles(pilot.id)).toEqual(['嘉善县']);

    const moved = await patch('admin', pilot.id, { version: pilot.version, pilot: { batch: '第三批', applyingCountyId: units['平湖市']! } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ version: pilot.version + 1, pilot: { batch: '第三批', applyingCounty: { name: '平湖市' }, guidingUnit: '市科技局' } });
    expect(await taskUnitRoles(pilot.id)).toEqual(['平湖市']);
    expect((await get('county', pilot.id)).status).toBe(404);

    const [entry] = await history(pilot.id);
    expect(entry!.action).toBe('修改任务');
    expect(entry!.lines.sort()).toEqual(['申报县(市、区)：由“嘉善县”改为“平湖市”', '试点批次：由“第二批”改为“第三批”'].sort());
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entity: 'task', entityId: String(pilot.id) }, orderBy: { id: 'desc' } });
    expect(audit.changes).toEqual({
      'pilot.batch': { from: '第二批', to: '第三批' },
      'pilot.applyingCountyId': { from: units['嘉善县'], to: units['平湖市'] },
    });

    const back = await patch('admin', pilot.id, { version: moved.body.version, pilot: { applyingCountyId: units['嘉善县']! } });
    expect(back.status).toBe(200);
    expect((await get('county', pilot.id)).body.pilot).toMatchObject({ batch: '第三批', applyingCounty: { name: '嘉善县' } });
    const row = await t.db.prisma.pilotDetail.findUniqueOrThrow({ where: { taskId: pilot.id } });
    expect(row.version).toBe(3);
  });

  it('edits the term, the approving level and the guiding unit, and tells them in words', async () => {
    const pilot = await createPilot();
    const saved = await patch('admin', pilot.id, {
      version: pilot.version,
      pilot: { approvingLevel: 'national', guidingUnit: '省科技厅', termEnd: '2028-12-31' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.pilot).toMatchObject({ approvingLevel: 'national', guidingUnit: '省科技厅', termStart: '2026-10-08', termEnd: '2028-12-31' });
    const [entry] = await history(pilot.id);
    expect(entry!.lines).toEqual(
      expect.arrayContaining(['批准层级：由“省级”改为“国家级”', '指导单位：由“市科技局”改为“省科技厅”', '试点期限至：由“2028-09-30”改为“2028-12-31”']),
    );
  });

  it('edits a mandate’s issuing level and an innovation’s originating unit', async () => {
    const mandate = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate', issuingLevel: 'provincial' } });
    const level = await patch('admin', mandate.id, { version: mandate.version, issuingLevel: 'national' });
    expect(level.status).toBe(200);
    expect(level.body.issuingLevel).toBe('national');
    expect((await history(mandate.id))[0]!.lines).toEqual(['下达层级：由“省级”改为“国家级”']);

    const innovation = await t.db.prisma.task.findFirstOrThrow({
      where: { list: 'innovation', originatingUnitId: { not: units['市科技局']! } },
      include: { originatingUnit: true },
    });
    const origin = await patch('admin', innovation.id, { version: innovation.version, originatingUnitId: units['市科技局']! });
    expect(origin.status).toBe(200);
    expect(origin.body.originatingUnit).toEqual({ id: units['市科技局'], name: '市科技局' });
    expect((await history(innovation.id))[0]!.lines).toEqual([`首创单位：由“${innovation.originatingUnit!.name}”改为“市科技局”`]);
  });

  it('refuses (400) a field of another list, naming it', async () => {
    const pilot = await createPilot();
    const mandate = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate' } });
    const cases: [number, number, object, string, string][] = [
      [mandate.id, mandate.version, { pilot: { batch: '第三批' } }, 'pilot', '该字段仅适用于改革试点'],
      [pilot.id, pilot.version, { issuingLevel: 'national' }, 'issuingLevel', '该字段仅适用于重大改革任务'],
      [mandate.id, mandate.version, { originatingUnitId: units['嘉善县']! }, 'originatingUnitId', '该字段仅适用于地方创新项目'],
    ];
    for (const [id, version, payload, path, message] of cases) {
      const refused = await patch('admin', id, { version, title: '不应保存的名称', ...payload });
      expect(refused.status, JSON.stringify(payload)).toBe(400);
      expect(refused.body.fields).toEqual([{ path, message }]);
    }
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: mandate.id } })).title).toBe(mandate.title);
    const english = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${mandate.id}`,
      headers: { cookie: cookies.admin!, 'accept-language': 'en' },
      payload: { version: mandate.version, pilot: { batch: '第三批' } },
    });
    expect(english.json().fields).toEqual([{ path: 'pilot', message: 'This field applies to pilot tasks only' }]);
  });

  it('checks the term, the applying county and the originating unit, saving nothing of a refused edit', async () => {
    const pilot = await createPilot();
    const cases: [object, string, string][] = [
      [{ pilot: { termStart: '2027-01-01', termEnd: '2026-12-31' } }, 'pilot.termEnd', '试点期限的结束日期不能早于开始日期'],
      // Only the end is sent: it is checked against the saved start.
      [{ pilot: { termEnd: '2026-10-01' } }, 'pilot.termEnd', '试点期限的结束日期不能早于开始日期'],
      [{ pilot: { applyingCountyId: units['市科技局']! } }, 'pilot.applyingCountyId', '申报地区须为县(市、区)'],
      [{ pilot: { batch: ' ' } }, 'pilot.batch', '此项为必填项'],
      [{ pilot: { stage: 'extended' } }, 'pilot.stage', '不允许的字段“stage”'],
    ];
    for (const [payload, path, message] of cases) {
      const refused = await patch('admin', pilot.id, { version: pilot.version, title: '不应保存的名称', ...payload });
      expect(refused.status, JSON.stringify(payload)).toBe(400);
      expect(refused.body.fields).toContainEqual({ path, message });
    }
    const stored = await t.db.prisma.task.findUniqueOrThrow({ where: { id: pilot.id }, include: { pilot: true } });
    expect(stored).toMatchObject({ version: pilot.version, title: pilot.title, pilot: { version: 1, batch: '第二批' } });
  });

  it('keeps a county office within its county, and refuses unit staff (403, named)', async () => {
    const pilot = await createPilot();
    const outside = await patch('county', pilot.id, { version: pilot.version, pilot: { applyingCountyId: units['平湖市']! } });
    expect(outside.status).toBe(400);
    expect(outside.body.fields).toEqual([{ path: 'pilot.applyingCountyId', message: '申报县(市、区)须在本辖区范围内' }]);
    const own = await patch('county', pilot.id, { version: pilot.version, pilot: { batch: '2026年第三批' } });
    expect(own.status).toBe(200);

    const innovation = await t.db.prisma.task.findFirstOrThrow({
      where: { list: 'innovation', leadUnit: { name: '嘉善县' } },
    });
    const origin = await patch('county', innovation.id, { version: innovation.version, originatingUnitId: units['市科技局']! });
    expect(origin.status).toBe(400);
    expect(origin.body.fields).toEqual([{ path: 'originatingUnitId', message: '首创单位须在本辖区范围内' }]);

    const staff = await patch('staff', pilot.id, { version: own.body.version, pilot: { batch: '第四批' } });
    expect(staff.status).toBe(403);
    expect(staff.body.fields?.map((f) => f.path)).toEqual(['pilot']);
  });

  it('answers 409 with the current record to a stale version, and changes no pilot row', async () => {
    const pilot = await createPilot();
    const first = await patch('admin', pilot.id, { version: pilot.version, contactName: '先保存的人' });
    expect(first.status).toBe(200);
    const stale = await patch('admin', pilot.id, { version: pilot.version, pilot: { batch: '第三批' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: pilot.version + 1, pilot: { batch: '第二批' } });
    const row = await t.db.prisma.pilotDetail.findUniqueOrThrow({ where: { taskId: pilot.id } });
    expect(row).toMatchObject({ batch: '第二批', version: 1 });
  });
});
