import { expect, test } from '@playwright/test';
import type { TSetting } from '@reform/contracts';
import { signIn } from './helpers';

test('the reform office changes the yellow-light threshold and it is kept', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('menuitem', { name: '系统设置' }).click();
  await expect(page).toHaveURL(/\/settings$/);

  const lights = page.getByTestId('setting-lights');
  const input = lights.getByRole('spinbutton', { name: '黄灯提前天数' });
  const before = Number(await input.inputValue());
  const next = before === 21 ? 22 : 21;

  await input.fill(String(next));
  await expect(lights.getByTestId('lights-sentence')).toContainText(`节点到期前 ${next} 天未完成即亮黄灯`);
  await lights.getByTestId('save-lights').click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('setting-lights').getByRole('spinbutton', { name: '黄灯提前天数' })).toHaveValue(String(next));

  // Put the threshold back so the other specs see the demo's lights.
  const saved = ((await (await page.request.get('/api/settings')).json()) as TSetting[]).find((s) => s.key === 'lights')!;
  const restored = await page.request.put('/api/settings/lights', { data: { version: saved.version, value: { yellowWithinDays: before } } });
  expect(restored.ok()).toBeTruthy();
});

test('unit staff have no settings entry and are refused the page', async ({ page }) => {
  await signIn(page, 'staff');
  await expect(page.getByRole('menuitem', { name: '任务清单' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '系统设置' })).toHaveCount(0);
  await page.goto('/settings');
  await expect(page.getByText('您无权访问系统设置')).toBeVisible();
});
