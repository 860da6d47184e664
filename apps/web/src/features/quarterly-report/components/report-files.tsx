import { DownloadOutlined } from '@ant-design/icons';
import type { TQuarterlyReportFile } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { Button, Empty, Table, Tag } from 'antd';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

const hrefOf = (file: TQuarterlyReportFile) => `/api/quarterly-reports/${file.quarter}.${file.format}?scope=${encodeURIComponent(file.scope)}`;

/** Reports already generated: which, who generated it and when; downloading gives the current version. */
export function ReportFiles({ files }: { files: TQuarterlyReportFile[] }) {
  return (
    <Table<TQuarterlyReportFile>
      rowKey="id"
      size="small"
      dataSource={files}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description="还没有生成过季度报告" /> }}
      columns={[
        { title: '报告', dataIndex: 'title', sorter: (a, b) => a.title.localeCompare(b.title, 'zh') },
        {
          title: '格式',
          dataIndex: 'format',
          filters: [
            { text: 'PDF', value: 'pdf' },
            { text: 'Word', value: 'docx' },
          ],
          onFilter: (value, file) => file.format === value,
          render: (format: string) => <Tag color={format === 'pdf' ? 'red' : 'blue'}>{format === 'pdf' ? 'PDF' : 'Word'}</Tag>,
        },
        { title: '生成人', dataIndex: 'generatedBy' },
        {
          title: '生成时间',
          dataIndex: 'generatedAt',
          defaultSortOrder: 'descend',
          sorter: (a, b) => a.generatedAt.localeCompare(b.generatedAt),
          render: (at: string) => formatDateTime(at),
        },
        { title: '大小', dataIndex: 'sizeBytes', render: sizeText },
        {
          title: '操作',
          key: 'download',
          render: (_, file) => (
            <Button size="small" icon={<DownloadOutlined />} href={hrefOf(file)} download aria-label={`下载 ${file.title}`}>
              下载
            </Button>
          ),
        },
      ]}
    />
  );
}
