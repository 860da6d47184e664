import { BellOutlined } from '@ant-design/icons';
import type { TRoundReminders } from '@reform/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { api } from '@/lib/api-client';
import { useCan } from '@/lib/auth';

/**
 * 一键催报: reminds every unit of the round that still has reports missing (in the app, and by
 * e-mail / webhook where configured), after a confirmation; a unit is reminded at most once a day.
 */
export function RemindMissingButton({ roundId, missingUnits }: { roundId: number; missingUnits: number }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const canSend = useCan('reminders:send');
  const remind = useMutation({
    mutationFn: () => api<TRoundReminders>(`/report-rounds/${roundId}/reminders`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision', 'reminders'] }),
  });
  if (!canSend) return null;
  return (
    <Button
      icon={<BellOutlined />}
      disabled={missingUnits === 0}
      loading={remind.isPending}
      data-testid="remind-missing"
      onClick={async () => {
        const confirmed = await modal.confirm({
          title: '一键催报',
          content: `向 ${missingUnits} 个尚有报告未报送的单位发送催报提醒？同一单位同一天只提醒一次。`,
          okText: '发送提醒',
          cancelText: '取消',
        });
        if (!confirmed) return;
        try {
          message.success((await remind.mutateAsync()).message);
        } catch (error) {
          message.error(error instanceof Error ? error.message : '催报失败');
        }
      }}
    >
      一键催报
    </Button>
  );
}
