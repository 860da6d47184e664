import type { TReportListItem } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { ReportsRoute } from './reports';

const submitted = (id: number, title: string): TReportListItem => ({
  id,
  task: { id: 100 + id, code: `ZD-2026-00${id}`, title },
  unit: { id: 3, name: '市科技局' },
  year: 2026,
  quarter: 3,
  status: 'submitted',
  late: false,
  percentComplete: 50,
  submittedAt: '2026-10-05T02:00:00.000Z',
  dueDate: '2026-10-10',
  version: 4,
});

/** A queue of three submitted reports that loses each one the office decides. */
function setup() {
  let queue = [submitted(1, '深化科技金融改革'), submitted(2, '数字政府建设'), submitted(3, '营商环境优化')];
  const decisions: { url: string; body: unknown }[] = [];
  mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/reports' && method === 'GET') return { body: { items: queue, total: queue.length } };
    const decided = /^\/api\/reports\/(\d+)\/(accept|return)$/.exec(url.pathname);
    if (decided && method === 'POST') {
      decisions.push({ url: url.pathname, body });
      queue = queue.filter((item) => item.id !== Number(decided[1]));
      return { body: {} };
    }
    if (url.pathname === '/api/report-rounds') return { body: { items: [], total: 0 } };
    return undefined;
  });
  renderRoutes([{ path: '/reports', element: <ReportsRoute /> }, { path: '/reports/:id', element: <p>report page</p> }], '/reports?tab=review');
  return decisions;
}

const row = (id: number) => screen.getByTestId('review-queue').querySelector<HTMLElement>(`tr[data-row-key="${id}"]`)!;

describe('the review queue', () => {
  it('moves between reports with J/K and the arrows, showing the keys', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText('深化科技金融改革');
    expect(screen.getByTestId('review-queue-hint')).toHaveTextContent('J / ↓ 下一份，K / ↑ 上一份');
    expect(row(1)).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('j');
    expect(row(2)).toHaveFocus();
    expect(row(2)).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('review-queue-current')).toHaveTextContent('数字政府建设');
    await user.keyboard('{ArrowDown}');
    expect(row(3)).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row(3)).toHaveFocus();
    await user.keyboard('k{ArrowUp}');
    expect(row(1)).toHaveFocus();
  });

  it('accepts and returns by keyboard, the comment required and focused, and the focus goes to the next report', async () => {
    const user = userEvent.setup();
    const decisions = setup();
    await screen.findByText('深化科技金融改革');
    await user.keyboard('a');
    const confirm = await screen.findByTestId('review-accept-confirm');
    await waitFor(() => expect(confirm).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(decisions).toEqual([{ url: '/api/reports/1/accept', body: { version: 4 } }]));
    await waitFor(() => expect(row(2)).toHaveFocus());
    expect(screen.queryByText('深化科技金融改革')).toBeNull();

    await user.keyboard('r');
    const comment = await screen.findByTestId('review-comment');
    await waitFor(() => expect(comment).toHaveFocus());
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('请填写退回意见')).toBeInTheDocument();
    expect(decisions).toHaveLength(1);
    await user.type(comment, '请补充佐证材料');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(decisions[1]).toEqual({ url: '/api/reports/2/return', body: { version: 4, comment: '请补充佐证材料' } }));
    await waitFor(() => expect(row(3)).toHaveFocus());
    expect(within(screen.getByTestId('review-queue')).queryByText('数字政府建设')).toBeNull();
  });

  it('opens the current report with Enter', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByText('深化科技金融改革');
    await user.keyboard('j{Enter}');
    expect(await screen.findByText('report page')).toBeInTheDocument();
  });
});
