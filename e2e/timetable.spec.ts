import { expect, test } from '@playwright/test';
import { pickDate, signInContext } from './helpers';

test('a pilot’s timetable: reverse-scheduled, approved, adjusted on request, baseline kept', async ({ browser }) => {
  const title = `端到端试点${Date.now() % 100000}：科技金融改革`;
  const admin = await browser.newContext();
  await signInContext(admin, 'admin');
  const page = await admin.newPage();

  // The reform office creates a pilot led by 市科技局 with a timetable from the template.
  await page.goto('/tasks');
  await page.getByTestId('new-task').click();
  await expect(page).toHaveURL(/\/tasks\/new/);
  await page.getByTestId('task-create-form').getByText('改革试点', { exact: true }).click();
  await page.getByRole('textbox', { name: '任务名称' }).fill(title);
  await page.getByRole('textbox', { name: '领域' }).fill('科技创新');
  await page.getByRole('textbox', { name: '试点批次' }).fill('2026年第二批');
  await page.getByRole('combobox', { name: '牵头单位' }).click();
  await page.getByRole('combobox', { name: '牵头单位' }).fill('市科技局');
  await page.locator('.ant-select-tree-title', { hasText: /^市科技局$/ }).click();
  await pickDate(page, '完成时限', '2027-12-31');
  await page.getByTestId('generate-milestones').click();
  await expect(page.getByRole('textbox', { name: '节点 1 名称' })).not.toHaveValue('');
  const lastDate = page.getByTestId('create-milestones').getByRole('textbox', { name: /^节点 \d+ 日期$/ }).last();
  await expect(lastDate).toHaveValue('2027-12-31');
  await page.getByTestId('create-task').click();

  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByText(/已新建任务，编号 \S+/)).toBeVisible();
  await expect(page.getByTestId('task-title')).toHaveText(title);
  const taskUrl = page.url();

  // Approve the timetable: the baseline freezes.
  await expect(page.getByTestId('baseline-draft')).toBeVisible();
  await page.getByTestId('approve-baseline').click();
  const confirm = page.getByRole('dialog').filter({ hasText: '审定后基线将冻结，日期调整需提交申请' });
  await confirm.getByRole('button', { name: /审\s*定/ }).click();
  await expect(page.getByTestId('baseline-approved')).toContainText('基线已于');
  await expect(page.getByTestId('edit-milestones')).toHaveCount(0);
  await expect(page.getByTestId('task-deadline')).toHaveText('2027-12-31');
  await expect(page.getByTestId('task-deadline-baseline')).toHaveCount(0);

  // The ordinary edit no longer moves the dates: it points to the adjustment request.
  await page.getByTestId('edit-task').click();
  await expect(page.getByRole('textbox', { name: '完成时限' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: '开始日期' })).toBeDisabled();
  await expect(page.getByTestId('dates-frozen')).toContainText('时间表已审定，调整完成时限请提交调整申请');
  await page.getByTestId('go-request-adjustment').click();
  await expect(page).toHaveURL(taskUrl + '#timetable');
  const opened = page.getByRole('dialog', { name: '申请调整时间表' });
  await expect(opened).toBeVisible();
  await opened.getByRole('button', { name: /取\s*消/ }).click();
  await expect(opened).toBeHidden();

  // The lead unit's staff ask to move the first milestone by a month.
  const staff = await browser.newContext();
  await signInContext(staff, 'staff');
  const staffPage = await staff.newPage();
  await staffPage.goto(taskUrl);
  await staffPage.getByTestId('request-adjustment').click();
  const form = staffPage.getByTestId('adjustment-form');
  await form.getByRole('textbox', { name: '调整理由' }).fill('受省级政策出台时间影响，需顺延');
  const firstDate = form.getByRole('textbox', { name: / 调整为$/ }).first();
  const from = await firstDate.inputValue();
  const to = new Date(Date.parse(`${from}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await firstDate.click();
  await firstDate.fill(to);
  await firstDate.press('Enter');
  await pickDate(staffPage, '新的完成时限', '2028-03-31');
  await staffPage.getByRole('button', { name: '提交申请' }).click();
  await expect(staffPage.getByTestId('pending-adjustment')).toContainText(`${from} → ${to}（+30 天）`);
  await expect(staffPage.getByTestId('pending-adjustment')).toContainText('2027-12-31 → 2028-03-31（+91 天）');
  await expect(staffPage.getByTestId('approve-adjustment')).toHaveCount(0);
  await staff.close();

  // The office approves; the detail shows baseline against current.
  await page.reload();
  await expect(page.getByTestId('pending-adjustment')).toBeVisible();
  await page.getByTestId('approve-adjustment').click();
  await page.getByTestId('confirm-decision').click();
  await expect(page.getByTestId('pending-adjustment')).toHaveCount(0);
  await expect(page.getByTestId('baseline-shift').first()).toHaveText(`基线 ${from}，已调整 +30 天`);
  // The deadline moved; its baseline stays, shown against it.
  await expect(page.getByTestId('task-deadline')).toHaveText('2028-03-31');
  await expect(page.getByTestId('task-deadline-baseline')).toHaveText('（基线 2027-12-31，已调整 +91 天）');
  await expect(page.getByTestId('header-deadline-baseline')).toHaveText('（基线 2027-12-31，已调整 +91 天）');

  // The history tells the story.
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByTestId('history-timeline')).toContainText('同意时间表调整');
  await expect(page.getByTestId('history-timeline')).toContainText('审定时间表，冻结基线');
  await expect(page.getByTestId('history-timeline')).toContainText('完成时限：由“2027-12-31”改为“2028-03-31”');
  await admin.close();
});
