import type { TReportDetail } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { Breadcrumb, Card, Col, Descriptions, Result, Row, Skeleton, Tabs, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { isApiError } from '@/lib/api-client';
import { usePageTitle } from '@/lib/use-page-title';
import { reportKey, useInvalidateReports, useReport, useReportDiff } from '../api/reports';
import { Contributions } from '../components/contributions';
import { FactsPanel } from '../components/facts-panel';
import { EvidenceList, ReportForm } from '../components/report-form';
import { ReportStatusTag } from '../components/report-status-tag';
import { ReviewActions } from '../components/review-actions';
import { DiffView, VersionHistory } from '../components/version-history';

/** The report as submitted, for readers and reviewers. */
function ReportReadOnly({ report }: { report: TReportDetail }) {
  const text = (value: string) => (value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">（未填写）</Typography.Text>);
  return (
    <Card title="填报内容" size="small">
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label="工作进展">{text(report.progressText)}</Descriptions.Item>
        <Descriptions.Item label="取得成果">{text(report.outcomesText)}</Descriptions.Item>
        <Descriptions.Item label="存在问题">{text(report.problems)}</Descriptions.Item>
        <Descriptions.Item label="下步打算">{text(report.nextSteps)}</Descriptions.Item>
        <Descriptions.Item label="完成进度">
          <span data-testid="report-percent">{report.percentComplete}%</span>
          {report.percentReason && <div>回落原因：{report.percentReason}</div>}
        </Descriptions.Item>
        <Descriptions.Item label="佐证材料">
          <EvidenceList report={report} />
        </Descriptions.Item>
        {report.reviewComment ? <Descriptions.Item label="退回意见">{report.reviewComment}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}

/** /reports/:id — one quarterly report: facts, the form (or the submitted text), contributions, versions and, for the reviewer, the diff and the decision. */
export function ReportRoute() {
  const id = Number(useParams().id);
  const report = useReport(id);
  const client = useQueryClient();
  const invalidate = useInvalidateReports();
  const data = report.data;
  usePageTitle(data ? `${data.task.title} ${data.year}年第${data.quarter}季度报告` : '季度报告');
  const diff = useReportDiff(id, !!data && data.versions.length > 0);

  if (report.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (report.isError) {
    if (isApiError(report.error, 404)) return <Result status="404" title="报告不存在或您无权查看" extra={<Link to="/reports">返回进展报告</Link>} />;
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: reportKey(id) });
    await invalidate();
  };
  const onReviewed = async (next: TReportDetail) => {
    client.setQueryData(reportKey(id), next);
    await invalidate();
  };
  const editing = r.can.edit;
  return (
    <div>
      <Breadcrumb items={[{ title: <Link to="/reports">进展报告</Link> }, { title: `${r.year}年第${r.quarter}季度` }]} style={{ marginBottom: 12 }} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <Link to={`/tasks/${r.task.id}`}>{r.task.code}</Link> {r.task.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="季度">
            {r.year}年第{r.quarter}季度
          </Descriptions.Item>
          <Descriptions.Item label="牵头单位">{r.unit.name}</Descriptions.Item>
          <Descriptions.Item label="报送截止">{r.dueDate}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <ReportStatusTag status={r.status} late={r.late} />
            {r.submittedAt && <Typography.Text type="secondary"> {formatDateTime(r.submittedAt)} 报送</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
        {r.can.review && <ReviewActions report={r} onDone={onReviewed} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={editing ? 10 : 24} xl={editing ? 9 : 24}>
          <FactsPanel facts={r.facts} />
        </Col>
        <Col xs={24} lg={editing ? 14 : 24} xl={editing ? 15 : 24}>
          {editing ? <ReportForm key={`${r.id}-${r.status}`} report={r} onChanged={refresh} /> : (
            <Tabs
              items={[
                { key: 'content', label: '报告内容', children: <ReportReadOnly report={r} /> },
                ...(r.versions.length > 0 ? [{ key: 'diff', label: r.versions.length > 1 ? '与上次报送对比' : '报送内容', children: <DiffView diff={diff.data} loading={diff.isPending} /> }] : []),
              ]}
              defaultActiveKey={r.can.review && r.versions.length > 1 ? 'diff' : 'content'}
            />
          )}
          <Contributions report={r} onChanged={refresh} />
          <VersionHistory report={r} />
        </Col>
      </Row>
    </div>
  );
}
