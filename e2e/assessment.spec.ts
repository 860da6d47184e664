import { expect, test, type Page } from '@playwright/test';
import type { TAssessmentList } from '@reform/contracts';
import { signIn, unique } from './helpers';
import { ledgerFile } from './xlsx';

const YEAR = new Date().getFullYear();
const shots = 'test-results/assessment';

async function noHorizontalScroll(page: Page) {
  // The browser's globals, typed here: the e2e folder compiles without the DOM library.
  const overflow = await page.evaluate(() => {
    const w = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the office scores a unit: bonus with reason, delete with confirmation, import with problems shown first', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'admin');
  await page.goto(`/assessment?year=${YEAR}&group=department`);
  await expect(page.getByRole('heading', { name: '年度考评' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('assessment-formula')).toContainText('总分 = 基础分 + 加分');
  const table = page.getByTestId('assessment-table');
  await expect(table.getByText('市科技局')).toBeVisible();
  await page.screenshot({ path: `${shots}/summary-desktop.png`, fullPage: false });

  await table.getByText('市科技局').click();
  const sheet = page.getByTestId('score-sheet');
  await expect(sheet.getByText(`市科技局 · ${YEAR} 年度考评表`)).toBeVisible();
  const totalBefore = Number(await sheet.getByTestId('sheet-total').textContent());

  const reason = unique('经验被省委改革办推广');
  await sheet.getByTestId('add-bonus').click();
  const dialog = page.getByRole('dialog', { name: /新增加分条目/ });
  await dialog.getByLabel('分值').fill('2.5');
  await dialog.getByLabel('事由').fill(reason);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(sheet.getByText(reason)).toBeVisible();
  const totalAfter = Number(await sheet.getByTestId('sheet-total').textContent());
  // The bonus adds 2.50, or less if the unit's bonus reaches the cap of 20.
  const added = Math.round((totalAfter - totalBefore) * 100);
  expect(added).toBeGreaterThanOrEqual(0);
  expect(added).toBeLessThanOrEqual(250);
  await page.screenshot({ path: `${shots}/sheet-desktop.png` });

  // An empty reason is refused on the field, in words.
  await sheet.getByTestId('add-deduction').click();
  const deduction = page.getByRole('dialog', { name: /新增扣分条目/ });
  await deduction.getByLabel('分值').fill('1');
  await deduction.getByRole('button', { name: /保\s*存/ }).click();
  await expect(deduction.getByText('请填写事由（至少 2 个字）')).toBeVisible();
  await deduction.getByRole('button', { name: /取\s*消/ }).click();

  // Delete asks first.
  const row = sheet.getByTestId('sheet-items').locator('.ant-list-item').filter({ hasText: reason });
  await row.getByRole('button', { name: /删\s*除/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /删\s*除/ }).click();
  await expect(sheet.getByText(reason)).toBeHidden();
  await sheet.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();

  // Import: a file with problems shows them per row and column and imports nothing.
  await page.getByTestId('assessment-import').click();
  const importDialog = page.getByRole('dialog', { name: /导入/ });
  const header = ['单位', '第三方评估得分', '群众满意度得分'];
  await importDialog.locator('input[type="file"]').setInputFiles(await ledgerFile('有错的得分.xlsx', header, [['市不存在局', 90, 90], ['市科技局', 101, 88]]));
  const errors = importDialog.getByTestId('import-errors');
  await expect(errors.getByText('找不到被考评单位“市不存在局”（应为市级部门或县市区的全称或简称）')).toBeVisible();
  await expect(errors.getByText('“101”不是 0 至 100 之间、最多两位小数的分数')).toBeVisible();
  await expect(importDialog.getByTestId('import-confirm')).toBeDisabled();
  await page.screenshot({ path: `${shots}/import-errors.png` });
  await importDialog.locator('input[type="file"]').setInputFiles(await ledgerFile('得分.xlsx', header, [['市科技局', 91.5, 88]]));
  await expect(importDialog.getByTestId('import-preview').getByText('91.50')).toBeVisible();
  await importDialog.getByTestId('import-confirm').click();
  await expect(importDialog).toBeHidden();
  // 91.50 × 0.2 = 18.30 and 88 × 0.2 = 17.60 now in the row.
  await expect(table.locator('tr', { hasText: '市科技局' })).toContainText('18.30');
  await expect(table.locator('tr', { hasText: '市科技局' })).toContainText('17.60');
});

test('on a phone the summary is cards and the sheet fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader');
  await page.goto(`/assessment?year=${YEAR}&group=county`);
  const cards = page.getByTestId('assessment-cards');
  await expect(cards.getByText('嘉善县')).toBeVisible();
  await noHorizontalScroll(page);
  await page.screenshot({ path: `${shots}/summary-phone.png`, fullPage: true });
  await cards.getByText('嘉善县').click();
  await expect(page.getByTestId('score-sheet').getByText(`嘉善县 · ${YEAR} 年度考评表`)).toBeVisible();
  // A leader reads only.
  await expect(page.getByTestId('add-bonus')).toHaveCount(0);
  await noHorizontalScroll(page);
  await page.screenshot({ path: `${shots}/sheet-phone.png` });
});

test('finalising a year asks first, then locks every write with a clear message', async ({ page }) => {
  await signIn(page, 'admin');
  // A year no earlier try has finalised (each run starts on a fresh database; a retry moves on a year).
  let year = YEAR - 4;
  for (let y = YEAR - 1; y >= YEAR - 4; y--) {
    const list = (await (await page.request.get(`/api/assessments?year=${y}&group=department`)).json()) as TAssessmentList;
    if (!list.finalised) {
      year = y;
      break;
    }
  }
  await page.goto(`/assessment?year=${year}&group=department`);
  await page.getByTestId('assessment-finalise').click();
  const confirm = page.getByRole('dialog', { name: `定稿 ${year} 年度考评？` });
  await expect(confirm).toContainText('任何人都不能再修改');
  await confirm.getByRole('button', { name: '确认定稿' }).click();
  await expect(page.getByText(`${year} 年度考评已于`)).toBeVisible();
  await expect(page.getByTestId('assessment-finalise')).toHaveCount(0);
  await expect(page.getByTestId('assessment-import')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/finalised.png` });

  const list = (await (await page.request.get(`/api/assessments?year=${year}&group=department`)).json()) as TAssessmentList;
  const unitId = list.rows[0]!.unit.id;
  const write = await page.request.post(`/api/assessments/${year}/units/${unitId}/items`, { data: { kind: 'bonus', points: 100, reason: '定稿后加分' } });
  expect(write.status()).toBe(409);
  expect(((await write.json()) as { message: string }).message).toBe(`${year} 年度考评已由市委改革办定稿锁定，不能再修改。如确需更正，请联系市委改革办。`);
});
