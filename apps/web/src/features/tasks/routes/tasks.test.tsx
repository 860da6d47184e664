import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { listItem, units } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TasksRoute } from './tasks';

const rows = [
  listItem(),
  listItem({ id: 2, code: 'JX-2026-002', title: '推进城乡融合发展试验区建设', list: 'pilot', light: 'red', lightReason: '完成时限已过' }),
];

function setup(path = '/tasks', answer = () => ({ items: rows, total: 42 })) {
  const fetch = mockApi(({ url }) => {
    if (url.pathname === '/api/tasks') return { body: answer() };
    if (url.pathname === '/api/tasks/facets') return { body: { fields: ['科技创新', '城乡融合'], years: [2025, 2026] } };
    if (url.pathname === '/api/units') return { body: units };
    return undefined;
  });
  const view = renderRoutes(
    [
      { path: '/tasks', element: <TasksRoute /> },
      { path: '/tasks/:id', element: <p>任务详情页</p> },
    ],
    path,
  );
  const listCalls = () =>
    fetch.mock.calls.map(([input]) => new URL(String(input), 'http://localhost')).filter((url) => url.pathname === '/api/tasks');
  return { ...view, fetch, listCalls };
}

describe('task list', () => {
  it('shows the tasks the server returns, with the total and each light described', async () => {
    setup();
    expect(await screen.findByRole('link', { name: '深化科技金融改革' })).toHaveAttribute('href', '/tasks/1');
    expect(screen.getByRole('link', { name: '推进城乡融合发展试验区建设' })).toBeInTheDocument();
    expect(screen.getByTestId('task-total')).toHaveTextContent('共 42 项任务');
    expect(screen.getByRole('img', { name: '已逾期：完成时限已过' })).toBeInTheDocument();
    const row = screen.getByTestId('task-row-2');
    expect(within(row).getByText('市科技局')).toBeInTheDocument();
    expect(within(row).getByText('2026-12-31')).toBeInTheDocument();
  });

  it('shows progress as milestones done of all beside the percent last reported, and says what that means', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByRole('link', { name: '深化科技金融改革' });
    const progress = within(screen.getByTestId('task-row-1')).getByTestId('task-progress');
    expect(progress).toHaveTextContent('节点 1/2报告采纳 40%');
    expect(progress).toHaveAccessibleName('进度：节点 1/2，报告采纳 40%');
    await user.hover(progress);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('完成一个节点即更新');
  });

  it('reads its filters from the URL and sends them to the API', async () => {
    const { listCalls } = setup('/tasks?list=pilot&light=red&q=融合&page=2');
    await screen.findByRole('link', { name: '深化科技金融改革' });
    const sent = listCalls().at(-1)!.searchParams;
    expect(sent.get('list')).toBe('pilot');
    expect(sent.get('light')).toBe('red');
    expect(sent.get('q')).toBe('融合');
    expect(sent.get('page')).toBe('2');
    expect(screen.getByRole('textbox', { name: '关键词' })).toHaveValue('融合');
  });

  it('writes a chosen list and a typed keyword to the URL, starting again at page 1', async () => {
    const user = userEvent.setup();
    const { router } = setup('/tasks?page=3');
    await screen.findByRole('link', { name: '深化科技金融改革' });

    await user.click(within(screen.getByTestId('task-filters')).getByText('改革试点'));
    await waitFor(() => expect(router.state.location.search).toBe('?list=pilot'));

    await user.type(screen.getByRole('textbox', { name: '关键词' }), '科技');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('科技'));
    expect(new URLSearchParams(router.state.location.search).get('list')).toBe('pilot');

    await user.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole('textbox', { name: '关键词' })).toHaveValue('');
  });

  it('offers to clear the filters when nothing matches', async () => {
    const user = userEvent.setup();
    const { router } = setup('/tasks?light=red&year=2025', () => ({ items: [], total: 0 }));
    expect(await screen.findByText('没有符合条件的任务')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '清除筛选条件' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('opens a task from its row with the keyboard', async () => {
    const user = userEvent.setup();
    setup();
    const row = await screen.findByTestId('task-row-1');
    row.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('任务详情页')).toBeInTheDocument();
  });

  it('shows an error with a retry when the list cannot load', async () => {
    mockApi(() => ({ status: 500, body: { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误', requestId: 'r-1' } }));
    renderRoutes([{ path: '/tasks', element: <TasksRoute /> }], '/tasks');
    expect(await screen.findByText('任务清单加载失败')).toBeInTheDocument();
    expect(screen.getByText(/服务器内部错误/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeInTheDocument();
  });
});
