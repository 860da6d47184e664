import { ReportStatusEnum, type TReportDetail, type TReportDiff } from '@reform/contracts';
import { formatDateTime } from '@reform/domain';
import { Card, Empty, Spin, Tag, Timeline, Typography } from 'antd';

/** Every submitted version, newest first, with its review. */
export function VersionHistory({ report }: { report: TReportDetail }) {
  if (report.versions.length === 0) {
    return (
      <Card title="报送记录" size="small" style={{ marginTop: 16 }}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送" />
      </Card>
    );
  }
  return (
    <Card title="报送记录" size="small" style={{ marginTop: 16 }} data-testid="version-history">
      <Timeline
        items={[...report.versions].reverse().map((v) => ({
          key: v.seq,
          color: v.reviewStatus === 'accepted' ? 'green' : v.reviewStatus === 'returned' ? 'orange' : 'blue',
          children: (
            <div>
              <Typography.Text strong>第 {v.seq} 次报送</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(v.submittedAt)} · {v.submittedBy} · 完成进度 {v.percentComplete}%
              </Typography.Text>{' '}
              {v.late && <Tag color="red">逾期</Tag>}
              {v.reviewStatus && <Tag>{ReportStatusEnum.labels[v.reviewStatus]}</Tag>}
              {v.reviewComment && <div>退回意见：{v.reviewComment}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** What changed since the previous submission, field by field: added text marked green, removed text struck through red. */
export function DiffView({ diff, loading }: { diff: TReportDiff | undefined; loading: boolean }) {
  if (loading) return <Spin />;
  if (!diff || diff.to === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送" />;
  return (
    <div data-testid="report-diff">
      <Typography.Paragraph type="secondary">
        {diff.from === null ? `第 ${diff.to} 次报送（首次报送，无可对比的版本）` : `第 ${diff.from} 次与第 ${diff.to} 次报送的差异`}
      </Typography.Paragraph>
      {diff.fields
        .filter((field) => diff.from === null || field.changed)
        .map((field) => (
          <div key={field.field} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{field.label}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', border: '1px solid #f0f0f0', padding: 8, borderRadius: 4 }}>
              {field.parts.map((part, i) =>
                part.added ? (
                  <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
                    {part.value}
                  </ins>
                ) : part.removed ? (
                  <del key={i} style={{ background: '#ffccc7', color: '#a8071a' }}>
                    {part.value}
                  </del>
                ) : (
                  <span key={i}>{part.value}</span>
                ),
              )}
            </div>
          </div>
        ))}
      {diff.from !== null && diff.fields.every((f) => !f.changed) && <Typography.Text type="secondary">两次报送内容相同</Typography.Text>}
    </div>
  );
}
