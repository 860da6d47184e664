import type { THistoryEntry, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let task: TTaskDetail;
let jiashanPath: string;

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[]; message?: string; current?: TTaskDetail } };
async function call<T = TTaskDetail>(username: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() };
}
const change = (username: string, id: number, payload: unknown) => call(username, 'POST', `/api/tasks/${id}/status`, payload);

/** Changes the shared task's status as the reform office and keeps the answer. */
async function move(status: string, reason = '') {
  const response = await change('admin', task.id, { status, reason, version: task.version });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  task = response.body;
  return task;
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
  jiashanPath = (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } })).path;
  const created = await call('admin', 'POST', '/api/tasks', {
    list: 'mandate',
    status: 'draft',
    title: '深化科技成果使用权改革',
    field: '科技创新',
    level: 'city',
    priority: 'normal',
    year: 2026,
    startDate: '2026-10-08',
    deadline: '2027-12-31',
    leadUnitId: kejiju.id,
    milestones: [{ name: '出台实施方案', dueDate: '2027-03-31' }],
  });
  expect(created.status).toBe(201);
  task = created.body;
});
afterAll(() => t.close());

describe('POST /api/tasks/:id/status', () => {
  it('offers the change to the owning office only, and no longer through the edit form', async () => {
    expect(task.permissions.canChangeStatus).toBe(true);
    expect(task.permissions.editableFields).not.toContain('status');
    expect((await call('staff', 'GET', `/api/tasks/${task.id}`)).body.permissions.canChangeStatus).toBe(false);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { cookie: cookies.admin! },
      payload: { version: task.version, status: 'closed' },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json().fields).toContainEqual({ path: 'status', message: '不允许的字段“status”' });
  });

  it('starts a draft, suspends it with a reason (grey light), resumes it', async () => {
    expect(task).toMatchObject({ status: 'draft', light: 'grey' });
    expect(await move('active', '方案已经市委深改委审议')).toMatchObject({ status: 'active', light: 'green' });

    const noReason = await change('admin', task.id, { status: 'suspended', reason: '  ', version: task.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([{ path: 'reason', message: '请说明暂停理由（至少 4 个字）' }]);

    expect(await move('suspended', '上级政策调整，等待省级统一部署')).toMatchObject({
      status: 'suspended',
      light: 'grey',
      lightReason: '任务已暂停',
    });
    const listed = await call<{ items: { id: number; light: string }[] }>('admin', 'GET', `/api/tasks?q=${task.code}`);
    expect(listed.body.items[0]).toMatchObject({ id: task.id, light: 'grey' });
    expect(await move('active')).toMatchObject({ status: 'active', light: 'green' });
  });

  it('marks it completed, takes it up again, and closes it with a note: closed is final', async () => {
    expect(await move('completed', '各项举措均已落实')).toMatchObject({ status: 'completed', light: 'grey', lightReason: '任务已完成' });
    expect(await move('active', '验收发现配套制度尚未出台')).toMatchObject({ status: 'active' });
    const noNote = await change('admin', task.id, { status: 'closed', version: task.version });
    expect(noNote.body.fields).toEqual([{ path: 'reason', message: '请填写销号说明（至少 4 个字）' }]);
    expect(await move('closed', '经市委改革办验收，同意销号')).toMatchObject({ status: 'closed', light: 'grey', lightReason: '任务已销号' });

    const reopen = await change('admin', task.id, { status: 'active', version: task.version });
    expect(reopen.status).toBe(400);
    expect(reopen.body.fields).toEqual([{ path: 'status', message: '任务已销号，状态不能再改变' }]);
  });

  it('closing ends the timetable: a pending adjustment is refused, milestones can no longer be completed', async () => {
    const active = await t.db.prisma.task.findFirstOrThrow({
      where: { status: 'active', baselineApprovedAt: { not: null }, adjustments: { none: { status: 'pending' } }, milestones: { some: { doneDate: null } } },
      include: { milestones: { where: { doneDate: null }, orderBy: { seq: 'asc' } } },
    });
    const milestone = active.milestones[0]!;
    const asked = await call('admin', 'POST', `/api/tasks/${active.id}/adjustments`, { reason: '配套资金尚未到位', deadline: '2030-06-28' });
    expect(asked.status).toBe(201);
    const before = (await call('admin', 'GET', `/api/tasks/${active.id}`)).body;
    expect(before.permissions).toMatchObject({ canPlanTimetable: true, canReportProgress: true });

    const closed = await change('admin', active.id, { status: 'closed', reason: '任务调整，予以销号', version: before.version });
    expect(closed.status).toBe(200);
    expect(closed.body.permissions).toMatchObject({ canPlanTimetable: false, canReportProgress: false });
    expect(closed.body.pendingAdjustmentId).toBeNull();
    const adjustments = (await call<{ status: string; decisionComment: string }[]>('admin', 'GET', `/api/tasks/${active.id}/adjustments`)).body;
    expect(adjustments[0]).toMatchObject({ status: 'refused', decisionComment: '任务已销号' });

    const completed = await call('admin', 'POST', `/api/tasks/${active.id}/milestones/${milestone.id}/complete`, {
      version: closed.body.version,
      doneDate: '2026-11-20',
    });
    expect(completed.status).toBe(400);
    expect(completed.body.fields).toEqual([{ path: 'status', message: '任务已销号，时间表和节点不能再变动' }]);
    const row = await t.db.prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } });
    expect(row.doneDate).toBeNull();
  });

  it('refuses a transition the table does not allow, changing nothing', async () => {
    const active = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'asc' } });
    for (const status of ['draft', 'active']) {
      const refused = await change('admin', active.id, { status, version: active.version });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([{ path: 'status', message: `任务当前为“推进中”，不能改为“${status === 'draft' ? '草拟' : '推进中'}”` }]);
    }
    const unknown = await change('admin', active.id, { status: 'paused', version: active.version, note: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields?.map((f) => f.path).sort()).toEqual(['note', 'status']);
    expect(await t.db.prisma.task.findUniqueOrThrow({ where: { id: active.id } })).toEqual(active);
  });

  it('answers 409 with the current record to a stale version', async () => {
    const active = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'desc' } });
    const stale = await change('admin', active.id, { status: 'suspended', reason: '资金未到位，暂缓实施', version: active.version - 1 || 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: active.id, status: 'active', version: active.version });
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: active.id } })).status).toBe('active');
  });

  it('is refused to unit staff and leaders (403), and out of a county office’s scope (404)', async () => {
    const body = { status: 'suspended', reason: '资金未到位，暂缓实施', version: 1 };
    const mine = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active', leadUnit: { name: '市科技局' } } });
    expect((await change('staff', mine.id, { ...body, version: mine.version })).status).toBe(403);
    expect((await change('leader', mine.id, { ...body, version: mine.version })).status).toBe(403);

    const outside = await t.db.prisma.task.findFirstOrThrow({
      where: {
        status: 'active',
        leadUnit: { path: { not: { startsWith: jiashanPath } } },
        cooperatingUnits: { none: { unit: { path: { startsWith: jiashanPath } } } },
        OR: [{ pilot: null }, { pilot: { applyingCountyId: null } }],
      },
    });
    expect((await change('county', outside.id, { ...body, version: outside.version })).status).toBe(404);

    const own = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active', leadUnit: { path: { startsWith: jiashanPath } } } });
    const suspended = await change('county', own.id, { ...body, version: own.version });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', light: 'grey' });
  });

  it('tells every change and its reason in the history', async () => {
    const { body } = await call<THistoryEntry[]>('leader', 'GET', `/api/tasks/${task.id}/history`);
    expect(body.map((entry) => entry.action)).toEqual([
      '销号',
      '重新推进',
      '标记任务完成',
      '恢复推进',
      '暂停任务',
      '启动推进',
      '新建任务',
    ]);
    expect(body[0]!.lines).toEqual(['状态：由“推进中”改为“已销号”', '理由：经市委改革办验收，同意销号']);
    expect(body[4]!.lines).toEqual(['状态：由“推进中”改为“暂停”', '理由：上级政策调整，等待省级统一部署']);
    expect(body[3]!.lines).toEqual(['状态：由“暂停”改为“推进中”']);
    expect(body[0]!.actor).toContain('市委改革办');
  });
});
