import { expect, test, type APIRequestContext } from '@playwright/test';
import type { TTaskDetail } from '@reform/contracts';
import { getTask, listTasks, pickDate, signInContext } from './helpers';

/** A running pilot the reform office may extend: approved timetable, not extended yet, its deadline not moved. */
async function extendablePilot(request: APIRequestContext): Promise<TTaskDetail> {
  const { items } = await listTasks(request, { list: 'pilot', status: 'active' });
  for (const item of items) {
    const task = await getTask(request, item.id);
    if (task.permissions.canExtendPilot && task.baselineDeadline === task.deadline && task.pilot?.extendedTo === null && !task.pendingAdjustmentId) {
      return task;
    }
  }
  throw new Error('no extendable pilot in the demo data');
}

/** Half a year after the later of the term's end and the deadline. */
function sixMonthsAfter(...dates: string[]): string {
  const latest = new Date(`${dates.sort().at(-1)}T00:00:00Z`);
  latest.setUTCMonth(latest.getUTCMonth() + 6);
  return latest.toISOString().slice(0, 10);
}

test('the reform office extends a pilot with a reason and sees 延期至, the moved deadline against its baseline, and the history', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const task = await extendablePilot(page.request);
  const extendedTo = sixMonthsAfter(task.pilot!.termEnd, task.deadline);
  const reason = '改革任务复杂，部分制度创新需上级授权，经市委改革委同意延期';

  await page.goto(`/tasks/${task.id}`);
  const card = page.getByRole('region', { name: '试点信息' });
  await expect(card.getByTestId('pilot-extended-to')).toHaveCount(0);
  await card.getByTestId('extend-pilot').click();
  const dialog = page.getByRole('dialog', { name: '试点延期' });
  await expect(dialog).toContainText(`须晚于 ${task.pilot!.termEnd}`);

  // A reason is required.
  await pickDate(dialog, '延期至', extendedTo);
  await dialog.getByTestId('confirm-extension').click();
  await expect(dialog.getByText('请说明延期理由（至少 4 个字）')).toBeVisible();
  await expect(dialog).toContainText(`完成时限将由 ${task.deadline} 顺延至 ${extendedTo}`);
  await dialog.getByRole('textbox', { name: '延期理由' }).fill(reason);
  await dialog.getByTestId('confirm-extension').click();
  await expect(dialog).toBeHidden();

  await expect(card.getByTestId('pilot-extended-to')).toHaveText(extendedTo);
  await expect(card.getByTestId('pilot-extension-reason')).toHaveText(reason);
  await expect(card).toContainText('已延期');
  await expect(page.getByTestId('header-deadline')).toHaveText(extendedTo);
  await expect(page.getByTestId('header-deadline-baseline')).toContainText(`基线 ${task.deadline}`);

  // After a reload, as anyone would see it.
  await page.reload();
  await expect(page.getByTestId('task-deadline')).toHaveText(extendedTo);
  await expect(page.getByTestId('task-deadline-baseline')).toContainText(`基线 ${task.deadline}`);
  await page.getByRole('tab', { name: '变更历史' }).click();
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText('试点延期');
  await expect(entry).toContainText(`试点延期至 ${extendedTo}：${reason}`);
  await expect(entry).toContainText(`完成时限：由“${task.deadline}”改为“${extendedTo}”`);
});

test('the reform office changes a pilot’s batch in the edit form', async ({ page, context }) => {
  await signInContext(context, 'admin');
  const task = (await listTasks(page.request, { list: 'pilot', status: 'active' })).items.at(-1)!;
  const before = await getTask(page.request, task.id);
  const batch = `${before.year}年第${(Date.now() % 7) + 3}批`;

  await page.goto(`/tasks/${task.id}`);
  await page.getByTestId('edit-task').click();
  const section = page.getByTestId('pilot-fields');
  await expect(section.getByRole('textbox', { name: '试点批次' })).toHaveValue(before.pilot!.batch);
  await expect(section.getByText(before.pilot!.applyingCounty?.name ?? '市级试点可不填')).toBeVisible();
  await section.getByRole('textbox', { name: '试点批次' }).fill(batch);
  await page.getByTestId('save-task').click();

  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page).toHaveURL(`/tasks/${task.id}`);
  await expect(page.getByRole('region', { name: '试点信息' })).toContainText(batch);
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByTestId('history-entry').first()).toContainText(`试点批次：由“${before.pilot!.batch}”改为“${batch}”`);
});
