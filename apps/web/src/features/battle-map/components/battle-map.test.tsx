import type { TBattleMap } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, units } from '@/testing/fixtures';
import { mockApi, renderRoutes } from '@/testing/render';
import { BattleMapRoute } from '../routes/battle-map';

const map: TBattleMap = {
  today: '2026-06-15',
  groupBy: 'list',
  groups: [
    { key: 'mandate', label: '重大改革任务', taskCount: 2 },
    { key: 'pilot', label: '改革试点', taskCount: 1 },
  ],
  rows: [
    {
      id: 11,
      code: 'ZD-2026-001',
      title: '深化营商环境改革',
      list: 'mandate',
      groupKey: 'mandate',
      start: '2026-01-01',
      deadline: '2026-12-31',
      baselineStart: '2026-01-01',
      baselineDeadline: '2026-10-31',
      light: 'red',
      lightReason: '节点“出台实施方案”逾期 12 天',
      milestones: [
        { name: '出台实施方案', dueDate: '2026-06-03', doneOn: null, state: 'late' },
        { name: '调研', dueDate: '2026-03-01', doneOn: '2026-02-20', state: 'done' },
      ],
    },
    {
      id: 12,
      code: 'ZD-2026-002',
      title: '数字政府建设',
      list: 'mandate',
      groupKey: 'mandate',
      start: '2026-03-01',
      deadline: '2027-03-31',
      baselineStart: null,
      baselineDeadline: null,
      light: 'green',
      lightReason: '按计划推进',
      milestones: [],
    },
    {
      id: 13,
      code: 'SD-2026-001',
      title: '城乡融合试验区',
      list: 'pilot',
      groupKey: 'pilot',
      start: '2025-09-01',
      deadline: '2027-08-31',
      baselineStart: '2025-09-01',
      baselineDeadline: '2027-08-31',
      light: 'yellow',
      lightReason: '节点“中期评估”7 天内到期',
      milestones: [{ name: '中期评估', dueDate: '2026-06-20', doneOn: null, state: 'due' }],
    },
  ],
};

function setup(path: string, answer: (url: URL) => TBattleMap = () => map) {
  const fetch = mockApi(({ url }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === '/api/battle-map') return { body: answer(url) };
    return undefined;
  });
  renderRoutes([{ path: '/battle-map', element: <BattleMapRoute /> }], path);
  return fetch;
}

const battleMapRequests = (fetch: ReturnType<typeof mockApi>) =>
  fetch.mock.calls.map(([input]) => new URL(String(input), 'http://localhost')).filter((url) => url.pathname === '/api/battle-map');

describe('battle map page', () => {
  it('lists every task in the table view with its light and reason, each opening the task', async () => {
    setup('/battle-map?view=table');
    expect(await screen.findByTestId('battle-map-count')).toHaveTextContent('共 3 项任务');
    const table = screen.getByTestId('battle-map-table');
    expect(within(table).getByRole('link', { name: '深化营商环境改革' })).toHaveAttribute('href', '/tasks/11');
    expect(within(table).getByRole('img', { name: '已逾期：节点“出台实施方案”逾期 12 天' })).toBeInTheDocument();
    expect(within(table).getByText('按期完成 1，逾期 1')).toBeInTheDocument();
    expect(within(table).getAllByText('未批准')).toHaveLength(1);
    expect(screen.getByText('已逾期 1')).toBeInTheDocument();
  });

  it('asks the server again when the grouping or a filter changes', async () => {
    const user = userEvent.setup();
    const fetch = setup('/battle-map?view=table');
    await screen.findByTestId('battle-map-table');
    await user.click(screen.getByText('按牵头单位'));
    await waitFor(() => expect(battleMapRequests(fetch).at(-1)?.searchParams.get('groupBy')).toBe('leadUnit'));
    await user.click(screen.getByRole('combobox', { name: '清单' }));
    const options = await screen.findAllByTitle('改革试点');
    await user.click(options.find((option) => option.classList.contains('ant-select-item-option'))!);
    await waitFor(() => expect(battleMapRequests(fetch).at(-1)?.searchParams.get('list')).toBe('pilot'));
  });

  it('draws the chart, described for screen readers, with the legend of lights and marks', async () => {
    setup('/battle-map');
    const chart = await screen.findByRole('img', { name: /挂图作战甘特图：3 项任务/ });
    expect(chart).toHaveAttribute('data-testid', 'battle-map-chart');
    const legend = screen.getByTestId('battle-map-legend');
    for (const text of ['已逾期', '存在风险', '正常推进', '基线（批准时的时间表）', '节点按期完成', '节点逾期', '节点待完成', '今天']) {
      expect(within(legend).getByText(text)).toBeInTheDocument();
    }
  });

  it('says so when no task matches, and clears the filters', async () => {
    const user = userEvent.setup();
    const fetch = setup('/battle-map?list=pilot&specialGroupId=10', (url) =>
      url.searchParams.has('list') ? { ...map, groups: [], rows: [] } : map,
    );
    expect(await screen.findByText('没有符合条件的任务')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /PNG/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(await screen.findByTestId('battle-map-count')).toHaveTextContent('共 3 项任务');
    const last = battleMapRequests(fetch).at(-1)!;
    expect(last.searchParams.has('list')).toBe(false);
    expect(last.searchParams.has('specialGroupId')).toBe(false);
  });
});
