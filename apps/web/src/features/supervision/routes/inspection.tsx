import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { usePageTitle } from '@/lib/use-page-title';
import { useInspection } from '../api/supervision';
import { RectificationCreateModal } from '../components/rectification-create-modal';
import { RectificationTable } from '../components/rectification-table';
import { SupervisionTabs } from '../components/supervision-tabs';

/** One inspection: what was found, on which tasks, and its rectification items with their actions. */
export function InspectionRoute() {
  const id = Number(useParams().id);
  const inspection = useInspection(id);
  const [adding, setAdding] = useState(false);
  usePageTitle(inspection.data?.title ?? '督察详情');

  if (inspection.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (inspection.isError) return <ErrorState error={inspection.error} onRetry={() => inspection.refetch()} title="督察记录加载失败" />;
  const data = inspection.data;
  return (
    <>
      <SupervisionTabs />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
            {data.title}
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="督察日期">{data.inspectedOn}</Descriptions.Item>
          <Descriptions.Item label="督察单位">{data.unit.name}</Descriptions.Item>
          <Descriptions.Item label="督察组成员">{data.inspectors}</Descriptions.Item>
          <Descriptions.Item label="督察任务">
            <span>
              {data.tasks.map((task) => (
                <Link key={task.id} to={`/tasks/${task.id}`} style={{ marginInlineEnd: 8 }}>
                  {task.code} {task.title}
                </Link>
              ))}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="发现问题" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.findings}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={`整改事项（${data.rectifications.length}）`}
        extra={
          data.mayAddRectifications && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              下发整改事项
            </Button>
          )
        }
      >
        <RectificationTable items={data.rectifications} />
      </Card>
      {adding && <RectificationCreateModal inspection={data} onClose={() => setAdding(false)} />}
    </>
  );
}
