import { ReportStatusEnum, type TReportListItem } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { Empty, Skeleton, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useTaskReports } from '../api/get-task-reports';

const colors = { draft: 'default', submitted: 'blue', returned: 'orange', accepted: 'green' } as const;

/** 季度报告: the task's quarterly reports with status, percent and submission, each opening the report. */
export function TaskReportsTab({ taskId, active }: { taskId: number; active: boolean }) {
  const reports = useTaskReports(taskId, active);
  if (reports.isPending) return <Skeleton active />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.items.length === 0) return <Empty description="还没有季度报告" />;
  return (
    <Table<TReportListItem>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="task-reports"
      dataSource={reports.data.items}
      columns={[
        { title: '季度', key: 'q', render: (_, r) => <Link to={`/reports/${r.id}`}>{`${r.year}年第${r.quarter}季度`}</Link> },
        {
          title: '状态',
          key: 'status',
          render: (_, r) => (
            <>
              <Tag color={colors[r.status]}>{ReportStatusEnum.labels[r.status]}</Tag>
              {r.late && <Tag color="red">逾期</Tag>}
            </>
          ),
        },
        { title: '完成进度', key: 'p', dataIndex: 'percentComplete', render: (v: number) => `${v}%`, align: 'right' },
        { title: '报送时间', key: 's', dataIndex: 'submittedAt', render: (v: string | null) => (v ? formatDateTime(v) : '—') },
      ]}
    />
  );
}
