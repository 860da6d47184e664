import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import type { TTaskCreateInput, TTaskDetail, TTaskListResponse, TUnitNode } from '@reform/contracts';

export const PASSWORD = 'Reform@2026';
export type DemoUser = 'admin' | 'county' | 'group' | 'staff' | 'leader';

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, username: DemoUser) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  // Lead cadres land on the overview dashboard, everyone else on the task list.
  await expect(page).toHaveURL(username === 'leader' ? /\/dashboard/ : /\/tasks/);
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

/** A name no earlier test or retry has used: data made by a test never meets data another try made. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const flattenUnits = (nodes: TUnitNode[]): TUnitNode[] => nodes.flatMap((node) => [node, ...flattenUnits(node.children)]);

/** A fresh task made through the API, for a test that changes a task: it never depends on what the demo data or an earlier try left. */
export async function createTask(request: APIRequestContext, overrides: Partial<TTaskCreateInput> = {}) {
  const units = flattenUnits((await (await request.get('/api/units')).json()) as TUnitNode[]);
  const lead = units.find((unit) => unit.name === '市科技局');
  expect(lead).toBeDefined();
  const body: TTaskCreateInput = {
    list: 'mandate',
    title: unique('端到端测试任务'),
    field: '科技创新',
    level: 'city',
    priority: 'normal',
    year: 2026,
    leadUnitId: lead!.id,
    startDate: '2026-01-01',
    deadline: '2027-12-31',
    measures: ['建立知识产权质押融资风险补偿机制'],
    milestones: [{ name: '制定实施方案', phase: '启动', dueDate: '2026-06-30' }],
    ...overrides,
  };
  const response = await request.post('/api/tasks', { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as TTaskDetail;
}
