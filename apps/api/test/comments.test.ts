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

    const todos = await call<TTodo[]>('staff', 'GET', '/api/todos');
    expect(todos.body).toEqual([
      expect.objectContaining({ commentId: posted.body.id, task: { id: foreign.id, code: foreign.code, title: foreign.title } }),
    ]);
    expect((await call('staff', 'GET', `/api/tasks/${foreign.id}`)).status).toBe(200);
    const thread = await call<TComment[]>('staff', 'GET', `/api/tasks/${foreign.id}/comments`);
    expect(thread.body.map((c) => c.body)).toContain('请市科技局提供科技金融相关配套政策的进展情况');

    expect((await call('staff', 'POST', `/api/todos/${posted.body.id}/done`)).status).toBe(204);
    expect((await call<TTodo[]>('staff', 'GET', '/api/todos')).body).toEqual([]);
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
