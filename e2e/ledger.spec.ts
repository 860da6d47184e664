import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signInContext } from './helpers';
import { ledgerFile, XLSX_MIME } from './xlsx';

const header = ['序号', '改革任务', '清单类别', '牵头单位', '配合单位', '完成时限'];

test('a ledger with problems is checked, shown row by row, fixed and imported', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const stamp = Date.now() % 100000;
  const rows = (leadOfSecond: string, deadlineOfThird: string) => [
    [1, `台账导入测试${stamp}：数字化改革一`, '重大改革任务', '市科技局', '', '2027-06-30'],
    [2, `台账导入测试${stamp}：数字化改革二`, '重大改革任务', leadOfSecond, '市科技局', '2027-09-30'],
    [3, `台账导入测试${stamp}：数字化改革三`, '地方创新项目', '市科技局', '', deadlineOfThird],
  ];

  await page.goto('/tasks');
  await page.getByTestId('import-ledger').click();
  await expect(page).toHaveURL(/\/tasks\/import$/);

  await page.locator('input[type="file"]').setInputFiles(await ledgerFile('有错的台账.xlsx', header, rows('市不存在局', '明年某时')));
  await expect(page.getByTestId('ledger-counts')).toHaveText('共 3 行，有效 1 行');
  const errors = page.getByTestId('ledger-errors');
  await expect(errors.getByRole('row').filter({ hasText: '牵头单位' })).toContainText('3');
  await expect(errors.getByRole('row').filter({ hasText: '完成时限' })).toContainText('4');
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
  await expect(page.getByTestId('ledger-columns')).toContainText('改革任务 → 改革任务');

  await page.locator('input[type="file"]').setInputFiles(await ledgerFile('改好的台账.xlsx', header, rows('市发展改革委', '2027-12-31')));
  await expect(page.getByTestId('ledger-counts')).toHaveText('共 3 行，有效 3 行');
  await expect(page.getByTestId('ledger-errors')).toHaveCount(0);
  await page.getByTestId('confirm-import').click();
  await expect(page.locator('.ant-result-title')).toHaveText('已导入 3 项任务');
  await page.getByRole('link', { name: '查看任务清单' }).click();
  await page.getByRole('textbox', { name: '关键词' }).fill(`台账导入测试${stamp}`);
  await expect(page.getByTestId('task-total')).toHaveText('共 3 项任务');
});

test('an exported ledger imported again reports the duplicates of existing tasks', async ({ page, context }) => {
  await signInContext(context, 'admin');
  await page.goto('/tasks?list=mandate&status=active');
  await expect(page.getByTestId('task-total')).toBeVisible();
  const href = await page.getByTestId('export-ledger').getAttribute('href');
  expect(href).toContain('/api/tasks/export.xlsx?');
  expect(href).toContain('list=mandate');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
  const buffer = await readFile((await download.path())!);

  await page.goto('/tasks/import');
  await page.locator('input[type="file"]').setInputFiles({ name: '导出的台账.xlsx', mimeType: XLSX_MIME, buffer });
  const errors = page.getByTestId('ledger-errors');
  await expect(errors).toBeVisible();
  await expect(errors.getByText(/与已有任务 \S+ 重复/).first()).toBeVisible();
  await expect(page.getByTestId('confirm-import')).toBeDisabled();
});

test('an overdue task of a running ledger comes in with a warning and shows red with its reason', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const title = `逾期台账导入测试${Date.now() % 100000}`;
  await page.goto('/tasks/import');
  await page.locator('input[type="file"]').setInputFiles(await ledgerFile('在办台账.xlsx', header, [[1, title, '重大改革任务', '市科技局', '', '2025-06-30']]));
  await expect(page.getByTestId('ledger-counts')).toHaveText('共 1 行，有效 1 行');
  await expect(page.getByTestId('ledger-errors')).toHaveCount(0);
  await expect(page.getByTestId('ledger-warnings')).toContainText('完成时限已过（2025-06-30）：导入后该任务显示为红灯');
  await page.getByTestId('confirm-import').click();
  await expect(page.locator('.ant-result-title')).toHaveText('已导入 1 项任务');

  await page.getByRole('link', { name: '查看任务清单' }).click();
  await page.getByRole('textbox', { name: '关键词' }).fill(title);
  await expect(page.getByTestId('task-total')).toHaveText('共 1 项任务');
  await expect(page.getByTestId('light-indicator').first()).toHaveAttribute('data-light', 'red');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('light-reason')).toContainText('任务已超过完成时限');
});
