import { expect, test } from '@playwright/test';
import { getTask, listTasks, signInContext } from './helpers';

test('the reform office suspends a task with a reason, resumes it, and closes it after confirming', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const task = (await listTasks(page.request, { status: 'active', light: 'green', list: 'mandate' })).items.at(-1)!;
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByTestId('task-status')).toHaveText('推进中');
  await expect(page.getByTestId('light-indicator')).toHaveAttribute('data-light', 'green');

  // Suspending needs a reason; the light turns grey and the tag says 暂停.
  await page.getByTestId('status-suspend').click();
  const suspend = page.getByRole('dialog', { name: '暂停任务' });
  await suspend.getByTestId('confirm-status').click();
  await expect(suspend.getByText('请说明暂停理由（至少 4 个字）')).toBeVisible();
  await suspend.getByRole('textbox', { name: '暂停理由' }).fill('省级配套政策调整，等待统一部署');
  await suspend.getByTestId('confirm-status').click();
  await expect(suspend).toBeHidden();
  await expect(page.getByTestId('task-status')).toHaveText('暂停');
  await expect(page.getByTestId('light-indicator')).toHaveAttribute('data-light', 'grey');
  await expect(page.getByTestId('light-reason')).toHaveText('任务已暂停');
  await page.getByRole('tab', { name: '变更历史' }).click();
  const history = page.getByTestId('history-timeline');
  await expect(history).toContainText('暂停任务');
  await expect(history).toContainText('理由：省级配套政策调整，等待统一部署');

  // The list shows it suspended, grey.
  const listed = (await listTasks(page.request, { q: task.code })).items[0]!;
  expect(listed).toMatchObject({ status: 'suspended', light: 'grey' });

  // Resuming brings the computed light back.
  await page.getByTestId('status-resume').click();
  const resume = page.getByRole('dialog', { name: '恢复推进' });
  await resume.getByTestId('confirm-status').click();
  await expect(resume).toBeHidden();
  await expect(page.getByTestId('task-status')).toHaveText('推进中');
  await expect(page.getByTestId('light-indicator')).toHaveAttribute('data-light', 'green');
  await expect(page.getByTestId('status-suspend')).toBeVisible();

  // Closing (销号) asks for a note and a confirmation; cancelling changes nothing.
  await page.getByTestId('status-close').click();
  const close = page.getByRole('dialog', { name: '销号' });
  await expect(close).toContainText('销号后任务不再推进，状态、时间表和节点都不能再改变');
  await close.getByRole('button', { name: /取\s*消/ }).click();
  await expect(close).toBeHidden();
  expect((await getTask(page.request, task.id)).status).toBe('active');

  await page.getByTestId('status-close').click();
  await close.getByRole('textbox', { name: '销号说明' }).fill('经市委改革办验收，同意销号');
  await close.getByTestId('confirm-status').click();
  await expect(close).toBeHidden();
  await expect(page.getByTestId('task-status')).toHaveText('已销号');
  await expect(page.getByTestId('light-indicator')).toHaveAttribute('data-light', 'grey');
  // Closed is final: no status action is offered any more.
  await expect(page.locator('[data-testid^="status-"]')).toHaveCount(0);
  await expect(history).toContainText('销号');
  await expect(history).toContainText('理由：经市委改革办验收，同意销号');
});

test('a lead unit’s staff see the status but no status actions', async ({ page, context }) => {
  await signInContext(context, 'staff');
  const task = (await listTasks(page.request, { status: 'active' })).items.find((item) => item.leadUnit.name === '市科技局')!;
  await page.goto(`/tasks/${task.id}`);
  await expect(page.getByTestId('task-status')).toHaveText('推进中');
  await expect(page.getByTestId('edit-task')).toBeVisible();
  await expect(page.locator('[data-testid^="status-"]')).toHaveCount(0);
});
