import { SendOutlined } from '@ant-design/icons';
import { reminderKindLabels, type TReminder } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { useReminders, useRunReminders } from '../api/supervision';
import { SupervisionTabs } from '../components/supervision-tabs';

const channelLabels: Record<string, string> = { app: '系统内', email: '邮件', webhook: '消息推送' };

/** 提醒记录: every reminder sent (to whom, about what, on which channels, with each channel's answer). */
export function RemindersRoute() {
  usePageTitle('提醒记录');
  const { message } = App.useApp();
  const canSend = useCan('reminders:send');
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const reminders = useReminders(page);
  const run = useRunReminders();

  return (
    <>
      <SupervisionTabs />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            提醒记录
          </Typography.Title>
        }
        extra={
          canSend && (
            <Button
              icon={<SendOutlined />}
              loading={run.isPending}
              onClick={async () => {
                try {
                  const result = await run.mutateAsync();
                  message.success(result.busy ? '另一进程正在发送提醒，请稍后查看' : `已发送 ${result.sent} 条提醒（同一事项同一天只提醒一次）`);
                } catch (error) {
                  message.error(error instanceof Error ? error.message : '发送失败');
                }
              }}
            >
              立即发送今日提醒
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">到期前按设置的天数和逾期次日，系统自动向责任单位发送提醒；同一事项、同一单位、同一天只发一次。</Typography.Paragraph>
        {reminders.isError ? (
          <ErrorState error={reminders.error} onRetry={() => reminders.refetch()} title="提醒记录加载失败" />
        ) : (
          <Table<TReminder>
            rowKey="id"
            loading={reminders.isPending}
            dataSource={reminders.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无提醒记录' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: reminders.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 条`,
              onChange: (p, size) => setPage({ page: p, pageSize: size }),
            }}
            columns={[
              { title: '日期', dataIndex: 'day', width: 110, sorter: (a, b) => a.day.localeCompare(b.day) },
              { title: '类型', dataIndex: 'kind', render: (kind: string) => <Tag>{reminderKindLabels[kind] ?? kind}</Tag> },
              { title: '责任单位', key: 'unit', render: (_, row) => row.unit?.name ?? row.recipient },
              {
                title: '内容',
                dataIndex: 'subject',
                render: (subject: string, row) => (
                  <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                    {subject}
                    {row.task && (
                      <div>
                        <Link to={`/tasks/${row.task.id}`}>{row.task.code}</Link>
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: '渠道',
                dataIndex: 'channels',
                render: (channels: string) => channels.split(',').filter(Boolean).map((c) => <Tag key={c}>{channelLabels[c] ?? c}</Tag>),
              },
              { title: '发送结果', dataIndex: 'outcome', render: (outcome: string) => outcome || '—' },
              { title: '时间', dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
