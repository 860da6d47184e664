import type { TTaskDetail } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { readOnly, taskDetail } from '@/testing/fixtures';
import { renderTaskWithAction, type ActionAnswer } from './task-route-mock';

const setup = (task: TTaskDetail, onChange?: ActionAnswer) => renderTaskWithAction(task, 'status', onChange);

describe('task status actions', () => {
  it('suspends only with a reason, after confirming, then offers resuming', async () => {
    const user = userEvent.setup();
    const task = taskDetail();
    const { posts } = setup(task, (body) => ({
      body: { ...task, status: body.status, light: 'grey', lightReason: '任务已暂停', version: 4 },
    }));
    expect(await screen.findByTestId('status-suspend')).toHaveTextContent('暂停');
    expect(screen.getByTestId('status-complete')).toHaveTextContent('标记完成');
    expect(screen.getByTestId('status-close')).toHaveTextContent('销号');
    expect(screen.queryByTestId('status-resume')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('status-suspend'));
    const dialog = await screen.findByRole('dialog', { name: '暂停任务' });
    await user.click(within(dialog).getByTestId('confirm-status'));
    expect(await within(dialog).findByText('请说明暂停理由（至少 4 个字）')).toBeInTheDocument();
    expect(posts()).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: '暂停理由' }), '省级配套政策尚未出台');
    await user.click(within(dialog).getByTestId('confirm-status'));
    await waitFor(() => expect(posts()).toEqual([{ status: 'suspended', reason: '省级配套政策尚未出台', version: 3 }]));
    expect(await screen.findByTestId('status-resume')).toHaveTextContent('恢复推进');
    expect(screen.queryByTestId('status-suspend')).not.toBeInTheDocument();
    expect(screen.getByTestId('light-reason')).toHaveTextContent('任务已暂停');
  });

  it('asks before closing and warns that it is final; cancelling changes nothing', async () => {
    const user = userEvent.setup();
    const { posts } = setup(taskDetail({ status: 'completed' }));
    await user.click(await screen.findByTestId('status-close'));
    const dialog = await screen.findByRole('dialog', { name: '销号' });
    expect(dialog).toHaveTextContent('销号后任务不再推进，状态、时间表和节点都不能再改变');
    expect(dialog).not.toHaveTextContent('待审的调整申请');
    expect(within(dialog).getByTestId('confirm-status')).toHaveTextContent('确认销号');
    await user.click(within(dialog).getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '销号' })).not.toBeInTheDocument());
    expect(posts()).toEqual([]);
    expect(screen.getByTestId('status-reopen')).toHaveTextContent('重新推进');
  });

  it('warns before closing that a pending adjustment request will be refused', async () => {
    const user = userEvent.setup();
    setup(taskDetail({ pendingAdjustmentId: 7 }));
    await user.click(await screen.findByTestId('status-close'));
    const dialog = await screen.findByRole('dialog', { name: '销号' });
    expect(dialog).toHaveTextContent('该任务有待审的调整申请，销号时将一并驳回');
  });

  it('warns when marking complete with milestones still open', async () => {
    const user = userEvent.setup();
    setup(taskDetail());
    await user.click(await screen.findByTestId('status-complete'));
    const dialog = await screen.findByRole('dialog', { name: '标记任务完成' });
    expect(dialog).toHaveTextContent('尚有 1 个时间节点未标记完成');
  });

  it('shows the server’s refusal of a transition', async () => {
    const user = userEvent.setup();
    setup(taskDetail({ status: 'suspended' }), () => ({
      status: 400,
      body: { statusCode: 400, code: 'BAD_REQUEST', message: '提交的内容有误', requestId: 'r', fields: [{ path: 'status', message: '任务已销号，状态不能再改变' }] },
    }));
    await user.click(await screen.findByTestId('status-resume'));
    const dialog = await screen.findByRole('dialog', { name: '恢复推进' });
    await user.click(within(dialog).getByTestId('confirm-status'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('任务已销号，状态不能再改变');
  });

  it('offers nothing to a user who may not change the status', async () => {
    setup(taskDetail({ permissions: { ...readOnly, canEdit: true, canReportProgress: true } }));
    expect(await screen.findByTestId('task-title')).toBeInTheDocument();
    expect(screen.queryByTestId('status-suspend')).not.toBeInTheDocument();
    expect(screen.queryByTestId('status-close')).not.toBeInTheDocument();
  });
});
