import { expect, test } from '@playwright/test';
import { createTask, getTask, listTasks, signInContext, unique } from './helpers';

test('the reform office edits a task and sees the change after reload', async ({ page, context }) => {
  await signInContext(context, 'admin');
  // A fresh draft: its timetable is not approved yet, so the deadline is still edited here.
  const task = await createTask(page.request, { status: 'draft' });
  const newContact = unique('周编辑');

  await page.goto(`/tasks/${task.id}`);
  await page.getByTestId('edit-task').click();
  await expect(page).toHaveURL(`/tasks/${task.id}/edit`);

  const contact = page.getByRole('textbox', { name: '联系人' });
  await contact.fill(newContact);
  const deadline = page.getByRole('textbox', { name: '完成时限' });
  await deadline.click();
  await deadline.fill('2029-06-30');
  await deadline.press('Enter');
  await page.getByRole('button', { name: '添加举措' }).click();
  await page.getByRole('textbox', { name: /^举措 \d+$/ }).last().fill('端到端测试补充的举措');
  await page.getByTestId('save-task').click();

  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page).toHaveURL(`/tasks/${task.id}`);
  await page.reload();
  const responsibility = page.getByRole('region', { name: '责任状（四个一）' });
  await expect(responsibility).toContainText(newContact);
  await expect(page.getByTestId('task-deadline')).toHaveText('2029-06-30');
  await expect(page.getByTestId('measures').getByRole('listitem').last()).toHaveText('端到端测试补充的举措');

  const saved = await getTask(page.request, task.id);
  expect(saved.version).toBe(task.version + 1);
});

test('invalid input shows the shared rules’ Chinese messages and is not sent', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const task = (await listTasks(page.request, { list: 'innovation' })).items[0]!;
  await page.goto(`/tasks/${task.id}/edit`);
  await page.getByRole('textbox', { name: '任务名称' }).fill('改');
  await expect(page.getByText('任务名称应为 2 至 200 个字')).toBeVisible();
  let patched = false;
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patched = true;
  });
  await page.getByTestId('save-task').click();
  await expect(page).toHaveURL(`/tasks/${task.id}/edit`);
  expect(patched).toBe(false);

  // Leaving with unsaved changes asks first.
  await page.getByRole('button', { name: /取\s*消/ }).click();
  const dialog = page.getByRole('dialog', { name: '离开此页面？' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '离开，放弃修改' }).click();
  await expect(page).toHaveURL(`/tasks/${task.id}`);
  await expect(page.getByTestId('task-title')).toHaveText(task.title);
});

test('unit staff cannot edit a task their unit only cooperates on', async ({ page, context }) => {
  await signInContext(context, 'staff');
  const mine = (await listTasks(page.request)).items;
  const cooperating = mine.find((item) => item.leadUnit.name !== '市科技局')!;
  const leading = mine.find((item) => item.leadUnit.name === '市科技局')!;

  await page.goto(`/tasks/${cooperating.id}`);
  await expect(page.getByTestId('task-title')).toHaveText(cooperating.title);
  await expect(page.getByTestId('edit-task')).toHaveCount(0);
  await page.goto(`/tasks/${cooperating.id}/edit`);
  await expect(page.getByText('您无权编辑此任务')).toBeVisible();
  await expect(page.getByTestId('task-edit-form')).toHaveCount(0);

  // On a task it leads, only the fields the server allows are open.
  await page.goto(`/tasks/${leading.id}`);
  await page.getByTestId('edit-task').click();
  await expect(page.getByRole('textbox', { name: '任务名称' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: '联系人' })).toBeEnabled();
});
