import { expect, test } from '@playwright/test';
import { listTasks, signInContext, taskRows } from './helpers';

test.beforeEach(async ({ context }) => {
  await signInContext(context, 'admin');
});

test('filters by list, light and keyword, keeping them in the URL', async ({ page }) => {
  await page.goto('/tasks');
  await expect(taskRows(page).first()).toBeVisible();

  await page.getByTestId('task-filters').getByText('改革试点', { exact: true }).click();
  await expect(page).toHaveURL(/[?&]list=pilot/);
  const pilots = await listTasks(page.request, { list: 'pilot' });
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${pilots.total} 项任务`);
  for (const row of await taskRows(page).all()) await expect(row).toContainText('改革试点');

  await page.getByRole('combobox', { name: '状态灯' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '已逾期' }).click();
  await expect(page).toHaveURL(/[?&]light=red/);
  const redPilots = await listTasks(page.request, { list: 'pilot', light: 'red' });
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${redPilots.total} 项任务`);
  const lights = page.getByTestId('light-indicator');
  await expect(lights.first()).toHaveAttribute('data-light', 'red');
  for (const light of await lights.all()) await expect(light).toHaveAttribute('data-light', 'red');

  // Reload keeps the filters: they live in the URL.
  await page.reload();
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${redPilots.total} 项任务`);
  await expect(page.getByRole('combobox', { name: '状态灯' }).locator('..')).toContainText('已逾期');

  await page.getByRole('button', { name: /重\s*置/ }).click();
  await expect(page).toHaveURL(/\/tasks$/);

  const target = (await listTasks(page.request)).items.find((item) => item.title.length >= 6)!;
  const keyword = target.title.slice(0, 6);
  await page.getByRole('textbox', { name: '关键词' }).fill(keyword);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(keyword).replace(/[()*]/g, '\\$&')}`));
  await expect(page.getByTestId(`task-row-${target.id}`)).toBeVisible();
  const matches = await listTasks(page.request, { q: keyword });
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${matches.total} 项任务`);
});

test('sorts and pages through the server, and opens a task from its row', async ({ page }) => {
  await page.goto('/tasks?sort=deadline&order=asc');
  const earliest = (await listTasks(page.request, { sort: 'deadline', order: 'asc' })).items[0]!;
  await expect(taskRows(page).first()).toHaveAttribute('data-testid', `task-row-${earliest.id}`);

  await page.locator('.ant-pagination-item-2').click();
  await expect(page).toHaveURL(/[?&]page=2/);
  // Wait for the second page's rows themselves, not the first page's still on screen.
  const secondPage = await listTasks(page.request, { sort: 'deadline', order: 'asc', page: '2', pageSize: '20' });
  await expect(taskRows(page).first()).toHaveAttribute('data-testid', `task-row-${secondPage.items[0]!.id}`);

  await taskRows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByTestId('task-detail')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/[?&]page=2/);
});

test('finds a task by a word that stands only in one of its comments, as soon as it is posted', async ({ page }) => {
  const task = (await listTasks(page.request, { list: 'innovation' })).items[3]!;
  const word = `鹭鸶湾${'甲乙丙丁戊'[Date.now() % 5]}`;
  const posted = await page.request.post(`/api/tasks/${task.id}/comments`, { data: { body: `请核实${word}片区的改造进度`, mentionUnitIds: [] } });
  expect(posted.ok()).toBeTruthy();

  await page.goto('/tasks');
  await page.getByRole('textbox', { name: '关键词' }).fill(word);
  await expect(page.getByTestId('task-total')).toHaveText('共 1 项任务');
  await expect(page.getByTestId(`task-row-${task.id}`)).toBeVisible();
});
