import type { TDashboard, TTaskListResponse } from '@reform/contracts';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn } from './helpers';
import { sheetRows } from './xlsx';

async function dashboardOf(page: Page, query = ''): Promise<TDashboard> {
  const response = await page.request.get(`/api/dashboard${query}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as TDashboard;
}

/** The page scrolls neither sideways nor, with `vertical`, down. */
async function expectNoScroll(page: Page, vertical = false) {
  // The page's root element measured in the browser (this file is compiled without the DOM's types).
  const size = await page.locator('html').evaluate((root) => ({
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    scrollHeight: root.scrollHeight,
    clientHeight: root.clientHeight,
  }));
  expect(size.scrollWidth).toBeLessThanOrEqual(size.clientWidth);
  if (vertical) expect(size.scrollHeight).toBeLessThanOrEqual(size.clientHeight);
}

test('a leader lands on the dashboard; every number links to exactly the tasks behind it', async ({ page }) => {
  await signIn(page, 'leader');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const data = await dashboardOf(page);
  const overdue = data.figures.find((f) => f.key === 'overdue_tasks')!;
  await expect(page.getByTestId('figure-link-overdue_tasks')).toHaveText(String(overdue.value));
  await expect(page.getByTestId('chart-rate-trend').locator('svg')).toBeVisible();
  await expect(page.getByTestId('attention-list')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/dashboard-desktop.png', fullPage: true });

  // The same figures as an Excel file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-dashboard').click()]);
  expect(download.suggestedFilename()).toBe(`${data.period.label}总览看板指标.xlsx`);
  const figures = await sheetRows(await readFile((await download.path())!), '指标');
  expect(figures.find((row) => row[0] === overdue.label)?.[2]).toBe(overdue.value);

  // The definition is in the UI.
  await page.getByText('指标说明（每个数字的算法）').click();
  await expect(page.getByTestId('definitions')).toContainText(overdue.definition);

  // Drill down: the list's total is the figure's count.
  await page.getByTestId('figure-link-overdue_tasks').click();
  await expect(page).toHaveURL(/figure=overdue_tasks/);
  await expect(page.getByTestId('figure-filter')).toContainText('逾期任务');
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${overdue.taskCount} 项任务`);

  // A rate links to the tasks it was counted over.
  await page.goBack();
  const rate = data.figures.find((f) => f.key === 'milestones_on_time_rate')!;
  await page.getByTestId('figure-link-milestones_on_time_rate').click();
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${rate.taskCount} 项任务`);
});

test('filters narrow the figures and the drill-down keeps them', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/dashboard?list=pilot');
  const data = await dashboardOf(page, '?list=pilot');
  const tasks = data.figures.find((f) => f.key === 'tasks')!;
  await expect(page.getByTestId('figure-link-tasks')).toHaveText(String(tasks.value));
  await page.getByTestId('figure-link-tasks').click();
  await expect(page).toHaveURL(/list=pilot/);
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${tasks.taskCount} 项任务`);
  const listed = (await (await page.request.get(`/api/tasks?figure=tasks&period=${data.period.key}&list=pilot&pageSize=1`)).json()) as TTaskListResponse;
  expect(listed.total).toBe(tasks.taskCount);
});

test('on a phone the dashboard is cards with no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader');
  await expect(page.getByTestId('figure-link-tasks')).toBeVisible();
  await expect(page.getByTestId('chart-lights').locator('svg')).toBeVisible();
  await expectNoScroll(page);
  await page.screenshot({ path: 'test-results/screens/dashboard-phone-top.png' });
  await page.screenshot({ path: 'test-results/screens/dashboard-phone.png', fullPage: true });
});

test('the big screen is dark, fills 1920×1080 without scrollbars and refreshes itself', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, 'leader');
  await page.goto('/dashboard?screen=big');
  await expect(page.getByTestId('big-screen')).toBeVisible();
  await expect(page.getByTestId('big-screen-period')).toBeVisible();
  await expect(page.getByTestId('chart-overdue-trend').locator('svg')).toBeVisible();
  await expect(page.getByText('每分钟自动刷新')).toBeVisible();
  await expectNoScroll(page, true);
  const overflow = await page.getByTestId('big-screen').evaluate((el) => ({
    scroll: el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth,
    background: (el as unknown as { style: { backgroundImage: string } }).style.backgroundImage,
  }));
  expect(overflow.scroll).toBe(true);
  expect(overflow.background).toContain('gradient');
  await page.screenshot({ path: 'test-results/screens/dashboard-big-screen.png' });
});
