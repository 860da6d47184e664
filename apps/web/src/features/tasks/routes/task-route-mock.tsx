import type { TTaskDetail } from '@reform/contracts';
import { adminUser, units } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TaskRoute } from './task';

export type ActionAnswer = (body: Record<string, unknown>) => { status?: number; body?: unknown };

/**
 * The task's page against a stubbed API that answers one action (`/api/tasks/:id/<action>`, POST):
 * a successful answer becomes the task the page reloads. Returns the bodies the page posted.
 */
export function renderTaskWithAction(task: TTaskDetail, action: string, onAction: ActionAnswer = () => ({})) {
  let current = task;
  const fetch = mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === `/api/tasks/${task.id}` && method === 'GET') return { body: current };
    if (url.pathname === `/api/tasks/${task.id}/${action}` && method === 'POST') {
      const answer = onAction(body as Record<string, unknown>);
      if (!answer.status) current = answer.body as TTaskDetail;
      return answer;
    }
    if (url.pathname.startsWith(`/api/tasks/${task.id}/`)) return { body: [] };
    return undefined;
  });
  renderRoutes([{ path: '/tasks/:id', element: <TaskRoute /> }], `/tasks/${task.id}`);
  const posts = () =>
    fetch.mock.calls
      .filter(([input, init]) => init?.method === 'POST' && String(input).endsWith(`/${action}`))
      .map(([, init]) => JSON.parse(String(init?.body)));
  return { posts };
}
