import { DownloadOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { TQuarterlyReportFormat, TQuarterlyReportStatus } from '@reform/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { getQuarterlyReportStatus, quarterlyOverviewKey } from '../api/quarterly-reports';
import { PdfPreview } from './pdf-preview';

export interface ReportChoice {
  quarter: string;
  scope: string;
  internal: boolean;
}

const formats = {
  pdf: { label: 'PDF（打印报送）', icon: <FilePdfOutlined /> },
  docx: { label: 'Word（编辑修改）', icon: <FileWordOutlined /> },
} as const;

/** One format of the chosen report: generating (with progress), failed (with the reason), or ready to download. */
export function ReportGenerator({ choice, format, requested }: { choice: ReportChoice; format: TQuarterlyReportFormat; requested: boolean }) {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['quarterly-reports', 'status', choice.quarter, choice.scope, choice.internal, format],
    queryFn: ({ signal }) =>
      getQuarterlyReportStatus({ quarter: choice.quarter, scope: choice.scope, format, ...(choice.internal ? { marking: 'internal' as const } : {}) }, signal),
    enabled: requested,
    retry: false,
    refetchInterval: (query) => (query.state.data?.state === 'generating' ? 800 : false),
  });
  const state: TQuarterlyReportStatus['state'] | undefined = status.data?.state;
  useEffect(() => {
    if (state === 'ready') void queryClient.invalidateQueries({ queryKey: quarterlyOverviewKey, exact: true });
  }, [state, queryClient]);

  if (!requested) return null;
  const { label, icon } = formats[format];
  return (
    <Flex vertical gap={8} data-testid={`report-${format}`}>
      <Typography.Text strong>
        {icon} {label}
      </Typography.Text>
      {status.isError ? (
        <Alert type="error" showIcon message={status.error instanceof Error ? status.error.message : '生成失败'} />
      ) : !status.data || status.data.state === 'generating' ? (
        <div role="status" aria-label="生成进度">
          <Progress percent={Math.round((status.data?.progress ?? 0) * 100)} status="active" />
          <Typography.Text type="secondary">正在生成报告，范围较大时需要一些时间…</Typography.Text>
        </div>
      ) : status.data.state === 'failed' ? (
        <Alert type="error" showIcon message={`生成失败：${status.data.message ?? '请稍后重试'}`} />
      ) : (
        <>
          <Button type="primary" icon={<DownloadOutlined />} href={status.data.href} download style={{ alignSelf: 'flex-start' }}>
            下载{format === 'pdf' ? ' PDF' : ' Word'}
          </Button>
          {format === 'pdf' && <PdfPreview url={status.data.href} />}
        </>
      )}
    </Flex>
  );
}
