import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

const shots = 'test-results/e2e/quarterly-report';

async function openReports(page: Page) {
  await page.getByRole('menuitem', { name: '季度报告' }).click();
  await expect(page).toHaveURL(/\/quarterly-report$/);
}

async function pickQuarter(page: Page, label: string) {
  await page.getByRole('combobox', { name: '季度' }).click();
  await page.getByTitle(label).click();
}

/** Generates one format (waiting for what the user sees: progress, then the download button) and downloads it. */
async function generateAndDownload(page: Page, format: 'PDF' | 'Word', filename: string) {
  await page.getByRole('button', { name: `生成 ${format}` }).click();
  const link = page.getByRole('link', { name: `下载 ${format}` });
  await expect(link).toBeVisible({ timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(filename);
  const path = await download.path();
  expect(path).toBeTruthy();
}

test('the reform office generates the city report, previews its first pages and downloads the PDF and the Word document', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, 'admin');
  await openReports(page);
  await pickQuarter(page, '2026年第三季度');
  await generateAndDownload(page, 'PDF', '2026年第三季度全市改革工作进展报告.pdf');
  await expect(page.getByTestId('report-preview').getByRole('img').first()).toBeVisible({ timeout: 60_000 });
  await generateAndDownload(page, 'Word', '2026年第三季度全市改革工作进展报告.docx');
  const files = page.getByRole('table');
  await expect(files.getByText('2026年第三季度全市改革工作进展报告').first()).toBeVisible();
  await expect(files.getByText('李明').first()).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.screenshot({ path: `${shots}/office-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: '生成 PDF' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/office-phone.png`, fullPage: true });
});

test('a leader generates and downloads a special group’s report in both formats', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, 'leader');
  await openReports(page);
  await pickQuarter(page, '2026年第二季度');
  // The scope list is long (virtual scrolling): type to find the group, as a person would.
  await page.getByRole('combobox', { name: '范围' }).fill('经济体制');
  await page.getByTitle('经济体制改革专项小组').click();
  await generateAndDownload(page, 'PDF', '2026年第二季度经济体制改革专项小组改革工作进展报告.pdf');
  await generateAndDownload(page, 'Word', '2026年第二季度经济体制改革专项小组改革工作进展报告.docx');
  await expect(page.getByRole('table').getByText('王建国').first()).toBeVisible();
});

test('unit staff are refused: no menu entry, and the API answers 403', async ({ page }) => {
  await signIn(page, 'staff');
  await expect(page.getByRole('menuitem', { name: '季度报告' })).toHaveCount(0);
  const response = await page.request.get('/api/quarterly-reports/2026-Q3.pdf?scope=city');
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { message: string }).message).toContain('权限');
  await page.goto('/quarterly-report');
  await expect(page.getByText('您没有执行此操作的权限')).toBeVisible();
});
