import { messages } from '@reform/contracts';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../src/plugins/error-handler.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

/**
 * Values the database cannot store or a column cannot hold, sent where users type: each is a 400
 * with a message on the field, never a 500, and the one embedded connection survives for everyone.
 */
let t: TestApp;
const cookies: Record<string, string> = {};
let task: { id: number; version: number };

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'staff']) cookies[username] = await t.login(username);
  const row = await t.db.prisma.task.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'asc' } });
  task = { id: row.id, version: row.version };
});
afterAll(() => t.close());

function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, cookie: string | null = cookies.admin!) {
  return t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
}

const bystanderSees = async () => (await send('GET', '/api/tasks', undefined, cookies.staff!)).statusCode;

describe('text the database cannot store', () => {
  it('a NUL byte in the username of a sign-in is a 400 on the field, and other users go on working', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await send('POST', '/api/auth/login', { username: 'x\u0000', password: 'x' }, null);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ path: 'username', message: messages.textUnstorable.zh }]);
      expect(await bystanderSees()).toBe(200);
    }
  });

  it('a lone surrogate in a status change’s reason is a 400 on the reason, and the task is unchanged', async () => {
    const response = await send('POST', `/api/tasks/${task.id}/status`, { status: 'suspended', reason: '资金未到位\ud800', version: task.version });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'reason', message: messages.textUnstorable.zh }]);
    expect((await t.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('active');
  });

  it('a lone surrogate or a NUL in a milestone name is a 400 on that milestone', async () => {
    for (const name of ['方案起草\udc00', '方案\u0000起草']) {
      const response = await send('PUT', `/api/tasks/${task.id}/milestones`, {
        version: task.version,
        milestones: [{ name, dueDate: '2026-12-31' }],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ path: 'milestones.0.name', message: messages.textUnstorable.zh }]);
    }
  });

  it('a NUL in a query value or a route parameter is a 400', async () => {
    const query = await send('GET', `/api/tasks?q=${encodeURIComponent('改革\u0000')}`);
    expect(query.statusCode).toBe(400);
    expect(query.json().fields).toEqual([{ path: 'querystring.q', message: messages.textUnstorable.zh }]);
    const setting = await send('PUT', `/api/settings/${encodeURIComponent('lights\u0000')}`, { version: 1, value: {} });
    expect(setting.statusCode).toBe(400);
    expect(await bystanderSees()).toBe(200);
  });

  it('a NUL in a setting’s text is a 400 and the setting is unchanged', async () => {
    const before = await t.db.prisma.setting.findUnique({ where: { key: 'taskCode' } });
    const value = { pattern: '{prefix}-{year}\u0000', prefixes: { mandate: 'ZD', pilot: 'SD', innovation: 'CX' } };
    const response = await send('PUT', '/api/settings/taskCode', { version: before?.version ?? 0, value });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().fields ?? response.json().message)).toContain(messages.textUnstorable.zh);
    expect(await t.db.prisma.setting.findUnique({ where: { key: 'taskCode' } })).toEqual(before);
  });
});

describe('integers past what the database holds (int4)', () => {
  it('an id above 2,147,483,647 in the path is a 400 on the id, and other users go on working', async () => {
    for (const id of ['2147483648', '99999999999999999999', '0', '-1', '1.5']) {
      const response = await send('GET', `/api/tasks/${id}`);
      expect(response.statusCode, id).toBe(400);
      expect(response.json().fields[0]).toEqual({ path: 'params.id', message: messages.id.zh });
    }
    expect((await send('GET', '/api/tasks/2147483647')).statusCode).toBe(404);
    expect(await bystanderSees()).toBe(200);
  });

  it('a unitId filter above int4 is a 400 on the filter', async () => {
    const response = await send('GET', '/api/tasks?unitId=2147483648');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'querystring.unitId', message: messages.id.zh }]);
  });

  it('a version or a unit id above int4 in a body is a 400 on that field', async () => {
    const version = await send('PATCH', `/api/tasks/${task.id}`, { title: '新的任务名称', version: 2_147_483_648 });
    expect(version.statusCode).toBe(400);
    expect(version.json().fields).toEqual([{ path: 'version', message: messages.versionInvalid.zh }]);
    const unit = await send('PATCH', `/api/tasks/${task.id}`, { leadUnitId: 2_147_483_648, version: task.version });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().fields).toEqual([{ path: 'leadUnitId', message: messages.id.zh }]);
    const page = await send('GET', '/api/tasks?page=2147483648');
    expect(page.statusCode).toBe(400);
  });
});

describe('the ledger upload', () => {
  const boundary = 'reform-hostile';
  const part = (name: string, value: string, filename?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`;
  const upload = (body: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ledger/import?dryRun=true',
      headers: { cookie: cookies.admin!, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });

  it('answers two files with 400, over a few parts with 413 and a broken form with 400', async () => {
    const two = await upload(`${part('file', 'PK', 'a.xlsx')}${part('file', 'PK', 'b.xlsx')}--${boundary}--\r\n`);
    expect(two.statusCode).toBe(400);
    expect(two.json().fields).toEqual([{ path: 'file', message: '每次只能上传一个文件' }]);
    const many = await upload(`${Array.from({ length: 1_001 }, (_, i) => part(`f${i}`, 'x')).join('')}--${boundary}--\r\n`);
    expect(many.statusCode).toBe(413);
    expect(many.json().message).toBe('表单内容过多，请只提交文件和所需的字段');
    const truncated = await upload(part('file', 'PK\u0003\u0004', 'a.xlsx').slice(0, -10));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json().message).toBe('上传的表单不完整或格式有误，请重新提交');
    expect(await bystanderSees()).toBe(200);
  });
});

describe('the error handler’s safety net', () => {
  it('answers a value the database refuses (SQLSTATE class 22) with 400, not 500', async () => {
    const app = Fastify();
    await app.register(errorHandler);
    app.get('/nul', async () => t.db.prisma.unit.findFirst({ where: { name: 'x\u0000' } }));
    const response = await app.inject({ method: 'GET', url: '/nul' });
    await app.close();
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容含有无法保存的字符或超出范围的数字，请检查后重试' });
    // No bystander check here: on the embedded database a NUL that reaches it still ends the one
    // connection, which is why the contracts refuse it before any query runs.
  });
});
