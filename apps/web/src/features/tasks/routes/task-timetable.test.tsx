import type { TAdjustment, TTaskDetail } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, readOnly, taskDetail, units } from '@/testing/fixtures';
import { fieldErrors, mockApi, renderRoutes } from '@/testing/render';
import { TaskRoute } from './task';

const pending: TAdjustment = {
  id: 5,
  taskId: 7,
  reason: '受上级政策调整影响，需延后出台细则',
  proposed: { milestones: [{ id: 2, name: '出台实施细则', from: '2026-12-15', to: '2027-01-31' }] },
  status: 'pending',
  requestedBy: { id: 3, displayName: '张联络', unitName: '市科技局' },
  createdAt: '2026-11-10T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionComment: '',
  version: 1,
};

interface SetupOptions {
  adjustments?: TAdjustment[];
  onDecision?: (body: unknown) => void;
  /** The answer to 审定 (POST …/baseline), given its body. */
  onApprove?: (body: unknown) => { status?: number; body?: unknown };
  /** The task as the server has it now, when someone else changed it. */
  latest?: () => TTaskDetail | undefined;
  path?: string;
}

function setup(task: TTaskDetail, options: SetupOptions = {}) {
  const fetch = mockApi(({ url, method, body }) => {
    if (url.pathname === '/api/auth/me') return { body: adminUser };
    if (url.pathname === '/api/units') return { body: units };
    if (url.pathname === `/api/tasks/${task.id}`) return { body: options.latest?.() ?? task };
    if (url.pathname === `/api/tasks/${task.id}/adjustments`) return { body: options.adjustments ?? [] };
    if (url.pathname === `/api/tasks/${task.id}/comments`) return { body: [] };
    if (url.pathname === `/api/tasks/${task.id}/history`) {
      return {
        body: [
          { id: '2', at: '2026-11-01T08:05:00.000Z', actor: '王改革（市委改革办）', action: '审定时间表，冻结基线', lines: [] },
          {
            id: '1',
            at: '2026-10-20T01:30:00.000Z',
            actor: '王改革（市委改革办）',
            action: '修改任务',
            lines: ['完成时限：由“2026-11-30”改为“2026-12-31”', '联系人：由“张三”改为“张联络”'],
          },
        ],
      };
    }
    if (url.pathname === `/api/tasks/${task.id}/baseline` && method === 'POST' && options.onApprove) return options.onApprove(body);
    if (url.pathname === '/api/adjustments/5/decision' && method === 'POST') {
      options.onDecision?.(body);
      return { body: { ...pending, status: 'refused', version: 2 } };
    }
    return undefined;
  });
  renderRoutes([{ path: '/tasks/:id', element: <TaskRoute /> }], options.path ?? `/tasks/${task.id}`);
  return fetch;
}

const approved = (overrides: Partial<TTaskDetail> = {}) => taskDetail({ id: 7, ...overrides });
const draft = (overrides: Partial<TTaskDetail> = {}) => {
  const base = taskDetail({ id: 7, baselineApprovedAt: null, ...overrides });
  return { ...base, milestones: base.milestones.map((m) => ({ ...m, baselineDueDate: null })) };
};

describe('timetable tab', () => {
  it('shows the baseline against the current date, and a late completion', async () => {
    const base = approved();
    setup({
      ...base,
      milestones: [{ ...base.milestones[0]!, dueDate: '2026-03-31', doneDate: '2026-04-10' }, base.milestones[1]!],
    });
    const table = await screen.findByTestId('milestones-table');
    const shifted = within(table).getByText('出台实施细则').closest('tr')!;
    expect(shifted).toHaveTextContent('2026-12-15');
    expect(shifted).toHaveTextContent('基线 2026-09-30，已调整 +76 天');
    const late = within(table).getByText('制定工作方案').closest('tr')!;
    expect(late).toHaveTextContent('逾期完成 10 天');
    expect(late).not.toHaveTextContent('基线');
    expect(screen.getByTestId('baseline-approved')).toHaveTextContent('基线已于 2026-01-15 审定');
    expect(screen.queryByTestId('task-deadline-baseline')).not.toBeInTheDocument();
  });

  it('shows the deadline against its baseline once an adjustment moved it', async () => {
    setup(approved({ deadline: '2027-03-31', baselineDeadline: '2026-12-31' }));
    expect(await screen.findByTestId('task-deadline')).toHaveTextContent('2027-03-31');
    expect(screen.getByTestId('task-deadline-baseline')).toHaveTextContent('（基线 2026-12-31，已调整 +90 天）');
    expect(screen.getByTestId('header-deadline-baseline')).toHaveTextContent('基线 2026-12-31');
  });

  it('opens the adjustment request when sent here from the edit form', async () => {
    setup(approved(), { path: '/tasks/7?adjust=1#timetable' });
    const form = await screen.findByTestId('adjustment-form');
    expect(within(form).getByText('完成时限（现为 2026-12-31）')).toBeInTheDocument();
  });

  it('offers editing and approval before the baseline to the office', async () => {
    setup(draft());
    expect(await screen.findByTestId('edit-milestones')).toBeInTheDocument();
    expect(screen.getByTestId('approve-baseline')).toHaveTextContent('审定时间表');
    expect(screen.queryByTestId('request-adjustment')).not.toBeInTheDocument();
    expect(screen.getByTestId('baseline-draft')).toHaveTextContent('尚未审定');
  });

  it('asks before approving the baseline, then freezes it', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const task = draft({ version: 4 });
    setup(task, {
      onApprove: (body) => {
        sent.push(body);
        return { body: approved({ version: 5 }) };
      },
    });
    await user.click(await screen.findByTestId('approve-baseline'));
    const dialog = await screen.findByRole('dialog', { name: '审定时间表' });
    expect(dialog).toHaveTextContent('审定后基线将冻结，日期调整需提交申请。');
    expect(sent).toEqual([]);
    await user.click(within(dialog).getByTestId('confirm-approve-baseline'));
    expect(await screen.findByTestId('baseline-approved')).toHaveTextContent('基线已于 2026-01-15 审定');
    expect(sent).toEqual([{ version: 4 }]);
    expect(await screen.findByText('时间表已审定，基线已冻结')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '审定时间表' })).not.toBeInTheDocument());
  });

  it('shows a refused approval in the dialog, as one message', async () => {
    const user = userEvent.setup();
    setup(draft(), { onApprove: () => fieldErrors([{ path: 'milestones', message: '请先制定时间节点' }]) });
    await user.click(await screen.findByTestId('approve-baseline'));
    const dialog = await screen.findByRole('dialog', { name: '审定时间表' });
    await user.click(within(dialog).getByTestId('confirm-approve-baseline'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请先制定时间节点');
    expect(within(dialog).getByRole('alert')).not.toHaveTextContent('标出的字段');
    expect(screen.getByTestId('baseline-draft')).toBeInTheDocument();
  });

  it('loads the latest task when someone changed it before the approval', async () => {
    const user = userEvent.setup();
    const theirs = draft({ version: 9, deadline: '2027-06-30' });
    let changed = false;
    setup(draft({ version: 4 }), {
      latest: () => (changed ? theirs : undefined),
      onApprove: () => ({
        status: 409,
        body: { statusCode: 409, code: 'CONFLICT', message: '该任务已被他人修改', requestId: 'r', current: theirs },
      }),
    });
    await user.click(await screen.findByTestId('approve-baseline'));
    const dialog = await screen.findByRole('dialog', { name: '审定时间表' });
    changed = true;
    await user.click(within(dialog).getByTestId('confirm-approve-baseline'));
    expect(await screen.findByText('任务已被他人修改，已载入最新版本，请核对后重新审定')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '审定时间表' })).not.toBeInTheDocument());
    expect(screen.getByTestId('task-deadline')).toHaveTextContent('2027-06-30');
    expect(screen.getByTestId('baseline-draft')).toBeInTheDocument();
  });

  it('after approval offers the lead unit an adjustment request and completion, not editing', async () => {
    setup(approved({ permissions: { ...readOnly, canEdit: true, canReportProgress: true } }));
    expect(await screen.findByTestId('request-adjustment')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-milestones')).not.toBeInTheDocument();
    expect(screen.queryByTestId('approve-baseline')).not.toBeInTheDocument();
    // Only the undone milestone can be marked done.
    expect(screen.getAllByRole('button', { name: /标记完成/ })).toHaveLength(1);
    expect(screen.getByRole('button', { name: '标记完成：出台实施细则' })).toBeInTheDocument();
  });

  it('shows a leader everything and no buttons', async () => {
    setup(approved({ permissions: readOnly, pendingAdjustmentId: 5 }), { adjustments: [pending] });
    const banner = await screen.findByTestId('pending-adjustment');
    expect(banner).toHaveTextContent('出台实施细则：2026-12-15 → 2027-01-31（+47 天）');
    expect(within(banner).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('milestones-table')).toHaveTextContent('基线 2026-09-30');
    expect(screen.queryByRole('button', { name: /标记完成/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('request-adjustment')).not.toBeInTheDocument();
  });

  it('requires a comment to refuse an adjustment', async () => {
    const user = userEvent.setup();
    const decisions: unknown[] = [];
    setup(approved({ pendingAdjustmentId: 5 }), { adjustments: [pending], onDecision: (body) => decisions.push(body) });
    await user.click(await screen.findByTestId('refuse-adjustment'));
    const dialog = await screen.findByRole('dialog', { name: '不同意调整申请' });
    await user.click(within(dialog).getByRole('button', { name: /不同意/ }));
    expect(await within(dialog).findByText('不同意时请填写理由')).toBeInTheDocument();
    expect(decisions).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: '审批意见' }), '理由不充分，请按原计划推进');
    await user.click(within(dialog).getByRole('button', { name: /不同意/ }));
    await waitFor(() => expect(decisions).toEqual([{ version: 1, decision: 'refuse', comment: '理由不充分，请按原计划推进' }]));
  });
});

describe('history tab', () => {
  it('shows who changed what and when, in Shanghai time', async () => {
    const user = userEvent.setup();
    setup(approved());
    await user.click(await screen.findByRole('tab', { name: '变更历史' }));
    const timeline = await screen.findByTestId('history-timeline');
    const entries = within(timeline).getAllByTestId('history-entry');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('2026-11-01 16:05');
    expect(entries[0]).toHaveTextContent('王改革（市委改革办） 审定时间表，冻结基线');
    expect(entries[1]).toHaveTextContent('2026-10-20 09:30');
    expect(within(entries[1]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '完成时限：由“2026-11-30”改为“2026-12-31”',
      '联系人：由“张三”改为“张联络”',
    ]);
  });
});
