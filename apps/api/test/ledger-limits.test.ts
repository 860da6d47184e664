import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerXlsx, multipartBody, workbookParts, zipOf, type FixtureCell } from './fixtures/ledgers.ts';
import { buildTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await t.login('admin');
});
afterAll(() => t.close());

async function upload(file: Buffer) {
  const { payload, headers } = multipartBody({ file: { filename: 'ledger.xlsx', content: file } });
  const started = performance.now();
  const response = await t.app.inject({ method: 'POST', url: '/api/tasks/import?dryRun=true', headers: { ...headers, cookie: admin }, payload });
  return { status: response.statusCode, body: response.json() as { code: string; message: string }, ms: performance.now() - started };
}

const oneCell = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>';

describe('a workbook that unpacks to more than the server should read', () => {
  it('a few hundred KB of shared strings that unpack past 64 MB, their size declared as 1 KB, is refused with 413 before parsing', async () => {
    const parts = workbookParts(oneCell, { repeat: '<si><t>改</t></si>', times: 5_000_000 });
    const bomb = zipOf(parts.map((part) => (part.name === 'xl/sharedStrings.xml' ? { ...part, declaredSize: 1024 } : part)));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { status, body, ms } = await upload(bomb);
    expect(status).toBe(413);
    expect(body.message).toBe('台账文件解压后超过 64 MB，内容过多，无法导入。请删除多余的工作表、图片和空白格式，或拆分为几个文件后分批导入');
    // Unpacking stops at the limit: seconds at most (the reader took 13 s and 2.7 GB for such a file).
    expect(ms).toBeLessThan(20_000);
  });

  it('300,000 shared strings within the size limit are refused with 422', async () => {
    const { status, body } = await upload(zipOf(workbookParts(oneCell, { repeat: '<si><t/></si>', times: 300_000 })));
    expect(status).toBe(422);
    expect(body.message).toBe('台账中的文字条目过多（300,000 条，最多 200,000 条），无法导入。请删除多余的工作表和内容后再上传');
  });

  it('a sheet of 450,000 empty cells is refused with 422', async () => {
    const row = (r: number) => `<row r="${r}">${'<c s="1"/>'.repeat(15_000)}</row>`;
    const sheet = Array.from({ length: 30 }, (_, i) => row(i + 1)).join('');
    const { status, body } = await upload(zipOf(workbookParts(sheet, ['x'])));
    expect(status).toBe(422);
    expect(body.message).toBe('台账单元格过多：工作簿共有 450,000 个单元格，最多 400,000 个。请删除多余的列、工作表和空白格式后再上传');
  });

  it('a zip of 1,001 files is refused with 413', async () => {
    const parts = Array.from({ length: 1_001 }, (_, i) => ({ name: `xl/media/image${i}.png`, content: Buffer.from('x') }));
    const { status, body } = await upload(zipOf(parts));
    expect(status).toBe(413);
    expect(body.message).toContain('台账文件内部包含的文件过多（超过 1,000 个）');
  });
});

describe('too many rows', () => {
  it('a workbook of 25,000 rows is refused with 422 before parsing', async () => {
    const sheet = Array.from({ length: 25_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const { status, body } = await upload(zipOf(workbookParts(sheet, ['x'])));
    expect(status).toBe(422);
    expect(body.message).toBe('台账行数过多：工作簿共有 25,000 行，一次最多导入 10,000 行。请删除多余的工作表或拆分为几个文件后分批导入');
  });

  it('a ledger of 10,001 rows is refused with 422 and says how to split it', async () => {
    const rows: FixtureCell[][] = Array.from({ length: 10_001 }, (_, i) => [`第${i + 1}项改革`, '市财政局', '2027-06-30']);
    const { status, body } = await upload(await ledgerXlsx({ headers: ['改革任务', '牵头单位', '完成时限'], rows }));
    expect(status).toBe(422);
    expect(body.message).toBe('台账行数过多：一次最多导入 10,000 行，本文件有 10,001 行。请拆分为几个文件后分批导入');
  });
});
