import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, units } from '@/testing/fixtures';
import { typeDate } from '@/testing/inputs';
import { fieldErrors, mockApi, renderRoutes } from '@/testing/render';
import { TaskNewRoute } from './task-new';

const template = {
  key: 'three-phase',
  name: '三阶段',
  phases: [
    { name: '启动', share: 0.2, milestoneName: '制定方案' },
    { name: '推进', share: 0.6, milestoneName: '全面实施' },
    { name: '总结', share: 0.2, milestoneName: '总结验收' },
  ],
};

type Answer = { status?: number; body?: unknown } | undefined;

function setup(onPreview: (body: unknown) => Answer = () => undefined) {
  const fetch = mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    // A county office may make only its county's units lead: the server says which.
    if (url.pathname === '/api/units' && url.searchParams.get('assignable') === 'lead') return { body: [units[0]!.children[3]] };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === '/api/timetable/templates') return { body: [template] };
    if (url.pathname === '/api/timetable/preview' && method === 'POST') return onPreview(body);
    return undefined;
  });
  const view = renderRoutes(
    [
      { path: '/tasks/new', element: <TaskNewRoute /> },
      { path: '/tasks/:id', element: <p>任务详情页</p> },
    ],
    '/tasks/new',
  );
  return { ...view, fetch };
}


describe('new task form', () => {
  it('shows the fields of the chosen list only', async () => {
    const user = userEvent.setup();
    setup();
    expect(await screen.findByTestId('task-create-form')).toBeInTheDocument();
    expect(screen.getByText('下达层级')).toBeInTheDocument();
    expect(screen.queryByText('试点批次')).not.toBeInTheDocument();
    expect(screen.queryByText('首创单位')).not.toBeInTheDocument();

    await user.click(screen.getByText('改革试点'));
    expect(await screen.findByText('试点批次')).toBeInTheDocument();
    expect(screen.getByText('申报县(市、区)')).toBeInTheDocument();
    expect(screen.queryByText('下达层级')).not.toBeInTheDocument();
    // The term defaults to two years from the start.
    const start = (screen.getByRole('textbox', { name: '开始日期' }) as HTMLInputElement).value;
    expect(screen.getByRole('textbox', { name: '试点期限自' })).toHaveValue(start);
    expect(screen.getByRole('textbox', { name: '试点期限至' })).toHaveValue(`${Number(start.slice(0, 4)) + 2}${start.slice(4)}`);

    await user.click(screen.getByText('地方创新项目'));
    expect(await screen.findByText('首创单位')).toBeInTheDocument();
    expect(screen.queryByText('试点批次')).not.toBeInTheDocument();
  });

  it('reverse-schedules the milestones from the deadline and keeps them editable', async () => {
    const user = userEvent.setup();
    const previews: unknown[] = [];
    setup((body) => {
      previews.push(body);
      return {
        body: {
          milestones: [
            { phase: '启动', name: '制定方案', dueDate: '2027-03-15' },
            { phase: '推进', name: '全面实施', dueDate: '2027-10-20' },
            { phase: '总结', name: '总结验收', dueDate: '2027-12-31' },
          ],
        },
      };
    });
    await screen.findByTestId('task-create-form');
    await typeDate('开始日期', '2027-01-01');
    await typeDate('完成时限', '2027-12-31');
    await user.click(screen.getByTestId('generate-milestones'));

    expect(await screen.findByRole('textbox', { name: '节点 1 名称' })).toHaveValue('制定方案');
    expect(screen.getByRole('textbox', { name: '节点 3 日期' })).toHaveValue('2027-12-31');
    expect(previews).toEqual([{ templateKey: 'three-phase', startDate: '2027-01-01', deadline: '2027-12-31' }]);

    await user.clear(screen.getByRole('textbox', { name: '节点 2 名称' }));
    await user.type(screen.getByRole('textbox', { name: '节点 2 名称' }), '试点推开');
    await user.click(screen.getByRole('button', { name: '删除节点 1' }));
    expect(screen.getByRole('textbox', { name: '节点 1 名称' })).toHaveValue('试点推开');
    expect(screen.queryByRole('textbox', { name: '节点 3 名称' })).not.toBeInTheDocument();
  });

  it('shows the server’s scheduling message on the deadline field', async () => {
    const user = userEvent.setup();
    setup(() => fieldErrors([{ path: 'deadline', message: '工期过短：5 天内无法安排 3 个节点' }]));
    await screen.findByTestId('task-create-form');
    await typeDate('开始日期', '2027-01-01');
    await typeDate('完成时限', '2027-01-06');
    await user.click(screen.getByTestId('generate-milestones'));
    expect(await screen.findByText('工期过短：5 天内无法安排 3 个节点')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: '节点 1 名称' })).not.toBeInTheDocument());
  });

  it('says in words which required field is empty, and offers as lead only the units the server allows', async () => {
    const user = userEvent.setup();
    const { fetch } = setup();
    await screen.findByTestId('task-create-form');
    await user.click(screen.getByTestId('create-task'));
    expect(await screen.findByText('请选择牵头单位')).toBeInTheDocument();
    expect(screen.getByText('请选择完成时限')).toBeInTheDocument();
    expect(screen.queryByText(/期望|undefined|YYYY-MM-DD/)).not.toBeInTheDocument();

    // The lead unit's choices are the server's answer to whom this user may assign (jsdom draws no virtual tree to look at).
    expect(fetch.mock.calls.some(([input]) => String(input).endsWith('/api/units?assignable=lead'))).toBe(true);
  });
});
