import { RectificationStatusEnum, type TRectificationPage, type TRectification } from '@reform/contracts';
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { api } from '@/lib/api-client';

const colors = { open: 'processing', responded: 'warning', closed: 'success' } as const;

/** The task's rectification items (督查整改): what was found, who must fix it by when, and where it stands. */
export function TaskRectifications({ taskId }: { taskId: number }) {
  const items = useQuery({
    queryKey: ['supervision', 'rectifications', { taskId, pageSize: 200 }],
    queryFn: ({ signal }) => api<TRectificationPage>('/rectifications', { query: { taskId, pageSize: 200 }, signal }),
  });
  if (items.isError) return <ErrorState error={items.error} onRetry={() => items.refetch()} title="整改事项加载失败" />;
  return (
    <Table<TRectification>
      rowKey="id"
      size="small"
      loading={items.isPending}
      dataSource={items.data?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '该任务没有整改事项' }}
      data-testid="task-rectifications"
      columns={[
        {
          title: '整改事项',
          dataIndex: 'description',
          render: (description: string, item) => (
            <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
              {description}
              <div>
                <Link to={`/inspections/${item.inspection.id}`} style={{ fontSize: 13 }}>
                  {item.inspection.title}
                </Link>
              </div>
            </div>
          ),
        },
        { title: '责任单位', key: 'owner', render: (_, item) => item.ownerUnit.name },
        { title: '整改期限', dataIndex: 'deadline', sorter: (a, b) => a.deadline.localeCompare(b.deadline) },
        {
          title: '状态',
          key: 'status',
          render: (_, item) => (
            <>
              <Tag color={colors[item.status]}>{RectificationStatusEnum.labels[item.status]}</Tag>
              {item.overdueDays > 0 && <Tag color="error">逾期 {item.overdueDays} 天</Tag>}
            </>
          ),
        },
        {
          title: '',
          key: 'act',
          render: (_, item) =>
            item.actions.length > 0 ? (
              <Link to={`/inspections/${item.inspection.id}`}>去处理</Link>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
}
