import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import type { TTaskDetail, TTaskListResponse } from '@reform/contracts';

export const PASSWORD = 'Reform@2026';
export type DemoUser = 'admin' | 'county' | 'staff' | 'leader';

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: DemoUser) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await expect(page).toHaveURL(/\/tasks/);
}

/** Signs a whole browser context in through the API (the cookie is shared with its pages). */
export async function signInContext(context: BrowserContext, username: DemoUser) {
  const response = await context.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(response.ok()).toBeTruthy();
}

export async function listTasks(request: APIRequestContext, query: Record<string, string> = {}) {
  const response = await request.get('/api/tasks', { params: { pageSize: '200', ...query } });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as TTaskListResponse;
}

export async function getTask(request: APIRequestContext, id: number) {
  const response = await request.get(`/api/tasks/${id}`);
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as TTaskDetail;
}

export const taskRows = (page: Page) => page.locator('[data-testid^="task-row-"]');

/** Types a date into an antd DatePicker (a page or a dialog) as a person would: click, type, Enter. */
export async function pickDate(scope: Pick<Page, 'getByRole'>, label: string, value: string) {
  const input = scope.getByRole('textbox', { name: label, exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}
