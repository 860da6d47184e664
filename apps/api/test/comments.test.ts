import type { TComment, TTaskListItem, TTodo } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let kejiju: number;

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[] } };
async function call<T>(username: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : (null as unknown as Reply<T>['body']) };
}

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff', 'leader']) cookies[username] = await t.login(username);
  kejiju = (await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } })).id;
});
afterAll(() => t.close());

describe('comments that mention a unit', () => {
  it('reach the mentioned unit’s to-do list, which can then open the task, until marked done', async () => {
    const foreign = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { not: kejiju }, cooperatingUnits: { none: { unitId: kejiju } } },
    });
    expect((await call('staff', 'GET', `/api/tasks/${foreign.id}`)).status).toBe(404);

    const posted = await call<TComment>('admin', 'POST', `/api/tasks/${foreign.id}/comments`, {
      body: '请市科技局提供科技金融相关配套政策的进展情况',
      mentionUnitIds: [kejiju],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.mentions).toEqual([{ unitId: kejiju, unitName: '市科技局', doneAt: null }]);

    const mentions = async () => (await call<TTodo[]>('staff', 'GET', '/api/todos')).body.filter((todo) => todo.kind === 'mention');
    expect(await mentions()).toEqual([
      expect.objectContaining({ commentId: posted.body.id, task: { id: foreign.id, code: foreign.code, title: foreign.title } }),
    ]);
    expect((await call('staff', 'GET', `/api/tasks/${foreign.id}`)).status).toBe(200);
    const thread = await call<TComment[]>('staff', 'GET', `/api/tasks/${foreign.id}/comments`);
    expect(thread.body.map((c) => c.body)).toContain('请市科技局提供科技金融相关配套政策的进展情况');

    expect((await call('staff', 'POST', `/api/todos/${posted.body.id}/done`)).status).toBe(204);
    expect(await mentions()).toEqual([]);
    expect((await call('staff', 'POST', `/api/todos/${posted.body.id}/done`)).status).toBe(404);
  });

  it('are found by the list’s keyword search', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await call('admin', 'POST', `/api/tasks/${task.id}/comments`, { body: '建议参照桐乡乌镇互联网医院经验' });
    const { body } = await call<{ items: TTaskListItem[] }>('admin', 'GET', `/api/tasks?q=${encodeURIComponent('乌镇互联网医院')}`);
    expect(body.items.map((item) => item.id)).toEqual([task.id]);
  });

  it('refuse an unknown unit, an empty body and leaders', async () => {
    const task = await t.db.prisma.task.findFirstOrThrow();
    const unknown = await call('admin', 'POST', `/api/tasks/${task.id}/comments`, { body: '请核实', mentionUnitIds: [999999] });
    expect(unknown.body.fields).toContainEqual({ path: 'mentionUnitIds', message: '提及的单位不存在' });
    const empty = await call('admin', 'POST', `/api/tasks/${task.id}/comments`, { body: '   ' });
    expect(empty.body.fields).toContainEqual({ path: 'body', message: '此项为必填项' });
    expect((await call('leader', 'POST', `/api/tasks/${task.id}/comments`, { body: '阅' })).status).toBe(403);
  });
});

describe('GET /api/units?assignable=mention&taskId=', () => {
  const namesOf = (nodes: { name: string; children: unknown[] }[]): string[] =>
    nodes.flatMap((node) => [node.name, ...namesOf(node.children as typeof nodes)]);

  it('offers staff only the units the server would let them mention on that task', async () => {
    const own = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: kejiju },
      include: { leadUnit: true, cooperatingUnits: { include: { unit: true } } },
    });
    const offered = await call<{ name: string; children: [] }[]>('staff', 'GET', `/api/units?assignable=mention&taskId=${own.id}`);
    expect(offered.status).toBe(200);
    const names = namesOf(offered.body);
    expect(names).toContain(own.leadUnit.name);
    for (const cooperating of own.cooperatingUnits) expect(names).toContain(cooperating.unit.name);
    expect(names).toContain('市委改革办');
    const all = await t.db.prisma.unit.count();
    expect(names.length).toBeLessThan(all);

    // Every unit offered is accepted by the comment endpoint; one not offered is refused.
    const units = await t.db.prisma.unit.findMany({ select: { id: true, name: true } });
    const notOffered = units.find((unit) => !names.includes(unit.name))!;
    const refused = await call('staff', 'POST', `/api/tasks/${own.id}/comments`, { body: '请协助', mentionUnitIds: [notOffered.id] });
    expect(refused.status).toBe(400);
    const offeredIds = units.filter((unit) => names.includes(unit.name)).map((unit) => unit.id);
    expect((await call('staff', 'POST', `/api/tasks/${own.id}/comments`, { body: '请协助', mentionUnitIds: offeredIds.slice(0, 5) })).status).toBe(201);
  });

  it('answers 404 for a task outside the user’s scope and 400 without a task', async () => {
    const foreign = await t.db.prisma.task.findFirstOrThrow({
      where: { leadUnitId: { not: kejiju }, units: { none: { unitId: kejiju } } },
    });
    expect((await call('staff', 'GET', `/api/units?assignable=mention&taskId=${foreign.id}`)).status).toBe(404);
    const missing = await call('staff', 'GET', '/api/units?assignable=mention');
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toContainEqual({ path: 'querystring.taskId', message: '请指定任务（taskId）' });
  });
});
