import type { TAssessmentImportResult, TAssessmentList, TAssessmentSheet } from '@reform/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerXlsx, multipartBody } from './fixtures/ledgers.ts';
import { scaledPoints } from '@reform/domain';
import { loadRankingFormula } from '../src/modules/rankings/load-ranking-formula.ts';
import { loadUnitYearToDateParts } from '../src/modules/rankings/load-unit-year-parts.ts';
import { buildTestApp, TEST_TODAY, unitIdsByName, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, number>;
const YEAR = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  for (const name of ['admin', 'county', 'staff', 'leader']) cookies[name] = await t.login(name);
  units = await unitIdsByName(t.db);
}, 120_000);
afterAll(() => t.close());

async function call<T>(user: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return { status: response.statusCode, body: (json ? response.json() : null) as T, raw: response };
}

/** The ranking indicator's points of a sheet (its year-to-date score scaled to 60 points). */
const rankingPoints = (sheet: TAssessmentSheet) => sheet.score.parts.find((p) => p.indicator === 'ranking')!.points;

const sheetUrl = (unitId: number, year = YEAR) => `/api/assessments/${year}/units/${unitId}`;

async function importScores(user: string, rows: (string | number | null)[][], year = YEAR, dryRun = false) {
  const file = await ledgerXlsx({ headers: ['单位', '第三方评估得分', '群众满意度得分'], rows });
  const { payload, headers } = multipartBody({ file: { filename: 'scores.xlsx', content: file } });
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/assessments/${year}/import${dryRun ? '?dryRun=true' : ''}`,
    headers: { ...headers, cookie: cookies[user]! },
    payload,
  });
  return { status: response.statusCode, body: response.json() as TAssessmentImportResult };
}

describe('score sheet', () => {
  it('adds a bonus linked to a typical case and evidence, caps the bonus, deducts, and sums exactly', async () => {
    const unitId = units['市科技局']!;
    const admin = await t.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const task = await t.db.prisma.task.findFirstOrThrow({ select: { id: true } });
    const evidence = await t.db.prisma.evidenceFile.create({
      data: { taskId: task.id, originalName: '省委改革办推广通知.pdf', storedName: 'assessment-test-1', mimeType: 'application/pdf', size: 10, sha256: 'x', uploadedById: admin.id },
    });
    const typical = await t.db.prisma.typicalCase.create({ data: { title: '科技金融改革经验', unitId, promotedLevel: 'province' } });
    const other = await t.db.prisma.typicalCase.create({ data: { title: '别的单位的案例', unitId: units['市发展改革委']! } });

    const third = await call<TAssessmentSheet>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'third_party', points: 9150, reason: '第三方评估机构年度评估' });
    expect(third.status).toBe(201);
    const bonus = await call<TAssessmentSheet>('admin', 'POST', `${sheetUrl(unitId)}/items`, {
      kind: 'bonus', points: 1500, reason: '经验被省委改革办推广', evidenceIds: [evidence.id], typicalCaseId: typical.id,
    });
    expect(bonus.status).toBe(201);
    expect(bonus.body.items.at(-1)).toMatchObject({ evidence: [{ id: evidence.id, name: '省委改革办推广通知.pdf' }], typicalCase: { id: typical.id } });
    await call('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'bonus', points: 800, reason: '试点获国家部委肯定' });
    const sheet = await call<TAssessmentSheet>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'deduction', points: 150, reason: '季度报告迟报两次' });
    // Base: ranking part R (checked against the ranking below) + third party 91.50 × 0.2 = 18.30 (satisfaction missing).
    // Bonus 15 + 8 = 23 → capped at 20; deduction 1.50. Total R + 18.30 + 20 − 1.50 = R + 36.80.
    const r = rankingPoints(sheet.body);
    expect(sheet.body.score).toMatchObject({ base: r + 1830, bonusClaimed: 2300, bonus: 2000, deductions: 150, total: r + 3680 });

    const wrongCase = await call<{ fields: { path: string }[] }>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'bonus', points: 100, reason: '错误关联', typicalCaseId: other.id });
    expect(wrongCase.status).toBe(400);
    expect(wrongCase.body.fields[0]!.path).toBe('typicalCaseId');
    const missingEvidence = await call<{ fields: { path: string }[] }>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'bonus', points: 100, reason: '无此材料', evidenceIds: [999999] });
    expect(missingEvidence.status).toBe(400);
    expect(missingEvidence.body.fields[0]!.path).toBe('evidenceIds');
    const secondThird = await call<{ fields: { path: string }[] }>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'third_party', points: 8000, reason: '重复录入' });
    expect(secondThird.status).toBe(400);
    expect(secondThird.body.fields[0]!.path).toBe('kind');
    const badPoints = await call<{ fields: { path: string }[] }>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'bonus', points: 0, reason: '零分' });
    expect(badPoints.status).toBe(400);
    expect(badPoints.body.fields[0]!.path).toBe('points');
  });

  it('edits and deletes with a version; a stale version answers 409; the audit log says it in words', async () => {
    const unitId = units['市发展改革委']!;
    const created = await call<TAssessmentSheet>('admin', 'POST', `${sheetUrl(unitId)}/items`, { kind: 'deduction', points: 200, reason: '节点逾期未说明' });
    const item = created.body.items[0]!;
    const edited = await call<TAssessmentSheet>('admin', 'PATCH', `${sheetUrl(unitId)}/items/${item.id}`, { version: item.version, points: 100 });
    expect(edited.status).toBe(200);
    expect(edited.body.score.deductions).toBe(100);
    const stale = await call<{ message: string }>('admin', 'PATCH', `${sheetUrl(unitId)}/items/${item.id}`, { version: item.version, points: 300 });
    expect(stale.status).toBe(409);
    const staleDelete = await call('admin', 'DELETE', `${sheetUrl(unitId)}/items/${item.id}`, { version: item.version });
    expect(staleDelete.status).toBe(409);
    const deleted = await call<TAssessmentSheet>('admin', 'DELETE', `${sheetUrl(unitId)}/items/${item.id}`, { version: item.version + 1 });
    expect(deleted.status).toBe(200);
    expect(deleted.body.items).toHaveLength(0);
    const audit = await t.db.prisma.auditLog.findMany({ where: { entity: 'assessment_item', entityId: String(item.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.stringify(audit[1]!.changes)).toContain('扣分 1.00 分：节点逾期未说明');
  });
});

describe('the ranking part', () => {
  it("is the ranking's own year-to-date parts (loadUnitYearToDateParts), scaled to 60 points", async () => {
    for (const name of ['市科技局', '嘉善县']) {
      const unitId = units[name]!;
      const parts = (await loadUnitYearToDateParts({ db: t.db }, unitId, YEAR, TEST_TODAY))!;
      const score = parts.reduce((sum, part) => sum + part.pointsHundredths, 0);
      const formula = await loadRankingFormula(t.db);
      const max = formula.indicators.reduce((sum, { weight }) => sum + Math.round(weight * 100), 0);
      const sheet = await call<TAssessmentSheet>('leader', 'GET', sheetUrl(unitId));
      const part = sheet.body.score.parts.find((p) => p.indicator === 'ranking')!;
      expect(part).toMatchObject({ raw: score, rawMax: max, points: scaledPoints(6000, score, max) });
      expect(sheet.body.rankingParts.map((p) => p.points)).toEqual(parts.map((p) => p.pointsHundredths));
    }
  });
});

describe('scope', () => {
  it('unit staff see only their own sheet; a county office its county; writes need assessment:manage', async () => {
    const staffList = await call<TAssessmentList>('staff', 'GET', `/api/assessments?year=${YEAR}&group=department`);
    expect(staffList.status).toBe(200);
    expect(staffList.body.rows.map((r) => r.unit.name)).toEqual(['市科技局']);
    expect((await call('staff', 'GET', sheetUrl(units['市科技局']!))).status).toBe(200);
    expect((await call('staff', 'GET', sheetUrl(units['市发展改革委']!))).status).toBe(404);
    expect((await call('staff', 'POST', `${sheetUrl(units['市科技局']!)}/items`, { kind: 'bonus', points: 100, reason: '自己加分' })).status).toBe(403);

    const countyList = await call<TAssessmentList>('county', 'GET', `/api/assessments?year=${YEAR}&group=county`);
    expect(countyList.body.rows.map((r) => r.unit.name)).toEqual(['嘉善县']);
    expect((await call<TAssessmentList>('county', 'GET', `/api/assessments?year=${YEAR}&group=department`)).body.rows).toEqual([]);
    expect((await call('county', 'GET', sheetUrl(units['平湖市']!))).status).toBe(404);

    const leaderList = await call<TAssessmentList>('leader', 'GET', `/api/assessments?year=${YEAR}&group=county`);
    expect(leaderList.body.rows.length).toBeGreaterThan(5);
    expect((await call('leader', 'POST', `/api/assessments/${YEAR}/finalise`)).status).toBe(403);
  });

  it('ranks by total with ties sharing a rank, departments apart from counties', async () => {
    const list = await call<TAssessmentList>('admin', 'GET', `/api/assessments?year=${YEAR}&group=department`);
    expect(list.body.rows.length).toBeGreaterThan(10);
    expect(list.body.rows.every((r) => r.unit.kind === 'department')).toBe(true);
    // Competition ranking: a unit's rank is 1 + the number of units with a higher total (equal totals share it).
    for (const row of list.body.rows) {
      expect(row.rank).toBe(1 + list.body.rows.filter((other) => other.score.total > row.score.total).length);
    }
    for (const row of list.body.rows) expect(row.score.total).toBe(row.score.base + row.score.bonus - row.score.deductions);
  });
});

describe('import', () => {
  it('reports problems per row and column and writes nothing; a clean file writes the scores', async () => {
    const bad = await importScores('admin', [
      ['市科技局', 88.5, 120],
      ['不存在的单位', 90, 90],
      ['平湖市', '八十', 95.255],
      ['市科技局', 80, 80],
    ]);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([
      { row: 2, column: '群众满意度得分', message: '“120”不是 0 至 100 之间、最多两位小数的分数' },
      { row: 3, column: '单位', message: '找不到被考评单位“不存在的单位”（应为市级部门或县市区的全称或简称）' },
      { row: 4, column: '第三方评估得分', message: '“八十”不是 0 至 100 之间、最多两位小数的分数' },
      { row: 4, column: '群众满意度得分', message: '“95.255”不是 0 至 100 之间、最多两位小数的分数' },
      { row: 5, column: '单位', message: '单位“市科技局”与第 2 行重复' },
    ]);
    expect(await t.db.prisma.assessmentItem.count({ where: { kind: 'satisfaction' } })).toBe(0);

    const preview = await importScores('admin', [['平湖市', 86.35, 92]], YEAR, true);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ imported: false, scores: 2, preview: [{ unitName: '平湖市', thirdParty: 8635, satisfaction: 9200 }] });

    const done = await importScores('admin', [['平湖市', 86.35, 92], ['市科技局', null, 95]]);
    expect(done.status).toBe(200);
    expect(done.body.imported).toBe(true);
    const sheet = await call<TAssessmentSheet>('admin', 'GET', sheetUrl(units['平湖市']!));
    // 86.35 × 0.2 = 17.27; 92 × 0.2 = 18.40; base R + 35.67.
    expect(sheet.body.score.base).toBe(rankingPoints(sheet.body) + 3567);
    // The third-party score entered by hand for 市科技局 stays; satisfaction 95 × 0.2 = 19.00 joins it.
    const tech = await call<TAssessmentSheet>('admin', 'GET', sheetUrl(units['市科技局']!));
    expect(tech.body.score.base).toBe(rankingPoints(tech.body) + 1830 + 1900);
  });

  it('refuses a file that is not a workbook (415) and unit staff (403)', async () => {
    const { payload, headers } = multipartBody({ file: { filename: 'x.xlsx', content: Buffer.from('not a workbook') } });
    const response = await t.app.inject({ method: 'POST', url: `/api/assessments/${YEAR}/import`, headers: { ...headers, cookie: cookies.admin! }, payload });
    expect(response.statusCode).toBe(415);
    expect((await importScores('staff', [['市科技局', 80, 80]])).status).toBe(403);
  });
});

describe('export', () => {
  it('exports the summary and the entries with the same figures', async () => {
    const response = await call('admin', 'GET', `/api/assessments/${YEAR}/export.xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.raw.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.worksheets[0]!;
    expect(summary.getRow(1).values).toContain('总分');
    const tech = summary.getRows(2, summary.rowCount)!.find((r) => r.getCell(2).value === '市科技局')!;
    const sheet = await call<TAssessmentSheet>('admin', 'GET', sheetUrl(units['市科技局']!));
    const total = rankingPoints(sheet.body) + 5580; // R + 18.30 + 19.00 + 20 − 1.50
    expect(Math.round((tech.getCell(10).value as number) * 100)).toBe(total);
    const list = await call<TAssessmentList>('admin', 'GET', `/api/assessments?year=${YEAR}&group=department`);
    expect(list.body.rows.find((r) => r.unit.name === '市科技局')!.score.total).toBe(total);
    expect(workbook.getWorksheet('考评条目')!.rowCount).toBeGreaterThan(4);
  });
});

describe('finalise', () => {
  it('of 20 finalisations sent at once exactly one wins; afterwards every write answers 409 in Chinese', async () => {
    const year = 2025;
    await call('admin', 'POST', `${sheetUrl(units['市科技局']!, year)}/items`, { kind: 'bonus', points: 500, reason: '上一年度加分' });
    const sheet = await call<TAssessmentSheet>('admin', 'GET', sheetUrl(units['市科技局']!, year));
    const item = sheet.body.items[0]!;
    const results = await Promise.all(Array.from({ length: 20 }, () => call('admin', 'POST', `/api/assessments/${year}/finalise`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);

    const locked = '2025 年度考评已由市委改革办定稿锁定，不能再修改。如确需更正，请联系市委改革办。';
    const writes = [
      await call<{ message: string }>('admin', 'POST', `${sheetUrl(units['市科技局']!, year)}/items`, { kind: 'bonus', points: 100, reason: '定稿后加分' }),
      await call<{ message: string }>('admin', 'PATCH', `${sheetUrl(units['市科技局']!, year)}/items/${item.id}`, { version: item.version, points: 100 }),
      await call<{ message: string }>('admin', 'DELETE', `${sheetUrl(units['市科技局']!, year)}/items/${item.id}`, { version: item.version }),
      await call<{ message: string }>('admin', 'POST', `/api/assessments/${year}/finalise`),
      { status: (await importScores('admin', [['市科技局', 80, 80]], year)).status, body: { message: locked } },
    ];
    for (const write of writes) {
      expect(write.status).toBe(409);
      expect(write.body.message).toBe(locked);
    }
    const list = await call<TAssessmentList>('leader', 'GET', `/api/assessments?year=${year}&group=department`);
    expect(list.body.finalised).toMatchObject({ by: '李明' });
    // The other year stays open.
    expect((await call('admin', 'POST', `${sheetUrl(units['市科技局']!)}/items`, { kind: 'bonus', points: 100, reason: '本年度仍可修改' })).status).toBe(201);
  });
});

describe('finalise against writes', () => {
  it('writes sent while the year is finalised either land before it or answer 409: nothing is written after', async () => {
    const year = 2024;
    const unitId = units['市科技局']!;
    const sends = [
      ...Array.from({ length: 8 }, (_, i) => call('admin', 'POST', `${sheetUrl(unitId, year)}/items`, { kind: 'deduction', points: 10 + i, reason: `并发扣分 ${i}` })),
      call('admin', 'POST', `/api/assessments/${year}/finalise`),
      ...Array.from({ length: 8 }, (_, i) => call('admin', 'POST', `${sheetUrl(unitId, year)}/items`, { kind: 'deduction', points: 20 + i, reason: `并发扣分 ${8 + i}` })),
    ];
    const results = await Promise.all(sends);
    const finalise = results[8]!;
    expect(finalise.status).toBe(200);
    const writes = results.filter((_, i) => i !== 8);
    expect(writes.every((w) => w.status === 201 || w.status === 409)).toBe(true);
    const stored = await t.db.prisma.assessmentItem.findMany({ where: { assessment: { year, unitId } } });
    expect(stored).toHaveLength(writes.filter((w) => w.status === 201).length);
    // And the year stays locked: a write now is refused.
    expect((await call('admin', 'POST', `${sheetUrl(unitId, year)}/items`, { kind: 'deduction', points: 5, reason: '定稿之后' })).status).toBe(409);
  });
});

describe('weights setting', () => {
  it('refuses weights that do not sum to 100 on the field; new weights rescore open years, never a finalised one', async () => {
    const bad = await call<{ fields: { path: string; message: string }[] }>('admin', 'PUT', '/api/settings/assessmentWeights', {
      version: 0,
      value: { ranking: 50, thirdParty: 20, satisfaction: 20, bonusCap: 20 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toEqual({ path: 'value.ranking', message: '三项基础指标分值合计应为 100 分（现为 90 分）' });

    const finalisedBefore = await call<TAssessmentList>('admin', 'GET', `/api/assessments?year=2025&group=department`);
    const saved = await call('admin', 'PUT', '/api/settings/assessmentWeights', { version: 0, value: { ranking: 50, thirdParty: 30, satisfaction: 20, bonusCap: 10 } });
    expect(saved.status).toBe(200);
    const sheet = await call<TAssessmentSheet>('admin', 'GET', sheetUrl(units['市科技局']!));
    // Third party 91.50 now worth 30: 91.50 × 0.3 = 27.45; the bonus is capped at 10.
    expect(sheet.body.score.parts.find((p) => p.indicator === 'thirdParty')!.points).toBe(2745);
    expect(sheet.body.score.bonus).toBeLessThanOrEqual(1000);
    const list = await call<TAssessmentList>('admin', 'GET', `/api/assessments?year=${YEAR}&group=department`);
    expect(list.body.formula).toContain('第三方评估折算 30.00 分');
    const finalisedAfter = await call<TAssessmentList>('admin', 'GET', `/api/assessments?year=2025&group=department`);
    expect(finalisedAfter.body).toEqual(finalisedBefore.body);
  });
});
