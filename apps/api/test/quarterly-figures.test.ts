import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rankingGroups, type TDashboard, type TQuarterlyReportOverview, type TRankingResponse } from '@reform/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeText, figureText } from '../src/modules/quarterly-reports/load-figure-sections.ts';
import { partFactText, pointsText } from '../src/modules/quarterly-reports/load-ranking-sections.ts';
import { seedScale } from '@reform/seeds';
import { PROGRESS_DETAIL_LIMIT } from '../src/modules/quarterly-reports/report-content.ts';
import { buildTestApp, TEST_TODAY, unitIdsByName, type TestApp } from './helpers.ts';

// Every number of the report's summary and ranking sections, in the PDF (pdftotext, content order)
// and in the Word document (its text runs), equals the dashboard's and the rankings' numbers for the
// same quarter and scope, fetched from GET /api/dashboard and GET /api/rankings.

let t: TestApp;
let cookie: string;
let quarters: string[];
const work = mkdtempSync(join(tmpdir(), 'quarterly-figures-'));

beforeAll(async () => {
  t = await buildTestApp();
  cookie = await t.login('admin');
  const overview = (await get('/api/quarterly-reports')).json<TQuarterlyReportOverview>();
  quarters = overview.quarters.map((q) => q.key);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

type Get = (url: string) => Promise<LightMyRequestResponse>;
const getter = (app: TestApp, session: string): Get => (url) => app.app.inject({ method: 'GET', url, headers: { cookie: session } });
const get: Get = (url) => getter(t, cookie)(url);

/** The numbers of a text, in order (page footers taken out). */
const numbersOf = (text: string) => text.replace(/第 \d+ 页 共 \d+ 页/g, '').match(/[+-]?\d+(?:\.\d+)?%?/g) ?? [];

/** The text between a section's heading (its last occurrence: the first is the contents) and the next one. */
function section(text: string, from: string, to: string): string {
  const start = text.lastIndexOf(from);
  const end = text.indexOf(to, start);
  expect(start, from).toBeGreaterThanOrEqual(0);
  return text.slice(start, end < 0 ? undefined : end);
}

/** What the summary's two tables must show: the dashboard's figures per list with their change, then every figure against the previous quarter. */
function expectedSummary(dashboard: TDashboard): string[] {
  const parts = [
    ...dashboard.byList.flatMap((row) => [...row.figures.map(figureText), ...row.figures.map(changeText)]),
    ...dashboard.figures.flatMap((f) => [figureText(f), figureText({ kind: f.kind, value: f.previous }), changeText(f), f.definition]),
  ];
  return numbersOf(parts.join(' '));
}

function expectedRanking(ranking: TRankingResponse): string[] {
  if (ranking.rows.length === 0) return [];
  const text = [
    ranking.from,
    ranking.asOf,
    ranking.status === 'published' ? `${ranking.version} ${ranking.versions.find((v) => v.number === ranking.version)?.publishedAt.slice(0, 10)}` : '',
    ranking.definitions.map((d) => d.definition).join(' '),
    ranking.tieBreak,
    ...ranking.rows.flatMap((row) => [
      String(row.rank),
      row.unit.name,
      pointsText(row.score),
      ...row.parts.flatMap((part) => [pointsText(part.points), partFactText(part)]),
      row.change === null ? '' : String(Math.abs(row.change)),
    ]),
  ];
  return numbersOf(text.join(' '));
}

function pdfText(pdf: Buffer): string {
  const path = join(work, 'report.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function docxText(docx: Buffer): string {
  const path = join(work, 'report.docx');
  writeFileSync(path, docx);
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

/** Generates both documents for the quarter and scope, and compares their summary and ranking numbers; returns the PDF's text. */
async function compare(quarter: string, scope: string, dashboardQuery: string, via: Get = get): Promise<string> {
  const get = via;
  const [year, q] = quarter.split('-Q').map(Number);
  const dashboard = (await get(`/api/dashboard?year=${year}&quarter=${q}${dashboardQuery}`)).json<TDashboard>();
  const rankings = await Promise.all(
    rankingGroups.map(async (group) => (await get(`/api/rankings?year=${year}&quarter=${q}&group=${group}`)).json<TRankingResponse>()),
  );
  // Both documents are generated at once (the worker pool has room for both).
  const formats = ['pdf', 'docx'] as const;
  const responses = await Promise.all(formats.map((format) => get(`/api/quarterly-reports/${quarter}.${format}?scope=${scope}`)));
  let pdf = '';
  for (const [at, format] of formats.entries()) {
    const response = responses[at]!;
    expect(response.statusCode, `${quarter} ${format}: ${response.body.slice(0, 200)}`).toBe(200);
    const text = format === 'pdf' ? pdfText(response.rawPayload) : docxText(response.rawPayload);
    if (format === 'pdf') pdf = text;
    const summary = section(text, '一、总体情况', '二、红灯、黄灯任务');
    const tables = summary.slice(summary.indexOf('清单'));
    expect(numbersOf(tables), `${quarter} ${scope} ${format} summary`).toEqual(expectedSummary(dashboard));
    const ranking = section(text, '三、晾晒比拼', '四、各项任务季度进展');
    const groups = [section(ranking, '（一）市级部门排名', '（二）'), section(ranking, '（二）县（市、区）排名', '四、')];
    groups.forEach((body, at) => expect(numbersOf(body.replace(/^（[一二]）/, '')), `${quarter} ${format} ranking ${at}`).toEqual(expectedRanking(rankings[at]!)));
  }
  return pdf;
}

describe('the quarterly report prints the dashboard’s and the rankings’ numbers', () => {
  // Every quarter on the embedded database (the default run); on PostgreSQL, whose facts reach the
  // same code by the same queries, the latest four (the list is newest first), to keep CI within budget.
  it('for every quarter of the demo data, the whole city', async () => {
    expect(quarters.length).toBeGreaterThan(0);
    const checked = t.db.kind === 'pglite' ? quarters : quarters.slice(0, 4);
    for (const quarter of checked) await compare(quarter, 'city', '');
  }, 1_800_000);

  it('for a county and a special group', async () => {
    const units = await unitIdsByName(t.db);
    await compare(quarters[1]!, `county:${units['嘉善县']}`, `&countyId=${units['嘉善县']}`);
    await compare(quarters[1]!, `group:${units['经济体制改革专项小组']}`, `&specialGroupId=${units['经济体制改革专项小组']}`);
  }, 600_000);
});

describe('on a scale dataset (seedScale, more tasks than the progress section prints one by one)', () => {
  let scale: TestApp;
  beforeAll(async () => {
    scale = await buildTestApp({ seed: false });
    await seedScale(scale.db.prisma, { tasks: PROGRESS_DETAIL_LIMIT + 100, today: TEST_TODAY });
  }, 120_000);
  afterAll(() => scale?.close());

  it('the whole city’s latest quarter: the same numbers, the progress section summed up per unit', async () => {
    const via = getter(scale, await scale.login('admin'));
    const overview = (await via('/api/quarterly-reports')).json<TQuarterlyReportOverview>();
    const pdf = await compare(overview.quarters[0]!.key, 'city', '', via);
    const progress = section(pdf, '四、各项任务季度进展', '五、督察整改');
    expect(progress).toContain(`超过 ${PROGRESS_DETAIL_LIMIT} 项`);
    expect(progress).toContain('（一）各牵头单位汇总');
  }, 300_000);
});
