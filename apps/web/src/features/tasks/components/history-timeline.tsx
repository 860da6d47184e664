import { Empty, Skeleton, Timeline, Typography } from 'antd';
import { ErrorState } from '@/components/error-state';
import { formatDateTime } from '@reform/domain';
import { useTaskHistory } from '../api/get-task-history';

const actionColors: Record<string, string> = {
  '新建任务': 'green',
  '审定时间表，冻结基线': '#1677ff',
  '同意时间表调整': 'green',
  '不同意时间表调整': 'red',
  '提交时间表调整申请': 'orange',
  '完成节点': 'green',
  '启动推进': 'green',
  '暂停任务': 'orange',
  '恢复推进': 'green',
  '标记任务完成': 'green',
  '重新推进': 'orange',
  '销号': 'red',
  '试点延期': 'orange',
};

/** 变更历史: who changed what and when, newest first, told in words by the server. */
export function HistoryTimeline({ taskId }: { taskId: number }) {
  const history = useTaskHistory(taskId);
  if (history.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} title="变更历史加载失败" />;
  if (history.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" />;
  return (
    <Timeline
      data-testid="history-timeline"
      style={{ marginTop: 8 }}
      items={history.data.map((entry) => ({
        key: entry.id,
        color: actionColors[entry.action] ?? 'gray',
        content: (
          <div data-testid="history-entry">
            <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatDateTime(entry.at)}
            </Typography.Text>
            <div>
              <Typography.Text strong>{entry.actor}</Typography.Text> {entry.action}
            </div>
            {entry.lines.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18, color: 'rgba(0,0,0,0.65)' }}>
                {entry.lines.map((line, index) => (
                  <li key={index} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {line}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
