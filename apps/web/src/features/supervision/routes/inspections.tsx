import { PlusOutlined } from '@ant-design/icons';
import type { TInspectionSummary } from '@reform/contracts';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { useInspections } from '../api/supervision';
import { InspectionCreateModal } from '../components/inspection-create-modal';
import { SupervisionTabs } from '../components/supervision-tabs';

/** 督查整改 › 督察记录: the inspections in the user's scope, newest first, with how far their items are. */
export function InspectionsRoute() {
  usePageTitle('督查整改');
  const canInspect = useCan('supervision:inspect');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const inspections = useInspections(page);

  return (
    <>
      <SupervisionTabs />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            督察记录
          </Typography.Title>
        }
        extra={
          canInspect && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              记录督察
            </Button>
          )
        }
      >
        {inspections.isError ? (
          <ErrorState error={inspections.error} onRetry={() => inspections.refetch()} title="督察记录加载失败" />
        ) : (
          <Table<TInspectionSummary>
            rowKey="id"
            loading={inspections.isPending}
            dataSource={inspections.data?.items ?? []}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '暂无督察记录' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: inspections.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 次督察`,
              onChange: (p, size) => setPage({ page: p, pageSize: size }),
            }}
            columns={[
              { title: '督察日期', dataIndex: 'inspectedOn', sorter: (a, b) => a.inspectedOn.localeCompare(b.inspectedOn), width: 110 },
              {
                title: '督察名称',
                dataIndex: 'title',
                render: (title: string, row) => (
                  <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                    <Link to={`/inspections/${row.id}`}>{title}</Link>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {row.unit.name} · {row.inspectors}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { title: '任务', key: 'tasks', render: (_, row) => row.tasks.map((task) => task.code).join('、') },
              {
                title: '整改事项',
                key: 'counts',
                sorter: (a, b) => a.counts.open + a.counts.responded - (b.counts.open + b.counts.responded),
                render: (_, row) => (
                  <Flex gap={4} wrap>
                    <Tag>共 {row.counts.total}</Tag>
                    {row.counts.open > 0 && <Tag color="processing">整改中 {row.counts.open}</Tag>}
                    {row.counts.responded > 0 && <Tag color="warning">待销号 {row.counts.responded}</Tag>}
                    {row.counts.closed > 0 && <Tag color="success">已销号 {row.counts.closed}</Tag>}
                    {row.counts.overdue > 0 && <Tag color="error">逾期 {row.counts.overdue}</Tag>}
                  </Flex>
                ),
              },
            ]}
          />
        )}
        <Space />
      </Card>
      {creating && <InspectionCreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
