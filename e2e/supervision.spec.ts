import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInShanghai } from '../packages/domain/src/calendar.ts';
import { createTask, getTask, pickDate, signInContext, unique } from './helpers';

/** Picks 市科技局 in the owner-unit tree select by typing its name. */
async function pickOwner(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('combobox', { name: '责任单位' }).fill('市科技局');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '市科技局' }).first().click();
}

test('an inspection creates two rectification items: one is responded to and closed, the other goes overdue and turns its task red', async ({ browser }) => {
  // Two people and a dozen dialogs: longer than the default minute on a busy machine.
  test.setTimeout(240_000);
  const today = todayInShanghai();
  const adminContext = await browser.newContext();
  await signInContext(adminContext, 'admin');
  const admin = await adminContext.newPage();
  // A fresh task led by 市科技局, green to begin with (its only milestone far ahead, started this quarter).
  const task = await createTask(admin.request, {
    startDate: addDays(today, -10),
    deadline: addDays(today, 400),
    milestones: [{ name: '完成主要改革举措', phase: '推进', dueDate: addDays(today, 300) }],
  });
  expect((await getTask(admin.request, task.id)).light).toBe('green');

  // The reform office records the inspection through the form.
  const title = unique('专项督察');
  await admin.goto('/inspections');
  await admin.getByRole('button', { name: '记录督察' }).click();
  const form = admin.getByRole('dialog', { name: '记录督察' });
  await form.getByRole('textbox', { name: '督察名称' }).fill(title);
  await pickDate(form, '督察日期', addDays(today, -30));
  await form.getByRole('textbox', { name: '督察组成员' }).fill('市委改革办督察组（李明、王芳）');
  // The picker searches the server as one types; on a busy machine a late answer can replace the
  // option under the click: pick until the choice shows in the field.
  const taskPicker = form.getByRole('combobox', { name: '督察任务' });
  await expect(async () => {
    await taskPicker.fill(task.code);
    await admin.locator('.ant-select-item-option', { hasText: task.code }).click({ timeout: 5_000 });
    await expect(taskPicker.locator('..').locator('..')).toContainText(task.code, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await form.getByRole('textbox', { name: '发现问题' }).fill('1. 配套政策出台滞后。\n2. 督办台账未按月更新。');
  await form.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(admin.getByRole('heading', { name: title })).toBeVisible();

  // Two findings become two items: one due in a month, one whose deadline has already passed.
  const add = async (description: string, deadline: string) => {
    await admin.getByRole('button', { name: '下发整改事项' }).click();
    const dialog = admin.getByRole('dialog', { name: '下发整改事项' });
    await dialog.getByRole('textbox', { name: '整改事项' }).fill(description);
    await pickOwner(admin, dialog);
    await pickDate(dialog, '整改期限', deadline);
    await dialog.getByRole('button', { name: /^下\s?发$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole('row', { name: new RegExp(description) })).toBeVisible();
  };
  const onTime = unique('完善配套政策');
  const late = unique('建立督办台账');
  await add(onTime, addDays(today, 30));
  await add(late, addDays(today, -5));
  await expect(admin.getByRole('row', { name: new RegExp(late) }).getByText('逾期 5 天')).toBeVisible();

  // The overdue item turns the task red, with the reason in words.
  await admin.goto(`/tasks/${task.id}`);
  const light = admin.getByTestId('light-indicator').first();
  await expect(light).toHaveAttribute('data-light', 'red');
  await expect(admin.getByText(`整改事项“${late}”已逾期 5 天`)).toBeVisible();
  await admin.getByRole('tab', { name: '督查整改' }).click();
  await expect(admin.getByTestId('task-rectifications').getByRole('row')).toHaveCount(3);

  // The owner unit responds to the other one from its list of items.
  const staffContext = await browser.newContext();
  await signInContext(staffContext, 'staff');
  const staff = await staffContext.newPage();
  await staff.goto('/rectifications?status=open');
  const row = staff.getByRole('row', { name: new RegExp(onTime) });
  await row.getByRole('button', { name: '反馈整改情况' }).click();
  const respond = staff.getByRole('dialog', { name: /^反馈整改情况：/ });
  await respond.getByRole('textbox', { name: '整改情况' }).fill('已出台配套政策并印发执行');
  await respond.getByRole('button', { name: '提交反馈' }).click();
  await staff.getByRole('dialog', { name: '反馈整改情况', exact: true }).getByRole('button', { name: '提交反馈' }).click();
  await expect(respond).toBeHidden();
  await staff.goto('/rectifications?status=responded');
  await expect(staff.getByRole('row', { name: new RegExp(onTime) }).getByText('已反馈待销号')).toBeVisible();

  // The reform office closes it (销号) from the inspection.
  await admin.goto('/inspections');
  await admin.getByRole('link', { name: title }).click();
  const adminRow = admin.getByRole('row', { name: new RegExp(onTime) });
  await adminRow.getByRole('button', { name: /^销\s?号$/ }).click();
  const close = admin.getByRole('dialog', { name: /^销号：/ });
  await close.getByRole('textbox', { name: '销号意见' }).fill('材料齐全，同意销号');
  await close.getByRole('button', { name: '确认销号' }).click();
  // A click while the confirmation is still zooming in can be lost on a busy machine: confirm until it goes.
  const confirmation = admin.getByRole('dialog', { name: '销号', exact: true });
  await expect(async () => {
    if (await confirmation.isVisible()) await confirmation.getByRole('button', { name: '确认销号' }).click({ timeout: 5_000 });
    await expect(close).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(adminRow.getByText('已销号')).toBeVisible();
  await expect(admin.getByRole('row', { name: new RegExp(late) }).getByText('整改中')).toBeVisible();

  // Still red: the late item is open.
  expect((await getTask(admin.request, task.id)).light).toBe('red');
  await adminContext.close();
  await staffContext.close();
});
