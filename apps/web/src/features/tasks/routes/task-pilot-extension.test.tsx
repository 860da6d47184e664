import type { TTaskDetail } from '@reform/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { pilotDetail, readOnly } from '@/testing/fixtures';
import { typeDate } from '@/testing/inputs';
import { fieldErrors } from '@/testing/render';
import { renderTaskWithAction, type ActionAnswer } from './task-route-mock';

const setup = (task: TTaskDetail, onExtend?: ActionAnswer) => renderTaskWithAction(task, 'pilot-extension', onExtend);

const pilotCard = () => screen.getByRole('region', { name: '试点信息' });
const reason = '改革任务复杂，部分制度创新需上级授权';

describe('pilot extension (试点延期)', () => {
  it('asks for the new end and a reason, then shows 延期至, the reason and the moved deadline against its baseline', async () => {
    const user = userEvent.setup();
    const task = pilotDetail({ deadline: '2027-12-31', baselineDeadline: '2027-12-31' });
    const { posts } = setup(task, (body) => ({
      body: {
        ...task,
        version: 4,
        deadline: body.extendedTo,
        pilot: { ...task.pilot!, extendedTo: body.extendedTo, extensionReason: body.reason, stage: 'extended' },
      },
    }));
    await user.click(await within(await screen.findByRole('region', { name: '试点信息' })).findByTestId('extend-pilot'));
    const dialog = await screen.findByRole('dialog', { name: '试点延期' });
    expect(dialog).toHaveTextContent('试点期限2026-01-01 至 2027-12-31');
    expect(dialog).toHaveTextContent('须晚于 2027-12-31');

    await user.click(within(dialog).getByTestId('confirm-extension'));
    expect(await within(dialog).findByText('请说明延期理由（至少 4 个字）')).toBeInTheDocument();
    expect(posts()).toEqual([]);

    await typeDate('延期至', '2028-06-30', within(dialog));
    expect(await within(dialog).findByText('完成时限将由 2027-12-31 顺延至 2028-06-30。')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '延期理由' }), reason);
    await waitFor(() => expect(within(dialog).queryByText('请说明延期理由（至少 4 个字）')).not.toBeInTheDocument());
    await user.click(within(dialog).getByTestId('confirm-extension'));
    await waitFor(() => expect(posts()).toEqual([{ extendedTo: '2028-06-30', reason, version: 3 }]));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: '试点延期' })).not.toBeInTheDocument());
    expect(within(pilotCard()).getByTestId('pilot-extended-to')).toHaveTextContent('2028-06-30');
    expect(within(pilotCard()).getByTestId('pilot-extension-reason')).toHaveTextContent(reason);
    expect(within(pilotCard()).getByText('已延期')).toBeInTheDocument();
    expect(screen.getByTestId('header-deadline')).toHaveTextContent('2028-06-30');
    expect(screen.getByTestId('header-deadline-baseline')).toHaveTextContent('基线 2027-12-31，已调整 +182 天');
    expect(within(pilotCard()).getByTestId('extend-pilot')).toHaveTextContent('再次延期');
  });

  it('shows the server’s refusal in the dialog', async () => {
    const user = userEvent.setup();
    setup(pilotDetail(), () => fieldErrors([{ path: 'status', message: '任务已销号，试点不能再延期' }]));
    await user.click(await screen.findByTestId('extend-pilot'));
    const dialog = await screen.findByRole('dialog', { name: '试点延期' });
    await typeDate('延期至', '2028-06-30', within(dialog));
    await user.type(within(dialog).getByRole('textbox', { name: '延期理由' }), reason);
    await user.click(within(dialog).getByTestId('confirm-extension'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('任务已销号，试点不能再延期');
  });

  it('shows an extension to everyone, and the button only to the offices that own the pilot', async () => {
    const extended = pilotDetail({
      permissions: readOnly,
      pilot: { ...pilotDetail().pilot!, extendedTo: '2028-06-30', extensionReason: reason, stage: 'extended' },
    });
    setup(extended);
    expect(await screen.findByTestId('pilot-extended-to')).toHaveTextContent('2028-06-30');
    expect(within(pilotCard()).getByTestId('pilot-extension-reason')).toHaveTextContent(reason);
    expect(screen.queryByTestId('extend-pilot')).not.toBeInTheDocument();
  });
});
