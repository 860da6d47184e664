import { readdirSync } from 'node:fs';
import { defaultMigrationsDir } from '@reform/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, sessionCookieOf, type TestApp } from './helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('POST /api/auth/login', () => {
  it('signs in with the demo password and sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Reform@2026' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'admin', role: 'admin', unit: { name: '市委改革办' } });
    const cookie = response.cookies.find((c) => c.name === 'reform_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('gives a session that outlives the request even though the app’s date is pinned in the past', async () => {
    // The test app's business date is 2026-11-20; the cookie must follow the wall clock.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Reform@2026' },
    });
    const cookie = response.cookies.find((c) => c.name === 'reform_sid');
    expect(cookie?.expires?.getTime()).toBeGreaterThan(Date.now() + 3_600_000);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrongPassword = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'nope' },
    });
    const unknownUser = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'Reform@2026' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    expect(wrongPassword.json().message).toBe('用户名或密码错误');
    expect(unknownUser.json().message).toBe(wrongPassword.json().message);
    expect(wrongPassword.cookies).toHaveLength(0);
  });

  it('rejects unknown fields and missing ones with field-level messages, in Chinese by default', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', role: 'admin' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('BAD_REQUEST');
    expect(body.fields).toEqual(
      expect.arrayContaining([
        { path: 'username', message: '请输入用户名' },
        { path: 'password', message: '请输入密码' },
        { path: 'role', message: '不允许的字段“role”' },
      ]),
    );
  });

  it('answers in English when asked to', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'admin' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      message: 'Some fields are invalid',
      fields: [{ path: 'password', message: 'Enter the password' }],
    });
  });

  it('answers 400 for a body that is not JSON and 415 for an unsupported content type', async () => {
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().message).toBe('请求内容不是有效的 JSON');
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'admin',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', requestId: expect.any(String) });
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers 401 without a session and the user with one', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().message).toBe('请先登录');
    const cookie = await t.login('county');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'county', role: 'county_office', unit: { name: '嘉善县委改革办' } });
  });

  it('logout ends the session on the server, so the old cookie no longer works', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: 'Reform@2026' },
    });
    const cookie = sessionCookieOf(login);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const cookie = await t.login('staff');
    const token = cookie.split('=')[1]!;
    expect(await t.db.prisma.session.count({ where: { id: token } })).toBe(0);
  });
});

describe('system', () => {
  it('GET /api/health reports the database and the latest migration', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({
      status: 'ok',
      database: t.db.kind,
      migration: readdirSync(defaultMigrationsDir).filter((name) => name.endsWith('.sql')).sort().at(-1),
    });
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/tasks/', '/api/tasks/{id}', '/api/auth/login', '/api/units/']),
    );
  });

  it('answers an unexpected failure with 500 and a request id, never the stack or the SQL', async () => {
    const cookie = await t.login('admin');
    const failure = vi
      .spyOn(t.db.prisma.unit, 'findMany')
      .mockRejectedValueOnce(new Error('relation "unit" does not exist: SELECT * FROM "unit"'));
    const response = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie } });
    failure.mockRestore();
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body).toEqual({ statusCode: 500, code: 'INTERNAL', message: '服务器内部错误，请稍后重试', requestId: response.headers['x-request-id'] });
    expect(response.body).not.toMatch(/SELECT|relation|at .*\.ts/);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND', message: '接口不存在' });
  });
});
