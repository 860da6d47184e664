import type { TReportListItem } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import { ReportStatusTag } from './report-status-tag';

export interface ReportsTableProps {
  items: TReportListItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** The link's words on each row: 填报, 审核 … */
  actionLabel: (row: TReportListItem) => string;
  testId: string;
  /** Extra attributes of each row (the review queue's current row and its keys). */
  onRow?: TableProps<TReportListItem>['onRow'];
}

/** A page of reports; the columns sort the page, the task opens the report. */
export function ReportsTable({ items, total, page, pageSize, loading, onPage, actionLabel, testId, onRow }: ReportsTableProps) {
  const columns: TableColumnsType<TReportListItem> = [
    {
      title: '任务',
      key: 'task',
      sorter: (a, b) => a.task.code.localeCompare(b.task.code),
      render: (_, row) => (
        <div style={{ minWidth: 180 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.task.code}
          </Typography.Text>
          <div>{row.task.title}</div>
        </div>
      ),
    },
    { title: '牵头单位', key: 'unit', dataIndex: ['unit', 'name'], sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh'), responsive: ['md'] },
    { title: '季度', key: 'quarter', render: (_, row) => `${row.year}年Q${row.quarter}`, sorter: (a, b) => a.year * 4 + a.quarter - (b.year * 4 + b.quarter) },
    {
      title: '状态',
      key: 'status',
      sorter: (a, b) => a.status.localeCompare(b.status),
      render: (_, row) => <ReportStatusTag status={row.status} late={row.late} />,
    },
    { title: '完成进度', key: 'percent', dataIndex: 'percentComplete', align: 'right', render: (v: number) => `${v}%`, sorter: (a, b) => a.percentComplete - b.percentComplete },
    { title: '报送截止', key: 'due', dataIndex: 'dueDate', render: (v: string | null) => v ?? '—', responsive: ['sm'], sorter: (a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') },
    {
      title: '报送时间',
      key: 'submittedAt',
      dataIndex: 'submittedAt',
      responsive: ['lg'],
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
      sorter: (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
    },
    { title: '操作', key: 'action', render: (_, row) => <Link to={`/reports/${row.id}`}>{actionLabel(row)}</Link> },
  ];
  return (
    <Table<TReportListItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={onRow}
      locale={{ emptyText: '没有符合条件的报告' }}
      pagination={{ current: page, pageSize, total, showSizeChanger: true, onChange: onPage, showTotal: (n) => `共 ${n} 份` }}
    />
  );
}
