import type { THistoryEntry, TTaskCreateInput, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, unitIdsByName, type TestApp } from './helpers.ts';

// The fields each list has of its own (下达层级, 首创单位, 试点信息), edited after creation, and the pilot's extension (试点延期).
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
const extend = (username: string, id: number, payload: unknown) => call(username, 'POST', `/api/tasks/${id}/pilot-extension`, payload);
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

    const empty = await patch('admin', pilot.id, { version: pilot.version, pilot: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual([{ path: 'pilot', message: '没有要保存的修改' }]);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: pilot.id } })).version).toBe(pilot.version);
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

describe('POST /api/tasks/:id/pilot-extension (试点延期)', () => {
  /** A pilot whose term and deadline ended ten days ago, its one milestone done: red for the deadline only. */
  async function overduePilot(): Promise<TTaskDetail> {
    const pilot = await createPilot({
      startDate: '2026-11-01',
      deadline: '2026-11-10',
      pilot: { batch: '第一批', approvingLevel: 'city', applyingCountyId: units['嘉善县']!, termStart: '2026-11-01', termEnd: '2026-11-10' },
      milestones: [{ name: '出台试点方案', dueDate: '2026-11-05' }],
    });
    const approved = await call('admin', 'POST', `/api/tasks/${pilot.id}/baseline`, { version: pilot.version });
    expect(approved.status).toBe(200);
    const done = await call('admin', 'POST', `/api/tasks/${pilot.id}/milestones/${pilot.milestones[0]!.id}/complete`, {
      version: approved.body.version,
      doneDate: '2026-11-05',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const task = (await get('admin', pilot.id)).body;
    expect(task).toMatchObject({ light: 'red', lightReason: '任务已超过完成时限 10 天', baselineDeadline: '2026-11-10' });
    return task;
  }

  it('extends the term with its reason, moves the deadline out keeping the baseline, and recomputes the light', async () => {
    const pilot = await overduePilot();
    expect(pilot.permissions.canExtendPilot).toBe(true);
    const reason = '改革任务复杂，部分制度创新需上级授权';
    const { status, body } = await extend('admin', pilot.id, { extendedTo: '2027-06-30', reason, version: pilot.version });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      version: pilot.version + 1,
      deadline: '2027-06-30',
      baselineDeadline: '2026-11-10',
      pilot: { termEnd: '2026-11-10', extendedTo: '2027-06-30', extensionReason: reason, stage: 'extended' },
    });
    expect(body.light).not.toBe('red');
    const listed = await call<{ items: { id: number; light: string; deadline: string }[] }>('admin', 'GET', `/api/tasks?q=${pilot.code}`);
    expect(listed.body.items[0]).toMatchObject({ id: pilot.id, light: body.light, deadline: '2027-06-30' });

    const [entry] = await history(pilot.id);
    expect(entry).toMatchObject({ action: '试点延期', actor: expect.stringContaining('李明') });
    expect(entry!.lines).toEqual([
      `试点延期至 2027-06-30：${reason}`,
      '完成时限：由“2026-11-10”改为“2027-06-30”',
      '试点阶段：由“实施中”改为“已延期”',
    ]);
  });

  it('extends again only past the last extension; a deadline already later stays', async () => {
    const pilot = await createPilot({ deadline: '2029-03-31', milestones: [{ name: '总结评估验收', dueDate: '2029-03-31' }] });
    const first = await extend('admin', pilot.id, { extendedTo: '2029-03-31', reason: '改革形势发生新变化', version: pilot.version });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ deadline: '2029-03-31', pilot: { extendedTo: '2029-03-31' } });
    for (const extendedTo of ['2028-09-30', '2029-03-31', '2029-01-31']) {
      const refused = await extend('admin', pilot.id, { extendedTo, reason: '再次申请延期', version: first.body.version });
      expect(refused.status, extendedTo).toBe(400);
      expect(refused.body.fields).toEqual([{ path: 'extendedTo', message: '延期后的日期须晚于当前试点期限' }]);
    }
    const second = await extend('admin', pilot.id, { extendedTo: '2029-09-30', reason: '标志性项目建设滞后', version: first.body.version });
    expect(second.body).toMatchObject({ deadline: '2029-09-30', pilot: { extendedTo: '2029-09-30', extensionReason: '标志性项目建设滞后' } });
    expect((await history(pilot.id))[0]!.lines).toEqual(['试点延期至 2029-09-30：标志性项目建设滞后', '完成时限：由“2029-03-31”改为“2029-09-30”']);
  });

  it('asks for a reason and a well-formed body', async () => {
    const pilot = await createPilot();
    const cases: [object, string, string][] = [
      [{ extendedTo: '2029-06-30', reason: '延期', version: pilot.version }, 'reason', '请说明延期理由（至少 4 个字）'],
      [{ extendedTo: '2029-06-30', version: pilot.version }, 'reason', '无效输入：期望 string，实际接收 undefined'],
      [{ extendedTo: '2029-02-30', reason: '改革形势发生新变化', version: pilot.version }, 'extendedTo', '不是有效的日期'],
      [{ extendedTo: '2029-06-30', reason: '改革形势发生新变化', version: pilot.version, stage: 'extended' }, 'stage', '不允许的字段“stage”'],
    ];
    for (const [payload, path, message] of cases) {
      const refused = await extend('admin', pilot.id, payload);
      expect(refused.status, JSON.stringify(payload)).toBe(400);
      expect(refused.body.fields?.find((f) => f.path === path)?.message, JSON.stringify(payload)).toBe(message);
    }
    expect((await get('admin', pilot.id)).body.pilot?.extendedTo).toBeNull();
  });

  it('is refused for a task that is not a pilot, and for a closed one (400)', async () => {
    const mandate = await t.db.prisma.task.findFirstOrThrow({ where: { list: 'mandate', status: 'active' } });
    const notPilot = await extend('admin', mandate.id, { extendedTo: '2030-06-30', reason: '改革形势发生新变化', version: mandate.version });
    expect(notPilot.status).toBe(400);
    expect(notPilot.body.fields).toEqual([{ path: 'list', message: '试点延期仅适用于改革试点' }]);
    expect((await get('admin', mandate.id)).body.permissions.canExtendPilot).toBe(false);

    const pilot = await createPilot();
    const closed = await call('admin', 'POST', `/api/tasks/${pilot.id}/status`, { status: 'closed', reason: '试点终止，予以销号', version: pilot.version });
    expect(closed.status).toBe(200);
    expect(closed.body.permissions.canExtendPilot).toBe(false);
    const refused = await extend('admin', pilot.id, { extendedTo: '2029-06-30', reason: '改革形势发生新变化', version: closed.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ path: 'status', message: '任务已销号，试点不能再延期' }]);
  });

  it('is the owning offices’ action: unit staff and leaders 403, outside a county office’s scope 404', async () => {
    const pilot = await createPilot();
    const body = { extendedTo: '2029-06-30', reason: '改革形势发生新变化', version: pilot.version };
    expect((await get('staff', pilot.id)).body.permissions.canExtendPilot).toBe(false);
    expect((await extend('staff', pilot.id, body)).status).toBe(403);
    expect((await extend('leader', pilot.id, body)).status).toBe(403);

    const elsewhere = await createPilot({ pilot: { ...pilotBody().pilot!, applyingCountyId: units['平湖市']! } });
    expect((await extend('county', elsewhere.id, { ...body, version: elsewhere.version })).status).toBe(404);

    const mine = await extend('county', pilot.id, body);
    expect(mine.status).toBe(200);
    expect(mine.body.pilot).toMatchObject({ extendedTo: '2029-06-30', stage: 'extended' });
    expect((await t.db.prisma.pilotDetail.findUniqueOrThrow({ where: { taskId: elsewhere.id } })).extendedTo).toBeNull();
  });

  it('answers 409 with the current record to a stale version, and extends nothing', async () => {
    const pilot = await createPilot();
    const edited = await patch('admin', pilot.id, { version: pilot.version, contactName: '先保存的人' });
    expect(edited.status).toBe(200);
    const stale = await extend('admin', pilot.id, { extendedTo: '2029-06-30', reason: '改革形势发生新变化', version: pilot.version });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: pilot.version + 1, deadline: '2028-09-30', pilot: { extendedTo: null } });
    const stored = await t.db.prisma.task.findUniqueOrThrow({ where: { id: pilot.id }, include: { pilot: true } });
    expect(stored).toMatchObject({ version: pilot.version + 1, pilot: { extendedTo: null, stage: 'implementing' } });
  });
});
