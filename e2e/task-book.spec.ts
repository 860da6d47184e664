import { expect, test } from '@playwright/test';
import { createTask, signInContext, unique } from './helpers';

test('the reform office adds an expected outcome and a source document, and sees them on the task and in its history', async ({ page, context }) => {
  await signInContext(context, 'admin');
  // A task of its own, without outcomes or documents: a retry never meets rows an earlier try added.
  const task = await createTask(page.request);
  const outcomeRow = 1;
  const documentRow = 1;
  const description = unique('建成科技金融服务中心');
  const title = unique('嘉兴市科技金融改革实施方案');

  await page.goto(`/tasks/${task.id}/edit`);
  await expect(page.getByRole('textbox', { name: '任务名称' })).toHaveValue(task.title);
  await page.getByRole('button', { name: '添加成果' }).click();
  const kind = page.getByRole('combobox', { name: `成果 ${outcomeRow} 形式` });
  await expect(kind).toBeFocused();
  // On a busy machine a click can land while the dropdown is still opening: pick until it shows.
  await expect(async () => {
    await kind.click();
    await page.getByTitle('标志性成果').click({ timeout: 5_000 });
    await expect(kind.locator('..').locator('..')).toContainText('标志性成果', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByRole('textbox', { name: `成果 ${outcomeRow} 描述` }).fill(description);
  await page.getByRole('spinbutton', { name: `成果 ${outcomeRow} 目标数量` }).fill('2');
  await page.getByRole('spinbutton', { name: `成果 ${outcomeRow} 已交付数量` }).fill('1');

  await page.getByRole('button', { name: '添加依据文件' }).click();
  await page.getByRole('textbox', { name: `依据文件 ${documentRow} 标题` }).fill(title);
  await page.getByRole('textbox', { name: `依据文件 ${documentRow} 文号` }).fill('嘉委改发〔2026〕3号');
  await page.getByRole('textbox', { name: `依据文件 ${documentRow} 发文机关` }).fill('市委改革办');
  const issuedOn = page.getByRole('textbox', { name: `依据文件 ${documentRow} 印发日期` });
  await issuedOn.click();
  await issuedOn.fill('2026-03-15');
  await issuedOn.press('Enter');
  await page.getByTestId('save-task').click();

  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page).toHaveURL(`/tasks/${task.id}`);
  await page.reload();
  const outcome = page.getByTestId('outcomes').getByRole('listitem').filter({ hasText: description });
  await expect(outcome).toContainText('标志性成果');
  await expect(outcome).toContainText('已交付1 / 2 项');
  const document = page.getByTestId('source-documents').getByRole('listitem').filter({ hasText: title });
  await expect(document).toHaveText(`《${title}》嘉委改发〔2026〕3号，市委改革办，2026-03-15 印发`);

  await page.getByRole('tab', { name: '变更历史' }).click();
  const latest = page.getByTestId('history-entry').first();
  await expect(latest).toContainText('修改任务');
  await expect(latest).toContainText(`预期成果：新增标志性成果“${description}”（目标 2 项，已交付 1 项）`);
  await expect(latest).toContainText(`依据文件：新增《${title}》（嘉委改发〔2026〕3号，市委改革办，2026-03-15 印发）`);
});
