import { expect, test } from '@playwright/test';
import { getTask, listTasks, signIn, signInContext, taskRows } from './helpers';

test('the sign-in page rejects a wrong password and keeps where the user was going', async ({ page }) => {
  await page.goto('/tasks?list=pilot');
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expect(page.getByRole('heading', { name: '改革任务全周期管理系统' })).toBeVisible();
  await page.getByRole('textbox', { name: '用户名' }).fill('admin');
  await page.getByLabel('密码').fill('not-the-password');
  await page.getByLabel('密码').press('Enter');
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');

  await page.getByLabel('密码').fill('Reform@2026');
  await page.getByLabel('密码').press('Enter');
  await expect(page).toHaveURL(/\/tasks\?list=pilot$/);
  await expect(taskRows(page).first()).toBeVisible();
});

test('the reform office sees every task and may edit', async ({ page }) => {
  await signIn(page, 'admin');
  const header = page.getByTestId('current-user');
  await expect(header).toContainText('李明');
  await expect(header).toContainText('市委改革办');
  const all = await listTasks(page.request);
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${all.total} 项任务`);

  await taskRows(page).first().getByRole('link').click();
  await expect(page.getByTestId('task-title')).toBeVisible();
  await expect(page.getByTestId('edit-task')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('a leader reads everything but has no edit controls anywhere', async ({ page }) => {
  await signIn(page, 'leader');
  await expect(page.getByTestId('current-user')).toContainText('领导');
  const all = await listTasks(page.request);
  await page.goto('/tasks');
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${all.total} 项任务`);
  const first = all.items[0]!;

  await page.goto(`/tasks/${first.id}`);
  await expect(page.getByTestId('task-title')).toHaveText(first.title);
  await expect(page.getByTestId('edit-task')).toHaveCount(0);

  await page.goto(`/tasks/${first.id}/edit`);
  await expect(page.getByText('您无权编辑此任务')).toBeVisible();
  await expect(page.getByTestId('task-edit-form')).toHaveCount(0);
});

test('unit staff see only the tasks their unit leads or cooperates on', async ({ page, browser }) => {
  await signIn(page, 'staff');
  await expect(page.getByTestId('current-user')).toContainText('市科技局');
  const mine = await listTasks(page.request);
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${mine.total} 项任务`);

  // Every task on the staff list involves 市科技局, as lead or cooperating unit.
  for (const item of mine.items.slice(0, 5)) {
    const detail = await getTask(page.request, item.id);
    const involved = [detail.leadUnit, ...detail.cooperatingUnits].map((unit) => unit.name);
    expect(involved).toContain('市科技局');
  }

  // A task outside the unit's scope is not found for them.
  const adminContext = await browser.newContext();
  await signInContext(adminContext, 'admin');
  const everything = await listTasks(adminContext.request);
  await adminContext.close();
  expect(everything.total).toBeGreaterThan(mine.total);
  const ids = new Set(mine.items.map((item) => item.id));
  const outside = everything.items.find((item) => !ids.has(item.id))!;
  await page.goto(`/tasks/${outside.id}`);
  await expect(page.getByText('任务不存在或您无权查看')).toBeVisible();
});

test('a county reform office sees its county’s tasks, not the whole city’s', async ({ page, browser }) => {
  await signIn(page, 'county');
  await expect(page.getByTestId('current-user')).toContainText('嘉善县委改革办');
  const mine = await listTasks(page.request);
  expect(mine.total).toBeGreaterThan(0);
  await expect(page.getByTestId('task-total')).toHaveText(`共 ${mine.total} 项任务`);

  const adminContext = await browser.newContext();
  await signInContext(adminContext, 'admin');
  const everything = await listTasks(adminContext.request);
  await adminContext.close();
  expect(mine.total).toBeLessThan(everything.total);
});
