import type { TTaskDetail } from '@reform/contracts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, taskDetail, units } from '@/testing/fixtures';
import { typeDate } from '@/testing/inputs';
import { fieldErrors, mockApi, renderRoutes } from '@/testing/render';
import { TaskRoute } from '../routes/task';

function setup(task: TTaskDetail) {
  mockApi(({ url, method }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === `/api/tasks/${task.id}`) return { body: task };
    if (url.pathname === `/api/tasks/${task.id}/adjustments` && method === 'POST') {
      return fieldErrors([{ path: 'milestones.0.dueDate', message: '节点日期不能晚于完成时限' }]);
    }
    if (url.pathname.startsWith(`/api/tasks/${task.id}/`)) return { body: [] };
    return undefined;
  });
  renderRoutes([{ path: '/tasks/:id', element: <TaskRoute /> }], `/tasks/${task.id}?adjust=1#timetable`);
}

describe('adjustment request dialog', () => {
  it('marks the row the server names when it says a field is marked', async () => {
    const user = userEvent.setup();
    const task = taskDetail({ id: 7 });
    const undone = task.milestones.find((m) => !m.doneDate)!;
    setup(task);
    const form = await screen.findByTestId('adjustment-form');
    await user.type(within(form).getByRole('textbox', { name: '调整理由' }), '上级政策调整，需要顺延');
    await typeDate(`${undone.name} 调整为`, '2028-06-30', within(form));
    await user.click(screen.getByRole('button', { name: /提交申请/ }));

    const row = (await within(form).findByText('节点日期不能晚于完成时限')).closest('tr');
    expect(row).toHaveTextContent(undone.name);
    expect(within(form).getByRole('alert')).toHaveTextContent('提交的内容有误，请检查标出的字段');
  });
});
