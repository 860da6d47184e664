import type { TAdjustment, THistoryEntry, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let task: TTaskDetail;

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[]; message?: string } };
async function call<T = TTaskDetail>(username: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff', 'leader', 'county']) cookies[username] = await t.login(username);
  const kejiju = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
  const preview = await call<{ milestones: { name: string; phase: string; dueDate: string }[] }>('admin', 'POST', '/api/timetable/preview', {
    templateKey: 'three-phase',
    startDate: '2026-09-01',
    deadline: '2027-08-31',
  });
  const created = await call('admin', 'POST', '/api/tasks', {
    list: 'pilot',
    title: '科技成果转化收益分配改革试点',
    field: '科技创新',
    level: 'provincial',
    priority: 'key',
    year: 2026,
    startDate: '2026-09-01',
    deadline: '2027-08-31',
    leadUnitId: kejiju.id,
    pilot: { batch: '第三批', approvingLevel: 'provincial', termStart: '2026-09-01', termEnd: '2027-08-31' },
    milestones: preview.body.milestones,
  });
  expect(created.status).toBe(201);
  task = created.body;
});
afterAll(() => t.close());

describe('the timetable before approval', () => {
  it('can be edited by the reform office, with dependencies, and not by the unit', async () => {
    const milestones = task.milestones.map((m, index) => ({
      id: m.id,
      name: m.name,
      phase: m.phase,
      dueDate: m.dueDate,
      dependsOn: index > 0 ? index - 1 : null,
    }));
    milestones.splice(1, 0, { id: undefined as unknown as number, name: '完成试点扩面', phase: '组织实施', dueDate: '2026-12-31', dependsOn: 0 });
    const refused = await call('staff', 'PUT', `/api/tasks/${task.id}/milestones`, { version: task.version, milestones });
    expect(refused.status).toBe(403);
    const saved = await call('admin', 'PUT', `/api/tasks/${task.id}/milestones`, {
      version: task.version,
      milestones: milestones.map(({ id, ...rest }) => (id ? { id, ...rest } : rest)),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.milestones.map((m) => m.name)).toEqual(['出台实施方案', '完成试点扩面', '完成主要改革举措', '总结评估验收']);
    expect(saved.body.milestones[1]!.dependsOnId).toBe(saved.body.milestones[0]!.id);
    task = saved.body;
  });

  it('lets the reform office move the dates through the ordinary edit', async () => {
    expect(task.baselineDeadline).toBeNull();
    expect(task.permissions).toMatchObject({ frozenFields: [] });
    expect(task.permissions.editableFields).toEqual(expect.arrayContaining(['startDate', 'deadline']));
    const moved = await call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: task.version, deadline: '2027-09-30' });
    expect(moved.status).toBe(200);
    const back = await call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: moved.body.version, deadline: '2027-08-31' });
    expect(back.body).toMatchObject({ deadline: '2027-08-31', baselineDeadline: null });
    task = back.body;
  });

  it('refuses milestones outside the span and a stale version', async () => {
    const outside = await call('admin', 'PUT', `/api/tasks/${task.id}/milestones`, {
      version: task.version,
      milestones: [{ name: '提前完成', dueDate: '2026-08-01' }],
    });
    expect(outside.body.fields).toContainEqual({ path: 'milestones.0.dueDate', message: '时间节点须在开始日期与完成时限之间' });
    const stale = await call('admin', 'PUT', `/api/tasks/${task.id}/milestones`, {
      version: task.version - 1,
      milestones: [{ name: '出台实施方案', dueDate: '2026-12-01' }],
    });
    expect(stale.status).toBe(409);
  });
});

describe('approving the baseline and adjusting it', () => {
  it('freezes every milestone’s date as its baseline', async () => {
    const approved = await call('admin', 'POST', `/api/tasks/${task.id}/baseline`, { version: task.version });
    expect(approved.status).toBe(200);
    expect(approved.body.baselineApprovedAt).not.toBeNull();
    expect(approved.body.milestones.every((m) => m.baselineDueDate === m.dueDate)).toBe(true);
    expect(approved.body).toMatchObject({ deadline: '2027-08-31', baselineDeadline: '2027-08-31' });
    const stored = await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { baselineDeadline: true } });
    expect(stored.baselineDeadline).toEqual(new Date('2027-08-31T00:00:00Z'));
    task = approved.body;
    const edit = await call('admin', 'PUT', `/api/tasks/${task.id}/milestones`, {
      version: task.version,
      milestones: [{ name: '出台实施方案', dueDate: '2026-12-01' }],
    });
    expect(edit.body.fields?.[0]?.message).toBe('时间表已审定，调整日期请提交调整申请');
  });

  it('refuses a date change through the ordinary edit afterwards, and changes nothing', async () => {
    expect(task.permissions.editableFields).not.toContain('deadline');
    expect(task.permissions.frozenFields).toEqual(['startDate', 'deadline']);
    const before = await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    const deadline = await call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: task.version, deadline: '2027-12-31', title: '不应保存的名称' });
    expect(deadline.status).toBe(400);
    expect(deadline.body.fields).toEqual([{ path: 'deadline', message: '时间表已审定，调整完成时限请提交调整申请' }]);
    const start = await call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: task.version, startDate: '2026-08-01' });
    expect(start.body.fields).toEqual([{ path: 'startDate', message: '时间表已审定，开始日期不再修改' }]);
    expect(await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toEqual(before);
    // The other fields stay open, and a resent unchanged date is no change.
    const title = await call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: task.version, title: task.title, deadline: task.deadline });
    expect(title.status).toBe(200);
    task = title.body;
  });

  it('lets the lead unit request an adjustment with a reason, one at a time', async () => {
    const target = task.milestones[2]!;
    const noReason = await call('staff', 'POST', `/api/tasks/${task.id}/adjustments`, { reason: '', milestones: [{ id: target.id, dueDate: '2027-06-30' }] });
    expect(noReason.status).toBe(400);
    const requested = await call<TAdjustment>('staff', 'POST', `/api/tasks/${task.id}/adjustments`, {
      reason: '省级配套政策尚未出台，需顺延',
      deadline: '2027-10-31',
      milestones: [{ id: target.id, dueDate: '2027-06-30' }],
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'pending',
      proposed: {
        deadline: { from: '2027-08-31', to: '2027-10-31' },
        milestones: [{ id: target.id, name: target.name, from: target.dueDate, to: '2027-06-30' }],
      },
      requestedBy: { unitName: '市科技局' },
    });
    const second = await call('staff', 'POST', `/api/tasks/${task.id}/adjustments`, { reason: '再次申请调整', deadline: '2027-12-31' });
    expect(second.status).toBe(409);
    const detail = await call('staff', 'GET', `/api/tasks/${task.id}`);
    expect(detail.body.pendingAdjustmentId).toBe(requested.body.id);
  });

  it('on approval moves the current date and keeps the baseline; a refusal needs a reason', async () => {
    const [pending] = (await call<TAdjustment[]>('admin', 'GET', `/api/tasks/${task.id}/adjustments`)).body;
    expect(pending?.status).toBe('pending');
    const byStaff = await call('staff', 'POST', `/api/adjustments/${pending!.id}/decision`, { version: pending!.version, decision: 'approve' });
    expect(byStaff.status).toBe(403);
    const refuseSilently = await call('admin', 'POST', `/api/adjustments/${pending!.id}/decision`, { version: pending!.version, decision: 'refuse' });
    expect(refuseSilently.body.fields).toContainEqual({ path: 'comment', message: '不同意时请填写理由' });
    const approved = await call<TAdjustment>('admin', 'POST', `/api/adjustments/${pending!.id}/decision`, {
      version: pending!.version,
      decision: 'approve',
      comment: '同意顺延',
    });
    expect(approved.body.status).toBe('approved');
    const detail = (await call('admin', 'GET', `/api/tasks/${task.id}`)).body;
    const moved = detail.milestones.find((m) => m.id === task.milestones[2]!.id)!;
    expect(moved.dueDate).toBe('2027-06-30');
    expect(moved.baselineDueDate).toBe(task.milestones[2]!.dueDate);
    expect(detail).toMatchObject({ deadline: '2027-10-31', baselineDeadline: '2027-08-31' });
    expect(detail.pendingAdjustmentId).toBeNull();
    task = detail;
  });
});

describe('completing milestones', () => {
  it('records a late completion as late and recomputes the light', async () => {
    const first = task.milestones[0]!;
    const future = await call('staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, {
      version: first.version,
      doneDate: '2030-01-01',
    });
    expect(future.body.fields).toContainEqual({ path: 'doneDate', message: '完成日期不能晚于今天' });
    const done = await call('staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, {
      version: first.version,
      doneDate: TEST_TODAY,
      note: '实施方案已印发',
    });
    expect(done.status).toBe(200);
    expect(done.body.milestones[0]).toMatchObject({ doneDate: TEST_TODAY, note: '实施方案已印发' });
    expect(await t.db.prisma.milestone.findUnique({ where: { id: first.id }, select: { doneBy: { select: { username: true } } } })).toEqual({
      doneBy: { username: 'staff' },
    });
    // Sent again from the same page: its version is stale, and the current record shows it done.
    const again = await call('staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, {
      version: first.version,
      doneDate: TEST_TODAY,
    });
    expect(again.status).toBe(409);
    const current = (again.body as unknown as { current: TTaskDetail }).current;
    expect(current.milestones.find((m) => m.id === first.id)?.doneDate).toBe(TEST_TODAY);
    const fromCurrent = await call('staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, {
      version: current.milestones.find((m) => m.id === first.id)!.version,
      doneDate: TEST_TODAY,
    });
    expect(fromCurrent.body.fields).toContainEqual({ path: 'doneDate', message: '该节点已完成' });
  });

  it('is refused to leaders', async () => {
    const second = task.milestones[1]!;
    const response = await call('leader', 'POST', `/api/tasks/${task.id}/milestones/${second.id}/complete`, {
      version: second.version,
      doneDate: TEST_TODAY,
    });
    expect(response.status).toBe(403);
  });
});

describe('GET /api/tasks/:id/history', () => {
  it('tells every change in words, newest first', async () => {
    const { body } = await call<THistoryEntry[]>('leader', 'GET', `/api/tasks/${task.id}/history`);
    expect(body.map((entry) => entry.action)).toEqual([
      '完成节点',
      '同意时间表调整',
      '提交时间表调整申请',
      '修改任务',
      '审定时间表，冻结基线',
      '修改任务',
      '修改任务',
      '修改时间节点',
      '新建任务',
    ]);
    expect(body[1]!.lines).toContain(`完成主要改革举措：由“${task.milestones[2]!.baselineDueDate}”改为“2027-06-30”`);
    expect(body[1]!.lines).toContain('完成时限：由“2027-08-31”改为“2027-10-31”');
    expect(body[4]!.lines).toEqual(['完成时限基线：2027-08-31']);
    expect(body[0]!.actor).toContain('市科技局');
    // The first milestone fell due before TEST_TODAY: completing it today is recorded as late.
    expect(task.milestones[0]!.dueDate < TEST_TODAY).toBe(true);
    expect(body[0]!.lines).toEqual(expect.arrayContaining([`出台实施方案：${TEST_TODAY}`, expect.stringMatching(/^逾期天数：\d+$/)]));
  });

  it('tells an evidence upload in Chinese', async () => {
    const staff = await t.db.prisma.user.findFirstOrThrow({ where: { username: 'staff' } });
    // The entry as the evidence upload writes it.
    await t.db.prisma.auditLog.create({
      data: { actorId: staff.id, entity: 'task', entityId: String(task.id), action: 'evidence', changes: { evidence: { from: null, to: '实施方案.pdf' } }, requestId: 'history-test' },
    });
    const [latest] = (await call<THistoryEntry[]>('leader', 'GET', `/api/tasks/${task.id}/history`)).body;
    expect(latest).toMatchObject({ action: '上传佐证材料', lines: ['佐证材料：实施方案.pdf'] });
  });
});
