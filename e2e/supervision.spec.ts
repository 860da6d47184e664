import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInShanghai } from '../packages/domain/src/calendar.ts';
import type { TCurrentUser } from '@reform/contracts';
import { createTask, getTask, pickDate, signInContext, unique } from './helpers';

/** Picks 市科技局 in the owner-unit tree select by typing its name. */
async function pickOwner(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('combobox', { name: '责任单位' }).fill('市科技局');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '市科技局' }).first().click();
}

/** Records an inspection of one task through the form, as whoever is signed in on the page. */
async function recordInspection(page: Page, title: string, taskCode: string, inspectedOn: string, inspectors: string) {
  await page.goto('/inspections');
  await page.getByRole('button', { name: '记录督察' }).click();
  const form = page.getByRole('dialog', { name: '记录督察' });
  await form.getByRole('textbox', { name: '督察名称' }).fill(title);
  await pickDate(form, '督察日期', inspectedOn);
  await form.getByRole('textbox', { name: '督察组成员' }).fill(inspectors);
  // The picker searches the server as one types; on a busy machine a late answer can replace the
  // option under the click: pick until the choice shows in the field.
  const taskPicker = form.getByRole('combobox', { name: '督察任务' });
  await expect(async () => {
    await taskPicker.fill(taskCode);
    await page.locator('.ant-select-item-option', { hasText: taskCode }).click({ timeout: 5_000 });
    await expect(taskPicker.locator('..').locator('..')).toContainText(taskCode, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await form.getByRole('textbox', { name: '发现问题' }).fill('1. 配套政策出台滞后。\n2. 督办台账未按月更新。');
  await form.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

/** On an inspection's page: one finding as an item owned by 市科技局. */
async function addRectification(page: Page, description: string, deadline: string) {
  await page.getByRole('button', { name: '下发整改事项' }).click();
  const dialog = page.getByRole('dialog', { name: '下发整改事项' });
  await dialog.getByRole('textbox', { name: '整改事项' }).fill(description);
  await pickOwner(page, dialog);
  await pickDate(dialog, '整改期限', deadline);
  await dialog.getByRole('button', { name: /^下\s?发$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(description) })).toBeVisible();
}

/** The owner unit responds to an open item from its list, optionally with an evidence file. */
async function respond(page: Page, description: string, evidence?: string) {
  await page.goto('/rectifications?status=open');
  const row = page.getByRole('row', { name: new RegExp(description) });
  await row.getByRole('button', { name: '反馈整改情况' }).click();
  const dialog = page.getByRole('dialog', { name: /^反馈整改情况：/ });
  await dialog.getByRole('textbox', { name: '整改情况' }).fill('已出台配套政策并印发执行');
  if (evidence) {
    await dialog.locator('input[type=file]').setInputFiles({ name: evidence, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await expect(dialog.getByText(evidence)).toBeVisible();
  }
  await dialog.getByRole('button', { name: '提交反馈' }).click();
  await page.getByRole('dialog', { name: '反馈整改情况', exact: true }).getByRole('button', { name: '提交反馈' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('/rectifications?status=responded');
  await expect(page.getByRole('row', { name: new RegExp(description) }).getByText('已反馈待销号')).toBeVisible();
}

/** The inspector closes (销号) an item from the inspection's page. */
async function closeItem(page: Page, inspectionTitle: string, description: string) {
  await page.goto('/inspections');
  await page.getByRole('link', { name: inspectionTitle }).click();
  const row = page.getByRole('row', { name: new RegExp(description) });
  await row.getByRole('button', { name: /^销\s?号$/ }).click();
  const close = page.getByRole('dialog', { name: /^销号：/ });
  await close.getByRole('textbox', { name: '销号意见' }).fill('材料齐全，同意销号');
  await close.getByRole('button', { name: '确认销号' }).click();
  // A click while the confirmation is still zooming in can be lost on a busy machine: confirm until it goes.
  const confirmation = page.getByRole('dialog', { name: '销号', exact: true });
  await expect(async () => {
    if (await confirmation.isVisible()) await confirmation.getByRole('button', { name: '确认销号' }).click({ timeout: 5_000 });
    await expect(close).toBeHidden({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(row.getByText('已销号')).toBeVisible();
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
  await recordInspection(admin, title, task.code, addDays(today, -30), '市委改革办督察组（李明、王芳）');

  // Two findings become two items: one due in a month, one whose deadline has already passed.
  const add = (description: string, deadline: string) => addRectification(admin, description, deadline);
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
  await respond(staff, onTime);

  // The reform office closes it (销号) from the inspection.
  await closeItem(admin, title, onTime);
  await expect(admin.getByRole('row', { name: new RegExp(late) }).getByText('整改中')).toBeVisible();

  // Still red: the late item is open.
  expect((await getTask(admin.request, task.id)).light).toBe('red');
  await adminContext.close();
  await staffContext.close();
});

test('a special group’s office inspects a task of its group, and closes the item after the owner unit answers with evidence', async ({ browser }) => {
  test.setTimeout(240_000);
  const today = todayInShanghai();
  const groupContext = await browser.newContext();
  await signInContext(groupContext, 'group');
  const me = (await (await groupContext.request.get('/api/auth/me')).json()) as TCurrentUser;
  expect(me.unit.name).toBe('科技创新体制改革专项小组');
  // The reform office makes a task of that group for this test.
  const adminContext = await browser.newContext();
  await signInContext(adminContext, 'admin');
  const task = await createTask(adminContext.request, { specialGroupId: me.unit.id, startDate: addDays(today, -10), deadline: addDays(today, 400), milestones: [{ name: '完成主要改革举措', phase: '推进', dueDate: addDays(today, 300) }] });
  await adminContext.close();

  // The group's office sees only what it may use, and records the inspection.
  const group = await groupContext.newPage();
  await group.goto('/inspections');
  await expect(group.getByRole('menuitem', { name: /督查整改/ })).toBeVisible();
  await expect(group.getByRole('menuitem', { name: /进展报告/ })).toHaveCount(0);
  await expect(group.getByRole('menuitem', { name: /系统设置/ })).toHaveCount(0);
  const title = unique('科技创新组专项督察');
  await recordInspection(group, title, task.code, addDays(today, -3), '科技创新体制改革专项小组（沈佳怡）');
  const finding = unique('专项小组督察问题');
  await addRectification(group, finding, addDays(today, 20));

  // 市科技局 answers with a note and an evidence file.
  const staffContext = await browser.newContext();
  await signInContext(staffContext, 'staff');
  const evidence = `${unique('整改佐证')}.pdf`;
  await respond(await staffContext.newPage(), finding, evidence);
  await staffContext.close();

  // The group's office sees the evidence and closes the item.
  await closeItem(group, title, finding);
  await expect(group.getByRole('row', { name: new RegExp(finding) }).getByRole('link', { name: evidence })).toBeVisible();
  await groupContext.close();
});
