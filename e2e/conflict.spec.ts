import { expect, test } from '@playwright/test';
import { createTask, signInContext } from './helpers';

test('the second of two people saving the same task sees what the first saved', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  await signInContext(first, 'admin');
  await signInContext(second, 'admin');
  const task = await createTask(first.request);

  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await pageA.goto(`/tasks/${task.id}/edit`);
  await pageB.goto(`/tasks/${task.id}/edit`);
  await expect(pageA.getByTestId('task-edit-form')).toBeVisible();
  await expect(pageB.getByTestId('task-edit-form')).toBeVisible();

  // A saves first.
  await pageA.getByRole('textbox', { name: '联系人' }).fill('先保存的人');
  await pageA.getByTestId('save-task').click();
  await expect(pageA).toHaveURL(`/tasks/${task.id}`);

  // B, still on the old version, changes the same field and another.
  await pageB.getByRole('textbox', { name: '联系人' }).fill('后保存的人');
  await pageB.getByRole('textbox', { name: '联系电话' }).fill('0573-12345678');
  await pageB.getByTestId('save-task').click();

  const dialog = pageB.getByRole('dialog', { name: '该任务已被他人修改' });
  await expect(dialog).toBeVisible();
  const contactRow = dialog.getByRole('row').filter({ hasText: '联系人' });
  await expect(contactRow).toContainText('先保存的人');
  await expect(contactRow).toContainText('后保存的人');

  // Re-apply B's changes onto A's version and save again.
  await dialog.getByTestId('conflict-reapply').click();
  await expect(dialog).toBeHidden();
  await expect(pageB.getByRole('textbox', { name: '联系人' })).toHaveValue('后保存的人');
  await pageB.getByTestId('save-task').click();
  await expect(pageB).toHaveURL(`/tasks/${task.id}`);
  const responsibility = pageB.getByRole('region', { name: '责任状（四个一）' });
  await expect(responsibility).toContainText('后保存的人');
  await expect(responsibility).toContainText('0573-12345678');

  await first.close();
  await second.close();
});
