import type { TTodo } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TodosRoute } from './todos';

const author = { displayName: '陈晓东', unitName: '市科技局' };
const todos: TTodo[] = [
  {
    kind: 'adjustment',
    adjustmentId: 4,
    task: { id: 7, code: 'ZD-2026-007', title: '科技金融改革' },
    author,
    body: '省级配套政策尚未出台，需顺延',
    createdAt: '2026-11-20T02:00:00.000Z',
  },
  {
    kind: 'mention',
    commentId: 9,
    task: { id: 8, code: 'ZD-2026-008', title: '营商环境改革' },
    author,
    body: '请市委改革办协调',
    createdAt: '2026-11-19T02:00:00.000Z',
  },
];

function setup() {
  const done: string[] = [];
  mockApi(({ url, method }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/todos') return { body: todos.filter((todo) => todo.kind !== 'mention' || !done.length) };
    if (url.pathname === '/api/todos/9/done' && method === 'POST') {
      done.push(url.pathname);
      return { status: 204 };
    }
    return undefined;
  });
  renderRoutes(
    [
      { path: '/todos', element: <TodosRoute /> },
      { path: '/tasks/:id', element: <div data-testid="task-page" /> },
    ],
    '/todos',
  );
  return { done };
}

describe('待办', () => {
  it('shows an adjustment request waiting for a decision, leading to the task’s timetable', async () => {
    setup();
    const [request] = await screen.findAllByTestId('todo');
    expect(within(request!).getByText('调整申请待审批')).toBeInTheDocument();
    expect(within(request!).getByText('调整理由：省级配套政策尚未出台，需顺延')).toBeInTheDocument();
    expect(within(request!).getByRole('link', { name: /ZD-2026-007/ })).toHaveAttribute('href', '/tasks/7#timetable');
    expect(within(request!).queryByRole('button', { name: /标记已处理/ })).toBeNull();
    await userEvent.click(within(request!).getByRole('button', { name: /去审批/ }));
    expect(await screen.findByTestId('task-page')).toBeInTheDocument();
  });

  it('marks a mention handled, and it leaves the list', async () => {
    const { done } = setup();
    expect(await screen.findByText('2 项：提及本单位的评论、待审批的调整申请、到期的整改事项、季度报告')).toBeInTheDocument();
    const mention = screen.getAllByTestId('todo')[1]!;
    expect(within(mention).getByRole('link', { name: /ZD-2026-008/ })).toHaveAttribute('href', '/tasks/8#comments');
    await userEvent.click(within(mention).getByRole('button', { name: /标记已处理/ }));
    await waitFor(() => expect(screen.getAllByTestId('todo')).toHaveLength(1));
    expect(done).toEqual(['/api/todos/9/done']);
  });

  it('shows an overdue rectification item and a returned report, each leading to where it is handled', async () => {
    todos.push(
      {
        kind: 'rectification',
        rectificationId: 3,
        deadline: '2026-11-15',
        overdueDays: 5,
        task: { id: 7, code: 'ZD-2026-007', title: '科技金融改革' },
        author,
        body: '建立督办台账并按月通报',
        createdAt: '2026-11-18T02:00:00.000Z',
      },
      {
        kind: 'report-returned',
        reportId: 12,
        year: 2026,
        quarter: 3,
        dueDate: '2026-10-10',
        late: false,
        task: { id: 8, code: 'ZD-2026-008', title: '营商环境改革' },
        author,
        body: '2026年第3季度进展报告被退回：请补充问题分析',
        createdAt: '2026-11-17T02:00:00.000Z',
      },
    );
    setup();
    const [, , item, report] = await screen.findAllByTestId('todo');
    expect(within(item!).getByText('整改逾期 5 天')).toBeInTheDocument();
    expect(within(item!).getByText('整改事项：建立督办台账并按月通报')).toBeInTheDocument();
    expect(within(item!).getByRole('button', { name: /去反馈/ })).toBeInTheDocument();
    expect(within(report!).getByText('季度报告被退回')).toBeInTheDocument();
    expect(within(report!).getByRole('link', { name: /ZD-2026-008/ })).toHaveAttribute('href', '/reports/12');
    todos.splice(2);
  });
});
