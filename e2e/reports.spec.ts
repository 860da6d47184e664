import { expect, test, type Page } from '@playwright/test';
import type { TReportBoard, TReportList, TReportRoundList } from '@reform/contracts';
import { signInContext, unique } from './helpers';

/** A minimal valid one-page PDF, so the server's content check sees a real PDF. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** This quarter in Shanghai, as the server's clock has it. */
function currentQuarter() {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number) as [number, number];
  return { year, quarter: Math.ceil(month / 3) };
}

const statusOf = (page: Page) => page.getByTestId('report-status').first();

test('a unit fills and submits with evidence, the office returns it, the unit resubmits, the office accepts, the board counts it', async ({ page, context, browser }) => {
  test.setTimeout(180_000);
  // The office opens this quarter's round (a retry finds it open already).
  const office = await browser.newContext();
  await signInContext(office, 'admin');
  const q = currentQuarter();
  const opened = await office.request.post('/api/report-rounds', { data: { year: q.year, quarter: q.quarter } });
  expect([201, 409]).toContain(opened.status());
  const rounds = (await (await office.request.get('/api/report-rounds')).json()) as TReportRoundList;
  const round = rounds.items.find((r) => r.year === q.year && r.quarter === q.quarter && r.scopeUnit.name === '市委改革办')!;
  expect(round).toBeDefined();

  // A draft of 市科技局 in that round that no earlier try has touched.
  await signInContext(context, 'staff');
  const drafts = (await (await page.request.get('/api/reports', { params: { year: String(q.year), quarter: String(q.quarter), status: 'draft', pageSize: '50' } })).json()) as TReportList;
  const draft = drafts.items.find((r) => r.unit.name === '市科技局');
  expect(draft, 'a draft report of 市科技局').toBeDefined();
  const id = draft!.id;

  // The unit fills it in: the facts are shown, the text is saved automatically, evidence is attached.
  await page.goto(`/reports/${id}`);
  await expect(page.getByTestId('facts-panel')).toBeVisible();
  const progress = unique('本季度完成了实施方案起草');
  await page.getByRole('textbox', { name: '工作进展' }).fill(progress);
  await page.getByRole('textbox', { name: '下步打算' }).fill('下季度组织试点并总结经验。');
  await expect(page.getByTestId('autosave-indicator')).toHaveText(/已自动保存/);
  const fileName = `${unique('季度工作佐证')}.pdf`;
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: minimalPdf() });
  await expect(page.getByTestId('report-evidence')).toContainText(fileName);
  await page.getByTestId('report-submit').click();
  await expect(statusOf(page)).toHaveText('已报送');

  // The office returns it with a comment, from the keyboard.
  const officePage = await office.newPage();
  await officePage.goto(`/reports/${id}`);
  await expect(officePage.getByTestId('review-return')).toBeVisible();
  await officePage.keyboard.press('r');
  await officePage.getByTestId('review-comment').fill('请补充试点单位名单');
  await officePage.getByTestId('review-comment').press('Control+Enter');
  await expect(statusOf(officePage)).toHaveText('已退回');

  // The unit sees the comment, fixes the text and submits again.
  await page.reload();
  await expect(page.getByTestId('return-comment')).toContainText('请补充试点单位名单');
  await page.getByRole('textbox', { name: '工作进展' }).fill(`${progress}，确定南湖区、嘉善县为试点单位`);
  await page.getByTestId('report-submit').click();
  await expect(statusOf(page)).toHaveText('已报送');
  await expect(page.getByTestId('version-history')).toContainText('第 2 次报送');

  // The office sees what changed and accepts.
  await officePage.reload();
  await expect(officePage.getByTestId('report-diff')).toContainText('确定南湖区、嘉善县为试点单位');

  // It accepts from the review queue, by keyboard: J moves down to the report, A and Enter accept it,
  // and the focus stays in the queue (on the next report, or the hint when none is left).
  await officePage.goto(`/reports?tab=review&year=${q.year}&quarter=${q.quarter}&pageSize=100`);
  await expect(officePage.getByTestId('review-queue-hint')).toContainText('J / ↓ 下一份');
  const current = officePage.getByTestId('review-queue-current');
  await expect(current).toBeVisible();
  await expect(async () => {
    if (!((await current.textContent()) ?? '').includes(draft!.task.code)) await officePage.keyboard.press('j');
    await expect(current).toContainText(draft!.task.code, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await officePage.keyboard.press('a');
  await expect(officePage.getByTestId('review-accept-confirm')).toBeFocused();
  await officePage.keyboard.press('Enter');
  await expect(officePage.getByTestId('review-queue').getByText(draft!.task.code)).toHaveCount(0);
  await expect(officePage.locator('[data-testid="review-queue"] tr[aria-selected="true"], [data-testid="review-queue-hint"]').first()).toBeFocused();
  await officePage.goto(`/reports/${id}`);
  await expect(statusOf(officePage)).toHaveText('已采纳');

  // The board counts it, as the API does.
  const board = (await (await office.request.get(`/api/report-rounds/${round.id}/board`)).json()) as TReportBoard;
  expect(board.totals.accepted).toBeGreaterThanOrEqual(1);
  await officePage.goto(`/reports/rounds/${round.id}`);
  const totals = officePage.getByTestId('board-totals');
  await expect(totals).toContainText(`已采纳${board.totals.accepted}`);
  await expect(totals).toContainText(`应报${board.totals.expected}`);
  const row = officePage.getByTestId('board-table').getByRole('row', { name: /市科技局/ });
  const kejiju = board.units.find((u) => u.unit.name === '市科技局')!;
  await expect(row).toContainText(String(kejiju.accepted));
  await office.close();
});
