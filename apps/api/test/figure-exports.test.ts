import type { TDashboard, TRankingResponse } from '@reform/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
}, 120_000);
afterAll(async () => t?.close());

const get = (username: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
const json = async <T>(username: string, url: string) => {
  const response = await get(username, url);
  expect(response.statusCode, url).toBe(200);
  return response.json() as T;
};
type Row = Array<string | number | null>;
/** The sheet's rows below its header, cells as values (empty cells as null). */
async function sheetRows(username: string, url: string, name: string): Promise<Row[]> {
  const response = await get(username, url);
  expect(response.statusCode, url).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const rows: Row[] = [];
  sheet!.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    // Empty cells are holes in `values` (and absent at a row's end): read them as null.
    rows.push(Array.from({ length: sheet!.columnCount }, (_, i) => (row.getCell(i + 1).value ?? null) as string | number | null));
  });
  return rows;
}

const periods: string[] = [];
for (let year = 2023; year <= 2026; year++) {
  for (let quarter = 1; quarter <= 4; quarter++) periods.push(`year=${year}&quarter=${quarter}`);
  periods.push(`year=${year}`);
}

describe('the dashboard, its Excel export and the ranking agree', () => {
  it('the dashboard export holds the same figures as the page, for every quarter of the demo data and the years to date', async () => {
    for (const period of periods) {
      const dashboard = await json<TDashboard>('admin', `/api/dashboard?${period}`);
      const figures = await sheetRows('admin', `/api/dashboard/export.xlsx?${period}`, '指标');
      expect(figures.map((row) => row[0])).toEqual(dashboard.figures.map((f) => f.label));
      dashboard.figures.forEach((figure, i) => {
        const byList = (['mandate', 'pilot', 'innovation'] as const).map(
          (list) => dashboard.byList.find((entry) => entry.list === list)?.figures.find((f) => f.key === figure.key)?.value ?? null,
        );
        const [, , value, mandate, pilot, innovation, numerator, denominator, previous, change, taskCount, definition] = figures[i]!;
        expect([value, mandate, pilot, innovation], `${period} ${figure.key}`).toEqual([figure.value, ...byList]);
        const rest = ['numerator', 'denominator', 'previous', 'change', 'taskCount', 'definition'] as const;
        expect([numerator, denominator, previous, change, taskCount, definition]).toEqual(rest.map((key) => figure[key]));
      });
      const trend = await sheetRows('admin', `/api/dashboard/export.xlsx?${period}`, '近8季度趋势');
      // Every field of a trend row but its key, in the answer's order.
      expect(trend).toEqual(dashboard.trend.map(({ period: _key, ...row }) => Object.values(row)));
    }
  }, 900_000);

  it('the ranking export holds the page’s ranks, scores and every part, and the parts are the dashboard’s figures of each unit', async () => {
    for (const group of ['department', 'county']) {
      for (const period of ['year=2026&quarter=3', 'year=2026&quarter=3&ytd=true', 'year=2025&quarter=4']) {
        const url = `group=${group}&${period}&draft=true`;
        const ranking = await json<TRankingResponse>('admin', `/api/rankings?${url}`);
        expect(ranking.rows.length).toBeGreaterThan(0);
        const rows = await sheetRows('admin', `/api/rankings/export.xlsx?${url}`, '排名');
        expect(rows).toEqual(
          ranking.rows.map((row) => [
            row.rank,
            row.unit.name,
            row.score,
            row.change,
            ...ranking.definitions.flatMap((d) => {
              const part = row.parts.find((p) => p.indicator === d.indicator);
              return [part?.value ?? null, part?.points ?? null];
            }),
          ]),
        );
        const facts = await sheetRows('admin', `/api/rankings/export.xlsx?${url}`, '计分事实');
        expect(facts.length).toBe(ranking.rows.reduce((n, row) => n + row.parts.reduce((m, part) => m + part.facts.length, 0), 0));
      }
    }
    // The on-time milestone part of a department is the dashboard's on-time rate for the tasks it leads.
    const ranking = await json<TRankingResponse>('admin', '/api/rankings?group=department&year=2026&quarter=3&draft=true');
    let compared = 0;
    for (const row of ranking.rows) {
      const part = row.parts.find((p) => p.indicator === 'onTimeMilestones')!;
      if (part.facts.some((fact) => fact.override)) continue;
      const dashboard = await json<TDashboard>('admin', `/api/dashboard?year=2026&quarter=3&unitId=${row.unit.id}`);
      const figure = dashboard.figures.find((f) => f.key === 'milestones_on_time_rate')!;
      expect([part.met, part.counted], row.unit.name).toEqual([figure.numerator ?? 0, figure.denominator ?? 0]);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(5);
  }, 900_000);

  it('each export answers as its page does for every role: a county its county, a unit the published ranking only', async () => {
    const county = await json<TDashboard>('county', '/api/dashboard?year=2026&quarter=3');
    const countyRows = await sheetRows('county', '/api/dashboard/export.xlsx?year=2026&quarter=3', '指标');
    expect(countyRows.map((row) => row[2])).toEqual(county.figures.map((f) => f.value));
    const city = await json<TDashboard>('admin', '/api/dashboard?year=2026&quarter=3');
    expect(county.figures.find((f) => f.key === 'tasks')?.value).not.toEqual(city.figures.find((f) => f.key === 'tasks')?.value);

    for (const username of ['staff', 'leader']) {
      const page = await get(username, '/api/rankings?group=department&year=2026&quarter=3&draft=true');
      const file = await get(username, '/api/rankings/export.xlsx?group=department&year=2026&quarter=3&draft=true');
      expect(file.statusCode, username).toBe(page.statusCode);
      if (page.statusCode === 200) {
        const rows = await sheetRows(username, '/api/rankings/export.xlsx?group=department&year=2026&quarter=3&draft=true', '排名');
        expect(rows.map((row) => row[1])).toEqual((page.json() as TRankingResponse).rows.map((row) => row.unit.name));
        expect((page.json() as TRankingResponse).status).toBe('published');
      }
    }
    expect((await get('staff', '/api/dashboard/export.xlsx')).statusCode).toBe((await get('staff', '/api/dashboard')).statusCode);
  }, 300_000);

  it('refuses a bad period with a field message and no file', async () => {
    const response = await get('admin', '/api/dashboard/export.xlsx?year=2026&quarter=5');
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('querystring.quarter');
    const ranking = await get('admin', '/api/rankings/export.xlsx?group=mayor&year=2026&quarter=3');
    expect(ranking.statusCode).toBe(400);
  });
});
