import { rectificationActionLabels, type RectificationAction, type TRectification } from '@reform/contracts';
import { Button, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EvidenceLinks } from './evidence-links';
import { RectificationActionModal } from './rectification-action-modal';
import { RectificationStatus } from './rectification-status';

interface RectificationTableProps {
  items: TRectification[];
  loading?: boolean;
  /** Show the inspection each item came from (the per-unit list); the inspection's own page does not. */
  showInspection?: boolean;
  pagination?: TableProps<TRectification>['pagination'];
  onChange?: TableProps<TRectification>['onChange'];
}

/** Rectification items with their status, deadline and the actions the user may take (反馈 / 销号 / 重新打开). */
export function RectificationTable({ items, loading, showInspection = false, pagination = false, onChange }: RectificationTableProps) {
  const [acting, setActing] = useState<{ item: TRectification; action: RectificationAction } | null>(null);
  return (
    <>
      <Table<TRectification>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无整改事项' }}
        data-testid="rectification-table"
        onRow={(item) => ({ 'data-testid': `rectification-${item.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '整改事项',
            dataIndex: 'description',
            width: 280,
            render: (description: string, item) => (
              <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                <Typography.Text>{description}</Typography.Text>
                {item.responseNote && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      整改情况：{item.responseNote}
                    </Typography.Text>
                  </div>
                )}
                {item.evidence.length > 0 && (
                  <div style={{ fontSize: 13 }}>
                    佐证：
                    <EvidenceLinks files={item.evidence} />
                  </div>
                )}
                {item.reopenReason && item.status === 'open' && (
                  <div>
                    <Typography.Text type="warning" style={{ fontSize: 13 }}>
                      重新打开：{item.reopenReason}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          ...(showInspection
            ? [
                {
                  title: '督察',
                  key: 'inspection',
                  render: (_: unknown, item: TRectification) => (
                    <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                      <Link to={`/inspections/${item.inspection.id}`}>{item.inspection.title}</Link>
                    </div>
                  ),
                },
              ]
            : []),
          { title: '责任单位', key: 'owner', render: (_, item) => item.ownerUnit.name },
          {
            title: '关联任务',
            key: 'task',
            render: (_, item) => (item.task ? <Link to={`/tasks/${item.task.id}`}>{item.task.code}</Link> : '—'),
          },
          { title: '整改期限', dataIndex: 'deadline', sorter: (a, b) => a.deadline.localeCompare(b.deadline) },
          { title: '状态', key: 'status', width: 120, render: (_, item) => <RectificationStatus item={item} /> },
          {
            title: '操作',
            key: 'actions',
            render: (_, item) =>
              item.actions.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Space wrap size={4}>
                  {item.actions.map((action) => (
                    <Button key={action} size="small" type={action === 'reopen' ? 'default' : 'primary'} danger={action === 'reopen'} onClick={() => setActing({ item, action })}>
                      {rectificationActionLabels[action]}
                    </Button>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      {acting && <RectificationActionModal item={acting.item} action={acting.action} onClose={() => setActing(null)} />}
    </>
  );
}
