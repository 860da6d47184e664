import type { TComment, TCurrentUser, TTaskDetail, TTodo } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';
import { statementCounter } from './statements.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let unitId: Record<string, number>;
/** A task led by 市科技局 (a city department): outside 嘉善县, inside the staff's scope. */
let cityTask: { id: number; code: string };
/** A task led by a unit of 嘉善县. */
let countyTask: { id: number; code: string };

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[] } };
async function call<T>(username: string, method: string, url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers: cookies[username] ? { cookie: cookies[username] } : {},
    ...(payload ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : (null as unknown as Reply<T>['body']) };
}
const todosOf = async (username: string) => (await call<TTodo[]>(username, 'GET', '/api/todos')).body;

const counter = statementCounter();

beforeAll(async () => {
  t = await buildTestApp({ onQuery: counter.onQuery });
  for (const username of ['admin', 'county', 'group', 'staff', 'staff2', 'leader']) cookies[username] = await t.login(username);
  unitId = Object.fromEntries((await t.db.prisma.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const county = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } });
  cityTask = await t.db.prisma.task.findFirstOrThrow({
    where: { leadUnitId: unitId['市科技局'], units: { none: { unit: { path: { startsWith: county.path } } } } },
    select: { id: true, code: true },
  });
  countyTask = await t.db.prisma.task.findFirstOrThrow({
    where: { leadUnit: { path: { startsWith: county.path } }, status: { not: 'closed' } },
    select: { id: true, code: true },
  });
});
afterAll(() => t.close());

describe('a county office’s to-dos', () => {
  it('never name a task it cannot open: unit staff cannot ask it about a city task', async () => {
    const asked = await call<TComment>('staff', 'POST', `/api/tasks/${cityTask.id}/comments`, {
      body: '请嘉善县委改革办协助了解情况',
      mentionUnitIds: [unitId['嘉善县委改革办']],
    });
    expect(asked.status).toBe(400);
    expect(asked.body.fields).toEqual([
      { path: 'mentionUnitIds', message: '“嘉善县委改革办”与该任务无关，不能提及；可提及牵头单位、配合单位和改革办' },
    ]);
    expect(await t.db.prisma.taskComment.count({ where: { taskId: cityTask.id, body: '请嘉善县委改革办协助了解情况' } })).toBe(0);
    for (const todo of await todosOf('county')) {
      if (todo.task) expect((await call('county', 'GET', `/api/tasks/${todo.task.id}`)).status).toBe(200);
    }
  });

  it('hold what the reform office asks it, with the task then readable but not editable, and can be marked done', async () => {
    const asked = await call<TComment>('admin', 'POST', `/api/tasks/${cityTask.id}/comments`, {
      body: '请嘉善县参照本任务经验提出意见',
      mentionUnitIds: [unitId['嘉善县委改革办']],
    });
    expect(asked.status).toBe(201);
    expect(await todosOf('county')).toContainEqual(expect.objectContaining({ kind: 'mention', commentId: asked.body.id, task: expect.objectContaining({ id: cityTask.id }) }));
    const detail = await call<TTaskDetail>('county', 'GET', `/api/tasks/${cityTask.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.permissions.canEdit).toBe(false);
    expect((await call('county', 'POST', `/api/todos/${asked.body.id}/done`)).status).toBe(204);
    expect((await todosOf('county')).filter((todo) => todo.kind === 'mention').map((todo) => todo.task.id)).not.toContain(cityTask.id);
  });
});

describe('every write', () => {
  it('needs a write permission: the leader cannot mark a to-do done', async () => {
    const comment = await t.db.prisma.taskComment.findFirstOrThrow({ select: { id: true } });
    const done = await call<{ message: string }>('leader', 'POST', `/api/todos/${comment.id}/done`);
    expect(done.status).toBe(403);
    expect(done.body.message).toBe('您没有执行此操作的权限');
  });

  it('of every route of the API is refused to the read-only leader, who holds every read permission', async () => {
    const writes = await writesOfTheApi();
    expect(writes.length).toBeGreaterThan(10);
    const open = writes.filter(({ url }) => url === '/api/auth/login' || url === '/api/auth/logout');
    expect(open).toHaveLength(2);
    const answers = await Promise.all(
      writes.filter((write) => !open.includes(write)).map(async (write) => `${write.method} ${write.url} ${(await call('leader', write.method, write.url)).status}`),
    );
    expect(answers).toEqual(answers.map((answer) => answer.replace(/\d+$/, '403')));
  });

  it('of every route is refused to a special group’s office but for recording inspections and closing their items', async () => {
    const inspecting = ['POST /api/inspections/', 'POST /api/inspections/1/rectifications', 'POST /api/rectifications/1/close', 'POST /api/rectifications/1/reopen'];
    const writes = (await writesOfTheApi()).filter(({ url }) => url !== '/api/auth/login' && url !== '/api/auth/logout');
    const answers = await Promise.all(writes.map(async (write) => `${write.method} ${write.url} ${(await call('group', write.method, write.url)).status}`));
    const refused = answers.filter((answer) => answer.endsWith(' 403')).map((answer) => answer.replace(/ 403$/, ''));
    expect(answers.filter((answer) => !answer.endsWith(' 403')).map((answer) => answer.replace(/ \d+$/, '')).sort()).toEqual([...inspecting].sort());
    expect(refused).toHaveLength(writes.length - inspecting.length);
  });
});

/** Every route of the API that changes something, read from the OpenAPI document, with `1` for each path parameter. */
async function writesOfTheApi(): Promise<{ method: string; url: string }[]> {
  const document = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => !['get', 'head', 'options', 'parameters'].includes(method))
      .map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{[^}]+\}/g, '1') })),
  );
}

describe('mentions', () => {
  it('let unit staff ask the task’s own units and the reform office, each once, and no one else', async () => {
    const cooperating = await t.db.prisma.taskCooperatingUnit.findFirst({ where: { taskId: cityTask.id } });
    const asked = [unitId['市委改革办']!, unitId['市科技局']!, ...(cooperating ? [cooperating.unitId] : [])];
    const posted = await call<TComment>('staff', 'POST', `/api/tasks/${cityTask.id}/comments`, {
      body: '请各单位确认进度',
      mentionUnitIds: [...asked, unitId['市委改革办']],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.mentions.map((m) => m.unitId).sort()).toEqual([...asked].sort());

    const unrelated = await t.db.prisma.unit.findFirstOrThrow({
      where: { kind: 'department', taskMemberships: { none: { taskId: cityTask.id } } },
    });
    const refused = await call('staff', 'POST', `/api/tasks/${cityTask.id}/comments`, { body: '请协助', mentionUnitIds: [unrelated.id] });
    expect(refused.body.fields).toEqual([
      { path: 'mentionUnitIds', message: `“${unrelated.name}”与该任务无关，不能提及；可提及牵头单位、配合单位和改革办` },
    ]);
  });

  it('are at most five a comment', async () => {
    const six = (await t.db.prisma.unit.findMany({ take: 6, select: { id: true } })).map((u) => u.id);
    const refused = await call('admin', 'POST', `/api/tasks/${cityTask.id}/comments`, { body: '请各单位注意', mentionUnitIds: six });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ path: 'mentionUnitIds', message: '一条评论最多提及 5 个单位' }]);
  });

  it('let a county office ask any unit of its county on its task, not a city department', async () => {
    const town = await t.db.prisma.unit.findFirstOrThrow({ where: { kind: 'town', path: { startsWith: (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } })).path } } });
    const posted = await call<TComment>('county', 'POST', `/api/tasks/${countyTask.id}/comments`, { body: '请镇街反馈', mentionUnitIds: [town.id] });
    expect(posted.status).toBe(201);
    const refused = await call('county', 'POST', `/api/tasks/${countyTask.id}/comments`, { body: '请反馈', mentionUnitIds: [unitId['市发展改革委']] });
    expect(refused.status).toBe(400);
  });
});

describe('adjustment requests waiting for a decision', () => {
  it('are in the to-dos of the offices that decide them, and go away once decided', async () => {
    const requester = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'staff' } });
    const request = (taskId: number) =>
      t.db.prisma.adjustmentRequest.create({
        data: { taskId, requestedById: requester.id, reason: '配套政策尚未出台，需顺延', proposed: { milestones: [] } },
      });
    const city = await request(cityTask.id);
    const county = await request(countyTask.id);

    const entry = (adjustmentId: number, task: { id: number; code: string }) =>
      expect.objectContaining({ kind: 'adjustment', adjustmentId, task: expect.objectContaining(task), body: '配套政策尚未出台，需顺延', author: { displayName: '陈晓东', unitName: '市科技局' } });
    const admin = await todosOf('admin');
    expect(admin).toContainEqual(entry(city.id, cityTask));
    expect(admin).toContainEqual(entry(county.id, countyTask));
    const countyTodos = await todosOf('county');
    expect(countyTodos).toContainEqual(entry(county.id, countyTask));
    expect(countyTodos.some((todo) => todo.kind === 'adjustment' && todo.adjustmentId === city.id)).toBe(false);
    expect((await todosOf('staff')).some((todo) => todo.kind === 'adjustment')).toBe(false);

    const decided = await call('county', 'POST', `/api/adjustments/${county.id}/decision`, { version: 1, decision: 'refuse', comment: '请先完成前置节点' });
    expect(decided.status).toBe(200);
    expect((await todosOf('county')).some((todo) => todo.kind === 'adjustment')).toBe(false);
    expect((await todosOf('admin')).map((todo) => todo.kind === 'adjustment' && todo.adjustmentId)).not.toContain(county.id);
    await t.db.prisma.adjustmentRequest.deleteMany({ where: { id: city.id } });
  });
});

describe('GET /api/auth/me', () => {
  it('tells each user what the policy lets them do', async () => {
    const me = async (username: string) => (await call<TCurrentUser>(username, 'GET', '/api/auth/me')).body;
    const admin = await me('admin');
    expect(admin.permissions).toEqual(expect.arrayContaining(['tasks:create', 'settings:manage', 'comments:write']));
    expect(admin.assignableUnitIds).toBeNull();
    expect((await me('leader')).permissions).toEqual(['auth:me', 'units:read', 'tasks:read', 'ledger:export', 'todos:read', 'dashboard:read', 'reports:read', 'report-rounds:read', 'rankings:read', 'supervision:read', 'assessment:read', 'quarterly-report:read']);
    expect(admin.permissions).toEqual(expect.arrayContaining(['rankings:read', 'rankings:publish', 'rankings:decide-appeal']));
    expect(admin.permissions).not.toContain('rankings:appeal');
    const staff = await me('staff');
    expect(staff.permissions).toEqual(expect.arrayContaining(['reports:read', 'reports:write', 'report-rounds:read']));
    expect(staff.permissions).not.toContain('reports:review');
    expect(staff.permissions).not.toContain('report-rounds:open');
    expect(admin.permissions).toEqual(expect.arrayContaining(['reports:review', 'report-rounds:open']));
    expect(staff.permissions).toContain('comments:write');
    expect(staff.permissions).not.toContain('quarterly-report:read');
    expect(admin.permissions).toContain('quarterly-report:read');
    expect((await me('county')).permissions).toContain('quarterly-report:read');
    expect(staff.permissions).not.toContain('tasks:create');
    expect(staff.permissions.filter((p) => p.startsWith('rankings:'))).toEqual(['rankings:read', 'rankings:appeal']);
    expect(staff.assignableUnitIds).toEqual([]);
    expect((await me('group')).permissions).toEqual(['auth:me', 'units:read', 'tasks:read', 'todos:read', 'supervision:read', 'supervision:inspect']);
    const county = await me('county');
    const countyUnits = await t.db.prisma.unit.findMany({
      where: { path: { startsWith: (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } })).path } },
      select: { id: true },
    });
    expect([...county.assignableUnitIds!].sort()).toEqual(countyUnits.map((u) => u.id).sort());
  });
});

describe('a session', () => {
  it('costs one statement per request', async () => {
    const health = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/health', headers: cookie ? { cookie } : {} });
    const statementsOf = async (cookie?: string) => (await counter.during(() => health(cookie))).statements.length;
    // Health's own check of the latest migration is hand-written SQL, which Prisma does not count.
    expect(await statementsOf()).toBe(0);
    expect(await statementsOf(cookies.admin)).toBe(1);
    expect(await statementsOf(cookies.county)).toBe(1);
  });

  it('follows a changed role and a sign-out at once', async () => {
    const cookie = await t.login('staff2');
    cookies.staff2 = cookie;
    await t.db.prisma.user.update({ where: { username: 'staff2' }, data: { role: 'leader' } });
    const demoted = (await call<TCurrentUser>('staff2', 'GET', '/api/auth/me')).body;
    expect(demoted.role).toBe('leader');
    expect(demoted.permissions).not.toContain('comments:write');
    expect((await call('staff2', 'POST', `/api/tasks/${cityTask.id}/comments`, { body: '阅' })).status).toBe(403);
    await t.db.prisma.user.update({ where: { username: 'staff2' }, data: { role: 'unit_staff' } });

    expect((await call('staff2', 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await call('staff2', 'GET', '/api/auth/me')).status).toBe(401);
  });
});
