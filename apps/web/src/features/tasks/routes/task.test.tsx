import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '@reform/domain';
import { readOnly, taskDetail } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { TaskRoute } from './task';

function setup(answer: { status?: number; body?: unknown }) {
  mockApi(({ url }) => (url.pathname === '/api/tasks/7' ? answer : undefined));
  return renderRoutes([{ path: '/tasks/:id', element: <TaskRoute /> }], '/tasks/7');
}

const shift = (days: number) => {
  const date = new Date(`${todayInShanghai()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe('task detail', () => {
  it('shows the task book, timetable and responsibility, with an edit button when allowed', async () => {
    setup({ body: taskDetail({ id: 7 }) });
    expect(await screen.findByTestId('task-title')).toHaveTextContent('深化科技金融改革');
    const measures = screen.getByTestId('measures');
    expect(within(measures).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '设立科技金融专营机构',
      '建立知识产权质押融资风险补偿机制',
    ]);
    expect(screen.getByTestId('outcomes')).toHaveTextContent('已交付1 / 2 件');
    expect(screen.getByTestId('source-documents')).toHaveTextContent('《关于深化科技体制改革的意见》嘉委发〔2025〕1号，中共嘉兴市委，2025-03-01 印发');
    const responsibility = screen.getByRole('region', { name: '责任状（四个一）' });
    expect(within(responsibility).getByText('李副市长')).toBeInTheDocument();
    expect(within(responsibility).getByText('市发改委')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /编\s*辑/ })).toHaveAttribute('href', '/tasks/7/edit');
  });

  it('shows progress as milestones done of all beside the percent last reported', async () => {
    setup({ body: taskDetail({ id: 7, milestonesDone: 2, milestonesTotal: 3, progress: 0 }) });
    expect(await screen.findByTestId('task-progress')).toHaveTextContent('节点 2/3 · 报告采纳 0%');
  });

  it('shows no edit control to a reader', async () => {
    setup({ body: taskDetail({ id: 7, permissions: readOnly }) });
    await screen.findByTestId('task-title');
    expect(screen.queryByTestId('edit-task')).not.toBeInTheDocument();
  });

  it('marks an overdue milestone and one due soon, in words as well as colour', async () => {
    const base = taskDetail();
    setup({
      body: {
        ...base,
        id: 7,
        milestones: [
          { ...base.milestones[0]!, id: 1, seq: 1, name: '节点甲', dueDate: shift(-5), doneDate: null },
          { ...base.milestones[1]!, id: 2, seq: 2, name: '节点乙', dueDate: shift(3), doneDate: null, baselineDueDate: null },
        ],
      },
    });
    const overdue = (await screen.findByText('节点甲')).closest('tr')!;
    expect(overdue).toHaveClass('milestone-overdue');
    expect(overdue).toHaveTextContent('已逾期 5 天');
    const soon = screen.getByText('节点乙').closest('tr')!;
    expect(soon).toHaveClass('milestone-due-soon');
    expect(soon).toHaveTextContent('3 天后到期');
  });

  it('says the task does not exist or is out of scope on a 404', async () => {
    setup({ status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: '记录不存在或您无权查看', requestId: 'r' } });
    expect(await screen.findByText('任务不存在或您无权查看')).toBeInTheDocument();
  });
});
