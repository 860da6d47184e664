import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { TTaskDetail } from '@reform/contracts';
import { getTask, listTasks, signInContext } from './helpers';

/** A minimal valid one-page PDF, offsets and all, so the server's content check sees a real PDF. */
function minimalPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('the lead unit completes a milestone with a PDF, downloads it, and a disguised file is refused', async ({ page, context }) => {
  await signInContext(context, 'staff');
  // A task 市科技局 leads with two milestones still open: one for the PDF, one for the disguised file.
  let task: TTaskDetail | undefined;
  for (const item of (await listTasks(page.request, { status: 'active' })).items.filter((i) => i.leadUnit.name === '市科技局')) {
    const detail = await getTask(page.request, item.id);
    if (detail.milestones.filter((m) => m.doneDate === null).length >= 2) {
      task = detail;
      break;
    }
  }
  expect(task, 'a 市科技局 task with two open milestones').toBeDefined();
  const [first, second] = [...task!.milestones].filter((m) => m.doneDate === null).sort((a, b) => a.seq - b.seq);
  const pdfName = `科技金融实施细则（印发稿）${Date.now() % 10000}.pdf`;
  const pdf = minimalPdf();

  await page.goto(`/tasks/${task!.id}`);
  await page.getByRole('button', { name: `标记完成：${first!.name}` }).click();
  const dialog = page.getByRole('dialog', { name: `标记完成：${first!.name}` });
  await dialog.getByRole('textbox', { name: '完成情况说明' }).fill('实施细则已印发');
  await dialog.locator('input[type="file"]').setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: pdf });
  await expect(dialog.getByText(pdfName)).toBeVisible();
  await dialog.getByRole('button', { name: '确认完成' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`节点「${first!.name}」已标记完成`)).toBeVisible();

  // Listed under the timetable, with the milestone it proves; the milestone shows its note.
  const evidence = page.getByRole('region', { name: '佐证材料' });
  const link = evidence.getByRole('link', { name: pdfName });
  await expect(link).toBeVisible();
  await expect(evidence.getByRole('listitem').filter({ hasText: pdfName })).toContainText(`节点：${first!.name}`);
  await expect(page.getByTestId(`milestone-${first!.id}`)).toContainText('说明：实施细则已印发');

  // The download is always an attachment, under the name it was uploaded with, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(pdfName);
  expect(await readFile((await download.path())!)).toEqual(pdf);
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');

  // Plain text under a .pdf name is refused by its content, and the milestone stays open.
  await page.getByRole('button', { name: `标记完成：${second!.name}` }).click();
  const disguised = page.getByRole('dialog', { name: `标记完成：${second!.name}` });
  await disguised
    .locator('input[type="file"]')
    .setInputFiles({ name: '伪装的材料.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是PDF，只是一段文字。\n') });
  await disguised.getByRole('button', { name: '确认完成' }).click();
  await expect(disguised.getByRole('alert')).toContainText('佐证材料未能上传：不支持的文件类型，请上传文档（PDF、Word、Excel、PowerPoint、WPS）或图片');
  await expect(disguised.getByRole('alert')).toContainText('节点尚未标记完成');
  await disguised.getByRole('button', { name: /取\s*消/ }).click();
  await expect(disguised).toBeHidden();
  await expect(page.getByRole('button', { name: `标记完成：${second!.name}` })).toBeVisible();
  await expect(evidence).not.toContainText('伪装的材料.pdf');
  expect((await getTask(page.request, task!.id)).milestones.find((m) => m.id === second!.id)!.doneDate).toBeNull();
});
