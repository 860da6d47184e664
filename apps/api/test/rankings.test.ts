import type { TRankingAppeal, TRankingResponse, TSetting } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const call = async <T = unknown>(username: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[username]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: response.json() as T };
};
const Q3 = { group: 'department', year: 2026, quarter: 3, yearToDate: false } as const;
const q3Url = '/api/rankings?group=department&year=2026&quarter=3';

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'staff2', 'leader']) cookies[username] = await t.login(username);
}, 120_000);
afterAll(async () => t?.close());

describe('rankings', () => {
  it('the office sees the live draft: every department, parts summing exactly to the score, each fact naming its task', async () => {
    const draft = await call<TRankingResponse>('admin', 'GET', `${q3Url}&draft=true`);
    expect(draft.status).toBe(200);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.rows.length).toBeGreaterThan(5);
    expect(draft.body.formula.indicators.length).toBeGreaterThan(0);
    for (const row of draft.body.rows) {
      expect(row.parts.reduce((sum, part) => sum + part.pointsHundredths, 0)).toBe(row.scoreHundredths);
      for (const part of row.parts) for (const fact of part.facts) expect(fact.taskId).toBeGreaterThan(0);
    }
    expect(draft.body.rows.some((row) => row.parts.some((part) => part.facts.length > 0))).toBe(true);
    const counties = await call<TRankingResponse>('admin', 'GET', '/api/rankings?group=county&year=2026&quarter=3&draft=true');
    const departmentIds = new Set(draft.body.rows.map((row) => row.unit.id));
    expect(counties.body.rows.length).toBeGreaterThan(3);
    expect(counties.body.rows.every((row) => !departmentIds.has(row.unit.id))).toBe(true);
    const ytd = await call<TRankingResponse>('admin', 'GET', `${q3Url}&ytd=true&draft=true`);
    expect(ytd.body.from).toBe('2026-01-01');
    expect(ytd.body.rows.some((row) => row.change !== null)).toBe(true);
  });

  it('an unpublished ranking is invisible to units and leaders; the leader may not publish', async () => {
    for (const username of ['staff', 'county', 'leader']) {
      const seen = await call<TRankingResponse>(username, 'GET', `${q3Url}&draft=true`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ status: 'published', version: null, rows: [] });
    }
    expect((await call('leader', 'POST', '/api/rankings/publish', { ...Q3, basedOn: 0 })).status).toBe(403);
    expect((await call('staff', 'POST', '/api/rankings/publish', { ...Q3, basedOn: 0 })).status).toBe(403);
  });

  it('20 publishes of the same state at once store one version; the others answer 409', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => call('admin', 'POST', '/api/rankings/publish', { ...Q3, basedOn: 0 })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    expect(await t.db.prisma.rankingVersion.count({ where: { group: 'department', year: 2026, quarter: 3, yearToDate: false } })).toBe(1);
  });

  it('a unit sees the published ranking: everyone’s scores, the facts of its own row only', async () => {
    const seen = await call<TRankingResponse>('staff', 'GET', q3Url);
    expect(seen.body).toMatchObject({ status: 'published', version: 1 });
    const own = seen.body.rows.find((row) => row.unit.id === seen.body.ownUnitId)!;
    expect(own.detail).toBe(true);
    for (const row of seen.body.rows) {
      expect(typeof row.score).toBe('number');
      if (row.unit.id !== own.unit.id) expect(row.detail === false && row.parts.every((part) => part.facts.length === 0)).toBe(true);
    }
    const leader = await call<TRankingResponse>('leader', 'GET', q3Url);
    expect(leader.body.rows.every((row) => row.detail)).toBe(true);
  });

  it('an accepted appeal publishes a new version and keeps the old one; a refusal needs a reason', async () => {
    const seen = await call<TRankingResponse>('staff', 'GET', q3Url);
    const own = seen.body.rows.find((row) => row.unit.id === seen.body.ownUnitId)!;
    const fact = own.parts.flatMap((part) => part.facts).find((f) => !f.met) ?? own.parts.flatMap((part) => part.facts)[0]!;
    const other = seen.body.rows.find((row) => row.unit.id !== own.unit.id)!;
    // Not a fact of one's own row.
    expect((await call('staff', 'POST', '/api/rankings/appeals', { ...Q3, version: 1, factKey: 'milestone:1:onTime', reason: '不是本单位的事实' })).status).toBe(400);
    expect(other.detail).toBe(false);

    const appeal = await call<TRankingAppeal>('staff', 'POST', '/api/rankings/appeals', { ...Q3, version: 1, factKey: fact.key, reason: '该节点已按期完成，系录入延误' });
    expect(appeal.status).toBe(201);
    expect((await call('staff', 'POST', '/api/rankings/appeals', { ...Q3, version: 1, factKey: fact.key, reason: '再次申诉同一事实' })).status).toBe(409);
    expect((await call('leader', 'POST', `/api/rankings/appeals/${appeal.body.id}/decision`, { decision: 'accept', override: 'exclude', version: 1 })).status).toBe(403);
    expect((await call('staff', 'POST', `/api/rankings/appeals/${appeal.body.id}/decision`, { decision: 'accept', override: 'exclude', version: 1 })).status).toBe(403);
    expect((await call('admin', 'POST', `/api/rankings/appeals/${appeal.body.id}/decision`, { decision: 'refuse', reason: '', version: 1 })).status).toBe(400);

    const before = await t.db.prisma.rankingVersion.findFirstOrThrow({ where: { group: 'department', year: 2026, quarter: 3, yearToDate: false, number: 1 } });
    const accepted = await call<TRankingAppeal>('admin', 'POST', `/api/rankings/appeals/${appeal.body.id}/decision`, { decision: 'accept', override: 'exclude', reason: '核实属实', version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', override: 'exclude' });
    // Deciding twice: 409.
    expect((await call('admin', 'POST', `/api/rankings/appeals/${appeal.body.id}/decision`, { decision: 'refuse', reason: '再次处理', version: 2 })).status).toBe(409);

    const after = await call<TRankingResponse>('staff', 'GET', q3Url);
    expect(after.body.version).toBe(2);
    expect(after.body.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(after.body.versions[0]!.note).toContain('申诉');
    const part = after.body.rows.find((row) => row.unit.id === own.unit.id)!.parts.find((p) => p.facts.some((f) => f.key === fact.key))!;
    expect(part.facts.find((f) => f.key === fact.key)!.override).toBe('exclude');
    // The first version is exactly as it was published.
    const kept = await t.db.prisma.rankingVersion.findFirstOrThrow({ where: { id: before.id } });
    expect(kept.rows).toEqual(before.rows);
    const v1 = await call<TRankingResponse>('staff', 'GET', `${q3Url}&version=1`);
    expect(v1.body.rows.find((row) => row.unit.id === own.unit.id)!.parts.flatMap((p) => p.facts).find((f) => f.key === fact.key)!.override).toBeUndefined();

    const audit = await t.db.prisma.auditLog.findMany({ where: { entity: 'ranking_appeal', entityId: String(appeal.body.id) } });
    expect(audit.map((a) => a.action).sort()).toEqual(['accept', 'create']);
    const mine = await call<{ items: TRankingAppeal[] }>('staff', 'GET', '/api/rankings/appeals');
    expect(mine.body.items.map((a) => a.id)).toContain(appeal.body.id);
    const others = await call<{ items: TRankingAppeal[] }>('staff2', 'GET', '/api/rankings/appeals');
    expect(others.body.items.map((a) => a.id)).not.toContain(appeal.body.id);
  });

  it('the formula setting is validated field by field, versioned and audited', async () => {
    const settings = await call<TSetting[]>('admin', 'GET', '/api/settings');
    const formula = settings.body.find((s) => s.key === 'rankingFormula')!;
    expect(formula.version).toBe(0);
    const negative = await call<{ fields: Array<{ path: string; message: string }> }>('admin', 'PUT', '/api/settings/rankingFormula', {
      version: 0,
      value: { indicators: [{ indicator: 'completion', weight: -1 }], overdueDeduction: 2, tieBreak: 'shared' },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.fields).toContainEqual({ path: 'value.indicators.0.weight', message: '权重不能为负数' });
    const none = await call<{ fields: Array<{ path: string; message: string }> }>('admin', 'PUT', '/api/settings/rankingFormula', {
      version: 0,
      value: { indicators: [], overdueDeduction: 2, tieBreak: 'shared' },
    });
    expect(none.body.fields).toContainEqual({ path: 'value.indicators', message: '至少选择一项指标' });
    const value = { indicators: [{ indicator: 'completion', weight: 60 }, { indicator: 'onTimeMilestones', weight: 40 }], overdueDeduction: 1.5, tieBreak: 'shared' };
    expect((await call('admin', 'PUT', '/api/settings/rankingFormula', { version: 0, value })).status).toBe(200);
    expect((await call('admin', 'PUT', '/api/settings/rankingFormula', { version: 0, value })).status).toBe(409);
    expect((await call('leader', 'PUT', '/api/settings/rankingFormula', { version: 1, value })).status).toBe(403);
    expect(await t.db.prisma.auditLog.count({ where: { entity: 'setting', entityId: 'rankingFormula' } })).toBe(1);
    const draft = await call<TRankingResponse>('admin', 'GET', `${q3Url}&draft=true`);
    expect(draft.body.formula).toEqual(value);
    expect(draft.body.rows[0]!.parts.map((p) => p.indicator)).toEqual(['completion', 'onTimeMilestones', 'overdueItems']);
    // A published version keeps the formula it was published with.
    expect((await call<TRankingResponse>('staff', 'GET', q3Url)).body.formula).not.toEqual(value);
  });
});
