import type { TSetting, TTaskDetail } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

type Reply<T> = { status: number; body: T & { fields?: { path: string; message: string }[] } };
async function call<T>(username: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown): Promise<Reply<T>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload ? { payload: payload as object } : {}) });
  return { status: response.statusCode, body: response.json() };
}
const setting = async (key: string) => (await call<TSetting[]>('admin', 'GET', '/api/settings')).body.find((s) => s.key === key)!;

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'leader']) cookies[username] = await t.login(username);
});
afterAll(() => t.close());

describe('reform-office settings', () => {
  it('shows every setting with its effective value, to the reform office only', async () => {
    const { body } = await call<TSetting[]>('admin', 'GET', '/api/settings');
    expect(body.map((s) => s.key)).toEqual(['lights', 'reports', 'taskCode', 'phaseTemplates', 'workCalendar', 'rankingFormula', 'reminders', 'assessmentWeights']);
    expect(body.find((s) => s.key === 'reminders')).toEqual({ key: 'reminders', value: { daysBefore: 3 }, version: 0 });
    expect(body.find((s) => s.key === 'taskCode')?.value).toEqual({
      pattern: '{list}-{year}-{seq:3}',
      prefixes: { mandate: 'ZD', pilot: 'SD', innovation: 'CX' },
    });
    expect((await call('county', 'GET', '/api/settings')).status).toBe(403);
    expect((await call('leader', 'GET', '/api/settings')).status).toBe(403);
  });

  it('changes the yellow threshold, which recomputes the lights, and refuses a stale version', async () => {
    const lights = await setting('lights');
    const before = await t.db.prisma.task.count({ where: { light: 'yellow' } });
    const saved = await call<TSetting>('admin', 'PUT', '/api/settings/lights', { version: lights.version, value: { yellowWithinDays: 60 } });
    expect(saved.status).toBe(200);
    await call('admin', 'GET', '/api/tasks');
    expect(await t.db.prisma.task.count({ where: { light: 'yellow' } })).toBeGreaterThan(before);
    const stale = await call('admin', 'PUT', '/api/settings/lights', { version: lights.version, value: { yellowWithinDays: 7 } });
    expect(stale.status).toBe(409);
    const bad = await call('admin', 'PUT', '/api/settings/lights', { version: saved.body.version, value: { yellowWithinDays: 400 } });
    expect(bad.body.fields).toEqual([{ path: 'value.yellowWithinDays', message: '应为 0 至 90 天' }]);
  });

  it('changes the code pattern used for new tasks, refusing one without a sequence number', async () => {
    const code = await setting('taskCode');
    const bad = await call('admin', 'PUT', '/api/settings/taskCode', {
      version: code.version,
      value: { pattern: '{list}-{year}', prefixes: { mandate: 'ZD', pilot: 'SD', innovation: 'CX' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.[0]?.path).toBe('value.pattern');
    const saved = await call('admin', 'PUT', '/api/settings/taskCode', {
      version: code.version,
      value: { pattern: '嘉改{list}〔{year}〕{seq:2}号', prefixes: { mandate: 'ZD', pilot: 'SD', innovation: 'CX' } },
    });
    expect(saved.status).toBe(200);
    const unit = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '市科技局' } });
    const created = await call<TTaskDetail>('admin', 'POST', '/api/tasks', {
      list: 'innovation',
      title: '科技特派员制度创新',
      field: '科技创新',
      level: 'city',
      priority: 'normal',
      year: 2027,
      startDate: '2027-01-04',
      deadline: '2027-12-31',
      leadUnitId: unit.id,
      milestones: [{ name: '总结评估验收', dueDate: '2027-12-31' }],
    });
    expect(created.body.code).toBe('嘉改CX〔2027〕01号');
  });
});
