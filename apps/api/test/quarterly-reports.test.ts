import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TQuarterlyReportOverview, TQuarterlyReportStatus } from '@reform/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, unitIdsByName, type TestApp } from './helpers.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, number>;
const work = mkdtempSync(join(tmpdir(), 'quarterly-'));

beforeAll(async () => {
  t = await buildTestApp();
  for (const username of ['admin', 'county', 'staff', 'leader']) cookies[username] = await t.login(username);
  units = await unitIdsByName(t.db);
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(work, { recursive: true, force: true });
});

const get = (username: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });

/** The text of a PDF (poppler's pdftotext, as a reader copying from it would get). */
function pdfText(pdf: Buffer, name = 'report.pdf'): string {
  const path = join(work, name);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

describe('the quarterly report as a PDF', () => {
  let pdf: Buffer;
  it('is generated for the reform office with its Chinese filename (RFC 5987)', async () => {
    const response = await get('admin', '/api/quarterly-reports/2026-Q3.pdf?scope=city');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2026年第三季度全市改革工作进展报告.pdf')}`);
    expect(response.headers['x-report-cache']).toBe('miss');
    pdf = response.rawPayload;
    if (process.env.QUARTERLY_KEEP) writeFileSync(process.env.QUARTERLY_KEEP, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('holds real Chinese text, embedded subset fonts, metadata and a plausible page count', () => {
    const text = pdfText(pdf);
    for (const heading of ['2026年第三季度全市改革工作进展报告', '目  录', '一、总体情况', '二、红灯、黄灯任务', '三、晾晒比拼', '四、各项任务季度进展', '五、督察整改', '六、典型案例', '七、图表']) {
      expect(text.replace(/ +/g, ' ')).toContain(heading.replace(/ +/g, ' '));
    }
    expect(text).toMatch(/第 \d+ 页 共 \d+ 页/);
    const path = join(work, 'report.pdf');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\+NotoSansSC-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+2026年第三季度全市改革工作进展报告/);
    expect(info).toMatch(/Author:\s+中共嘉兴市委全面深化改革委员会办公室/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThan(200);
  });

  it('is served from the cache the second time, and made anew when the facts change', async () => {
    const again = await get('admin', '/api/quarterly-reports/2026-Q3.pdf?scope=city');
    expect(again.headers['x-report-cache']).toBe('hit');
    expect(again.rawPayload.equals(pdf)).toBe(true);
    await t.db.query(`UPDATE task SET title = title || '（调整）' WHERE id = (SELECT min(id) FROM task)`);
    const changed = await get('admin', '/api/quarterly-reports/2026-Q3.pdf?scope=city');
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['x-report-cache']).toBe('miss');
  }, 120_000);
});

describe('the quarterly report as a Word document', () => {
  it('carries the title and the section headings in the 公文 layout', async () => {
    const response = await get('leader', '/api/quarterly-reports/2026-Q3.docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('2026年第三季度全市改革工作进展报告.docx'));
    const path = join(work, 'report.docx');
    writeFileSync(path, response.rawPayload);
    const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const heading of ['2026年第三季度全市改革工作进展报告', '一、总体情况', '四、各项任务季度进展', '七、图表']) expect(text).toContain(heading);
    // A4, margins 37/35/28/26 mm (in twips), body 仿宋 16 pt.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    const styles = execFileSync('unzip', ['-p', path, 'word/styles.xml'], { encoding: 'utf8' });
    expect(styles).toContain('w:eastAsia="仿宋"');
    expect(styles).toContain('<w:sz w:val="32"/>');
  }, 120_000);
});

describe('who may have it, and bad input', () => {
  it('refuses unit staff (403)', async () => {
    expect((await get('staff', '/api/quarterly-reports/2026-Q3.pdf')).statusCode).toBe(403);
    expect((await get('staff', '/api/quarterly-reports')).statusCode).toBe(403);
  });

  it('gives a county office its own county only (others: 404)', async () => {
    const own = units['嘉善县']!;
    const other = units['海宁市']!;
    const overview = (await get('county', '/api/quarterly-reports')).json<TQuarterlyReportOverview>();
    expect(overview.scopes).toEqual([{ key: `county:${own}`, label: '嘉善县', kind: 'county' }]);
    expect((await get('county', '/api/quarterly-reports/2026-Q3.pdf?scope=city')).statusCode).toBe(404);
    expect((await get('county', `/api/quarterly-reports/2026-Q3.pdf?scope=county:${other}`)).statusCode).toBe(404);
    const response = await get('county', '/api/quarterly-reports/2026-Q2.pdf');
    expect(response.statusCode, response.body).toBe(200);
    expect(decodeURIComponent(response.headers['content-disposition'] as string)).toContain('2026年第二季度嘉善县改革工作进展报告.pdf');
  }, 120_000);

  it('answers a bad name, an impossible or future quarter, an unknown scope in Chinese', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/quarterly-reports/2026-Q5.pdf', 400, /Q1 至 Q4/],
      ['/api/quarterly-reports/2026-Q3.xlsx', 400, /2026-Q3\.pdf/],
      ['/api/quarterly-reports/2099-Q1.pdf', 400, /尚未开始/],
      ['/api/quarterly-reports/2001-Q1.pdf', 404, /没有改革任务数据/],
      ['/api/quarterly-reports/2026-Q3.pdf?scope=county:999999', 404, /不在您的管辖范围/],
      [`/api/quarterly-reports/2026-Q3.pdf?scope=group:${units['嘉善县']}`, 404, /不在您的管辖范围/],
      ['/api/quarterly-reports/2026-Q3.pdf?scope=everywhere', 400, /范围应为/],
    ];
    for (const [url, status, message] of cases) {
      const response = await get('admin', url);
      expect(response.statusCode, url).toBe(status);
      expect(response.json<{ message: string }>().message, url).toMatch(message);
    }
  });

  it('tells the page how far a generation is, then lists who generated which report and when', async () => {
    const group = units['经济体制改革专项小组']!;
    let status: TQuarterlyReportStatus;
    do {
      const response = await get('leader', `/api/quarterly-reports/status?quarter=2026-Q2&format=pdf&scope=group:${group}`);
      expect(response.statusCode, response.body).toBe(200);
      status = response.json<TQuarterlyReportStatus>();
      expect(['generating', 'ready']).toContain(status.state);
      if (status.state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 200));
    } while (status.state !== 'ready');
    expect(status.href).toBe(`/api/quarterly-reports/2026-Q2.pdf?scope=group%3A${group}`);
    expect(status.file).toMatchObject({ quarter: '2026-Q2', scope: `group:${group}`, generatedBy: '王建国', title: '2026年第二季度经济体制改革专项小组改革工作进展报告' });
    const download = await get('leader', status.href);
    expect(download.headers['x-report-cache']).toBe('hit');
    const overview = (await get('admin', '/api/quarterly-reports')).json<TQuarterlyReportOverview>();
    expect(overview.files.map((f) => f.title)).toContain('2026年第二季度经济体制改革专项小组改革工作进展报告');
    expect(overview.quarters[0]).toEqual({ key: '2026-Q4', label: '2026年第四季度' });
  }, 120_000);
});
