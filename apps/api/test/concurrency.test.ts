import type { TAdjustment, TSetting, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TODAY, buildTestApp, type TestApp } from './helpers.ts';

// Requests sent at once with the same version: the database decides who wins, exactly one, and
// every other request gets the 409 with the record as it now is, never a 5xx; on the embedded
// database (one connection) nobody else is kept waiting for a transaction's timeout meanwhile.

let t: TestApp;
const cookies: Record<string, string> = {};
let kejijuId: number;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
async function call<T = TTaskDetail>(username: string, method: Method, url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() as T & { message?: string; current?: unknown } };
}

/** Sends `n` copies of a request at once, with a bystander's read of the task list among them. */
async function burst<T>(n: number, send: () => ReturnType<typeof call<T>>) {
  const [bystander, ...replies] = await Promise.all([call('leader', 'GET', '/api/tasks?pageSize=5'), ...Array.from({ length: n }, send)]);
  expect(bystander.status).toBe(200);
  const statuses = replies.map((r) => r.status).sort();
  return { replies, statuses, winners: replies.filter((r) => r.status < 300), losers: replies.filter((r) => r.status >= 300) };
}

async function newTask(list: 'mandate' | 'pilot' = 'mandate'): Promise<TTaskDetail> {
  const created = await call('admin', 'POST', '/api/tasks', {
    list,
    title: `并发测试任务${Math.random().toString(36).slice(2, 8)}`,
    field: '科技创新',
    level: 'city',
    priority: 'normal',
    year: 2026,
    startDate: '2026-09-01',
    deadline: '2027-08-31',
    leadUnitId: kejijuId,
    ...(list === 'pilot' ? { pilot: { batch: '第一批', approvingLevel: 'provincial', termStart: '2026-09-01', termEnd: '2027-08-31' } } : {}),
    milestones: [
      { name: '出台实施方案', dueDate: '2026-10-31' },
      { name: '完成主要改革举措', dueDate: '2027-05-31' },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

async function approved(): Promise<TTaskDetail> {
  const task = await newTask();
  const reply = await call('admin', 'POST', `/api/tasks/${task.id}/baseline`, { version: task.version });
  expect(reply.status).toBe(200);
  return reply.body;
}

function expectOneWinner(result: Awaited<ReturnType<typeof burst>>, n: number, winStatus = 200) {
  expect(result.statuses).toEqual([winStatus, ...Array<number>(n - 1).fill(409)]);
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff', 'leader']) cookies[username] = await t.login(username);
  kejijuId = (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } })).id;
}, 600_000);
afterAll(() => t.close());

describe.each([5, 20])('%i requests at once with the same version', (n) => {
  it('complete a milestone once; the others see it done', async () => {
    const task = await newTask();
    const first = task.milestones[0]!;
    const result = await burst(n, () =>
      call('staff', 'POST', `/api/tasks/${task.id}/milestones/${first.id}/complete`, { version: first.version, doneDate: TEST_TODAY }),
    );
    expectOneWinner(result, n);
    for (const loser of result.losers) {
      expect(loser.body.message).toBe('该记录已被他人修改，您的修改未保存。请查看最新版本后重新提交。');
      expect((loser.body.current as TTaskDetail).milestones.find((m) => m.id === first.id)?.doneDate).toBe(TEST_TODAY);
    }
    expect(await t.db.prisma.auditLog.count({ where: { entityId: String(task.id), action: 'milestone-done' } })).toBe(1);
  });

  it('change a status once', async () => {
    const task = await newTask();
    const result = await burst(n, () => call('admin', 'POST', `/api/tasks/${task.id}/status`, { status: 'suspended', reason: '等待省级政策出台', version: task.version }));
    expectOneWinner(result, n);
    for (const loser of result.losers) expect(loser.body.current).toMatchObject({ status: 'suspended', version: task.version + 1 });
  });

  it('edit a task once', async () => {
    const task = await newTask();
    let i = 0;
    const result = await burst(n, () => call('admin', 'PATCH', `/api/tasks/${task.id}`, { version: task.version, title: `并发修改的名称${i++}` }));
    expectOneWinner(result, n);
    const winner = result.winners[0]!.body;
    for (const loser of result.losers) expect(loser.body.current).toMatchObject({ title: winner.title, version: winner.version });
  });

  it('approve a baseline once', async () => {
    const task = await newTask();
    const result = await burst(n, () => call('admin', 'POST', `/api/tasks/${task.id}/baseline`, { version: task.version }));
    expectOneWinner(result, n);
    expect(await t.db.prisma.auditLog.count({ where: { entityId: String(task.id), action: 'baseline' } })).toBe(1);
  });

  it('replace the milestones once', async () => {
    const task = await newTask();
    let i = 0;
    const result = await burst(n, () =>
      call('admin', 'PUT', `/api/tasks/${task.id}/milestones`, { version: task.version, milestones: [{ name: `唯一节点${i++}`, dueDate: '2027-06-30' }] }),
    );
    expectOneWinner(result, n);
    expect(await t.db.prisma.milestone.count({ where: { taskId: task.id } })).toBe(1);
  });

  it('extend a pilot once', async () => {
    const task = await newTask('pilot');
    const result = await burst(n, () =>
      call('admin', 'POST', `/api/tasks/${task.id}/pilot-extension`, { extendedTo: '2027-12-31', reason: '省委深改委批准延期', version: task.version }),
    );
    expectOneWinner(result, n);
  });

  it('decide an adjustment request once', async () => {
    const task = await approved();
    const requested = await call<TAdjustment>('staff', 'POST', `/api/tasks/${task.id}/adjustments`, {
      reason: '省级配套政策尚未出台，需顺延',
      milestones: [{ id: task.milestones[1]!.id, dueDate: '2027-07-31' }],
    });
    expect(requested.status).toBe(201);
    const result = await burst(n, () =>
      call<TAdjustment>('admin', 'POST', `/api/adjustments/${requested.body.id}/decision`, { version: requested.body.version, decision: 'approve' }),
    );
    expectOneWinner(result, n);
    for (const loser of result.losers) expect(loser.body.current).toMatchObject({ id: requested.body.id, status: 'approved' });
    expect(await t.db.prisma.auditLog.count({ where: { entityId: String(task.id), action: 'adjustment-approved' } })).toBe(1);
  });

  it('save a setting once', async () => {
    const settings = await call<TSetting[]>('admin', 'GET', '/api/settings');
    const lights = settings.body.find((s) => s.key === 'lights')!;
    let days = 1;
    const result = await burst(n, () =>
      call<TSetting>('admin', 'PUT', '/api/settings/lights', { version: lights.version, value: { yellowWithinDays: days++ } }),
    );
    expectOneWinner(result, n);
    const winner = result.winners[0]!.body;
    for (const loser of result.losers) expect(loser.body.current).toEqual({ key: 'lights', value: winner.value, version: lights.version + 1 });
  });
});

describe('rules of the form "at most one", with 20 requests at once', () => {
  it('one pending adjustment request per task', async () => {
    const task = await approved();
    const result = await burst(20, () =>
      call<TAdjustment>('staff', 'POST', `/api/tasks/${task.id}/adjustments`, {
        reason: '省级配套政策尚未出台，需顺延',
        milestones: [{ id: task.milestones[1]!.id, dueDate: '2027-07-31' }],
      }),
    );
    expectOneWinner(result, 20, 201);
    for (const loser of result.losers) expect(loser.body.message).toBe('该任务已有待审批的调整申请');
    expect(await t.db.prisma.adjustmentRequest.count({ where: { taskId: task.id, status: 'pending' } })).toBe(1);
  });

  it('a first save of a setting', async () => {
    await t.db.prisma.setting.deleteMany({ where: { key: 'reports' } });
    let day = 1;
    const result = await burst(20, () => call<TSetting>('admin', 'PUT', '/api/settings/reports', { version: 0, value: { dueDayAfterQuarter: day++ } }));
    expectOneWinner(result, 20);
    expect(await t.db.prisma.setting.findUniqueOrThrow({ where: { key: 'reports' } })).toMatchObject({ version: 1, value: result.winners[0]!.body.value });
  });

  it('a distinct code for every task created at once', async () => {
    const created = await Promise.all(Array.from({ length: 20 }, () => newTask()));
    expect(new Set(created.map((task) => task.code)).size).toBe(20);
  });
});
