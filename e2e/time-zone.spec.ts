import { expect, test } from '@playwright/test';
import { createTask, getTask, listTasks, signInContext } from './helpers';

// Dates are Shanghai calendar days whatever the reader's clock says. A browser behind UTC (Los
// Angeles) catches a day read as UTC midnight and shown in local time; one far ahead (Kiritimati,
// UTC+14) catches a local midnight sent as an ISO timestamp.
const zones = [
  { timezoneId: 'America/Los_Angeles', newDeadline: '2029-12-31' },
  { timezoneId: 'Pacific/Kiritimati', newDeadline: '2029-01-01' },
];

for (const zone of zones) {
  test.describe(zone.timezoneId, () => {
    test.use({ timezoneId: zone.timezoneId });

    test('shows the same lights and dates as Shanghai, and saves the day it was given', async ({ page, context }) => {
      await signInContext(context, 'admin');
      const red = (await listTasks(page.request, { light: 'red', list: 'pilot' })).items[0]!;
      await page.goto(`/tasks/${red.id}`);
      await expect(page.getByTestId('light-reason')).toHaveText(red.lightReason);
      await expect(page.getByTestId('task-deadline')).toHaveText(red.deadline);

      const draft = await createTask(page.request);
      await page.goto(`/tasks/${draft.id}/edit`);
      const deadline = page.getByRole('textbox', { name: '完成时限' });
      await deadline.click();
      await deadline.fill(zone.newDeadline);
      await deadline.press('Enter');
      await page.getByTestId('save-task').click();
      await expect(page.getByText('已保存')).toBeVisible();
      await expect(page.getByTestId('task-deadline')).toHaveText(zone.newDeadline);
      expect((await getTask(page.request, draft.id)).deadline).toBe(zone.newDeadline);
    });
  });
}
