import type { TUnitNode } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

const flatten = (nodes: TUnitNode[]): TUnitNode[] => nodes.flatMap((node) => [node, ...flatten(node.children)]);

describe('GET /api/units?assignable=lead', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const get = async (username: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(username) } });

  it('offers a county office only the units of its county, each of which it may then save as lead unit', async () => {
    const response = await get('county', '/api/units?assignable=lead');
    expect(response.statusCode).toBe(200);
    const offered = flatten(response.json());
    const county = await t.db.prisma.unit.findFirstOrThrow({ where: { name: '嘉善县' } });
    const inCounty = await t.db.prisma.unit.findMany({ where: { path: { startsWith: county.path } } });
    expect(offered.map((unit) => unit.id).sort()).toEqual(inCounty.map((unit) => unit.id).sort());
    expect(response.json()).toHaveLength(1);
    expect(offered.some((unit) => unit.name === '市科技局')).toBe(false);
  });

  it('offers the reform office the whole tree, and unit staff and the leader nothing', async () => {
    const all = flatten((await get('admin', '/api/units')).json());
    expect(flatten((await get('admin', '/api/units?assignable=lead')).json())).toHaveLength(all.length);
    expect((await get('staff', '/api/units?assignable=lead')).json()).toEqual([]);
    expect((await get('leader', '/api/units?assignable=lead')).json()).toEqual([]);
  });

  it('refuses an unknown filter with a field message', async () => {
    const response = await get('county', '/api/units?assignable=anything');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'querystring.assignable', message: 'assignable 只能为 lead 或 mention' }]);
  });
});
