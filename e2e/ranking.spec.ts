import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import type { TRankingAppeal, TRankingResponse, TUnitNode } from '@reform/contracts';
import { signIn } from './helpers';
import { sheetRows } from './xlsx';

// The ranking of city departments for the third quarter of 2026: a finished quarter of the demo data.
const Q3 = '/api/rankings?group=department&year=2026&quarter=3';
const shots = 'test-results/e2e/ranking';

async function openQ3(page: Page) {
  await page.getByRole('menuitem', { name: '晾晒比拼' }).click();
  await expect(page).toHaveURL(/\/ranking$/);
  await page.getByRole('combobox', { name: '季度' }).click();
  await page.getByTitle('2026年第三季度').click();
}

async function unitId(page: Page, name: string): Promise<number> {
  const tree = (await (await page.request.get('/api/units')).json()) as TUnitNode[];
  const walk = (nodes: TUnitNode[]): number | undefined => {
    for (const node of nodes) {
      if (node.name === name) return node.id;
      const found = walk(node.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  return walk(tree)!;
}

test('the office publishes, drills to a fact; a unit appeals; the office accepts and the ranking is recomputed as a new version', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin');
  await openQ3(page);
  await expect(page.getByTestId('ranking-formula')).toContainText('计分公式');

  // Publish what the facts say now (a new version whatever was published before).
  const before = (await (await page.request.get(Q3)).json()) as TRankingResponse;
  const latest = before.versions[0]?.number ?? 0;
  if (latest > 0) {
    await page.getByRole('combobox', { name: '版本' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '当前草稿' }).click();
  }
  await expect(page.getByTestId('ranking-status')).toHaveText('草稿（未发布）');
  await page.getByTestId('publish-ranking').click();
  await page.getByRole('button', { name: '确认发布' }).click();
  await expect(page.getByTestId('ranking-status')).toHaveText(`已发布 第 ${latest + 1} 版`);

  // The version on screen as an Excel file: the same units in the same order with the same scores.
  const shown = (await (await page.request.get(Q3)).json()) as TRankingResponse;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ranking').click()]);
  expect(download.suggestedFilename()).toContain('晾晒比拼');
  const rows = await sheetRows(await readFile((await download.path())!), '排名');
  expect(rows.map((row) => [row[1], row[2]])).toEqual(shown.rows.map((row) => [row.unit.name, row.score]));

  // Drill down to the facts of 市科技局 (the staff account's unit) and follow one to its task.
  const keji = await unitId(page, '市科技局');
  const row = page.getByTestId(`ranking-row-${keji}`);
  await row.getByRole('button', { name: /展开行/ }).click();
  const detail = page.getByTestId(`ranking-detail-${keji}`);
  await expect(detail).toBeVisible();
  await page.screenshot({ path: `${shots}/desktop-office.png`, fullPage: true });

  const published = (await (await page.request.get(`${Q3}&version=${latest + 1}`)).json()) as TRankingResponse;
  const mine = published.rows.find((r) => r.unit.id === keji)!;
  // A fact an earlier try already appealed (pending, or decided and overridden) is left alone: a retry picks another.
  const pending = (await (await page.request.get('/api/rankings/appeals?status=pending')).json()) as { items: TRankingAppeal[] };
  const appealed = new Set(pending.items.map((a) => a.factKey));
  const facts = mine.parts.flatMap((part) => part.facts.map((fact) => ({ ...fact, indicator: part.indicator }))).filter((f) => !appealed.has(f.key));
  const fact = facts.find((f) => f.indicator === 'overdueItems' && !f.override) ?? facts.find((f) => !f.met && !f.override);
  expect(fact, '市科技局 has a fact against it in 2026 Q3').toBeTruthy();
  const factLink = detail.getByTestId(`fact-${fact!.key}`).getByRole('link');
  // The row may have been drawn again by a refetch of the ranking just published: open it again if so.
  await expect(async () => {
    if (!(await detail.isVisible())) await row.getByRole('button', { name: /展开行/ }).click();
    await expect(factLink).toHaveText(fact!.text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await factLink.click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${fact!.taskId}$`));
  await page.goBack();

  // The unit appeals that fact, on a phone.
  const staffContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff');
  await staff.goto('/ranking');
  await staff.getByRole('combobox', { name: '季度' }).click();
  await staff.getByTitle('2026年第三季度').click();
  await expect(staff.getByTestId('ranking-status')).toHaveText(`已发布 第 ${latest + 1} 版`);
  await expect(staff.getByTestId('ranking-cards')).toBeVisible();
  expect(await staff.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  const card = staff.getByTestId(`ranking-row-${keji}`);
  await card.getByRole('button', { name: /节点按时|任务完成|报告及时|逾期/ }).click();
  await staff.screenshot({ path: `${shots}/phone-unit-top.png` });
  await card.scrollIntoViewIfNeeded();
  await staff.screenshot({ path: `${shots}/phone-unit-detail.png` });
  await card.getByTestId(`fact-${fact!.key}`).getByRole('button', { name: /申\s?诉/ }).click();
  const dialog = staff.getByRole('dialog', { name: '对该事实提出申诉' });
  await dialog.getByLabel('申诉理由').fill('该节点已按期完成，系录入延误，附完成文件');
  await dialog.getByRole('button', { name: '提交申诉' }).click();
  await expect(staff.getByText('申诉已提交，等待市委改革办处理')).toBeVisible({ timeout: 30_000 });
  const appeals = (await (await staff.request.get('/api/rankings/appeals?status=pending')).json()) as { items: TRankingAppeal[] };
  const appeal = appeals.items.find((a) => a.factKey === fact!.key)!;
  await expect(staff.getByTestId(`appeal-${appeal.id}`)).toContainText('待处理');
  // Another unit's row shows its score but not its facts.
  const other = published.rows.find((r) => r.unit.id !== keji)!;
  await staff.getByTestId(`ranking-row-${other.unit.id}`).getByRole('button').first().click();
  await expect(staff.getByTestId(`ranking-row-${other.unit.id}`)).toContainText('其他单位的得分明细不公开');

  // The office accepts: the fact is excluded and the ranking is published again as the next version.
  await page.reload();
  const review = page.getByTestId(`appeal-${appeal.id}`);
  await review.getByRole('button', { name: /^处\s?理$/ }).click();
  const decision = page.getByRole('dialog', { name: '处理申诉' });
  await decision.getByLabel('剔除（不再计分）').check();
  await decision.getByRole('button', { name: '确认处理' }).click();
  await expect(page.getByText('已采纳，排名已重新计算并发布为新版本')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: '季度' }).click();
  await page.getByTitle('2026年第三季度').click();
  await page.getByRole('combobox', { name: '版本' }).click();
  await page.getByTitle(new RegExp(`^第 ${latest + 2} 版`)).click();
  await expect(page.getByTestId('ranking-status')).toHaveText(`已发布 第 ${latest + 2} 版`);
  await expect(page.getByTestId('ranking-version-note')).toContainText('申诉');
  await page.getByTestId(`ranking-row-${keji}`).getByRole('button', { name: /展开行/ }).click();
  await expect(page.getByTestId(`fact-${fact!.key}`)).toContainText('申诉采纳：已剔除');

  const after = (await (await page.request.get(`${Q3}&version=${latest + 2}`)).json()) as TRankingResponse;
  const recomputed = after.rows.find((r) => r.unit.id === keji)!;
  expect(recomputed.scoreHundredths).toBeGreaterThanOrEqual(mine.scoreHundredths);
  if (fact!.indicator === 'overdueItems') expect(recomputed.scoreHundredths).toBeGreaterThan(mine.scoreHundredths);
  await expect(page.getByTestId(`ranking-row-${keji}`)).toContainText(String(recomputed.score));
  // The earlier version is kept as it was.
  const kept = (await (await page.request.get(`${Q3}&version=${latest + 1}`)).json()) as TRankingResponse;
  expect(kept.rows.find((r) => r.unit.id === keji)!.scoreHundredths).toBe(mine.scoreHundredths);
  await page.screenshot({ path: `${shots}/desktop-after-appeal.png`, fullPage: true });
  await staffContext.close();
});
