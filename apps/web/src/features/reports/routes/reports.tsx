import type { TReportListItem, TReportStatus } from '@reform/contracts';
import { ReportStatusEnum } from '@reform/contracts';
import { previousQuarter, quarterOf, todayInShanghai } from '@reform/domain';
import { Card, Empty, List, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { useCan } from '@/lib/auth';
import { usePageTitle } from '@/lib/use-page-title';
import { useReports, useRounds } from '../api/reports';
import { OpenRoundForm } from '../components/open-round-form';
import { ReportsTable } from '../components/reports-table';
import { ReviewQueue } from '../components/review-queue';
import { enumOptions } from '@/lib/enum-options';

const number = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

function ReportList({ review }: { review: boolean }) {
  const [params, setParams] = useSearchParams();
  const year = number(params.get('year'));
  const quarter = number(params.get('quarter'));
  const status = review ? 'submitted' : ((params.get('status') as TReportStatus | null) ?? undefined);
  const page = number(params.get(review ? 'rpage' : 'page')) ?? 1;
  const pageSize = number(params.get('pageSize')) ?? 20;
  const reports = useReports({ year, quarter, status, page, pageSize });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const listed = { items: reports.data?.items ?? [], total: reports.data?.total ?? 0, page, pageSize, loading: reports.isFetching };
  const actionLabel = (row: TReportListItem) => (row.status === 'draft' || row.status === 'returned' ? '填报' : '查看');
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="季度"
          style={{ width: 150 }}
          value={year && quarter ? `${year}-${quarter}` : undefined}
          onChange={(value?: string) => {
            const [y, q] = value ? value.split('-') : [];
            set({ year: y, quarter: q, page: undefined, rpage: undefined });
          }}
          options={quarterOptions()}
          aria-label="季度"
        />
        {!review && (
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={status}
            onChange={(value?: string) => set({ status: value, page: undefined })}
            options={enumOptions(ReportStatusEnum)}
            aria-label="状态"
          />
        )}
      </Space>
      {reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : review ? (
        <ReviewQueue {...listed} onPage={(p, size) => set({ rpage: String(p), pageSize: String(size) })} />
      ) : (
        <ReportsTable
          {...listed}
          onPage={(p, size) => set({ page: String(p), pageSize: String(size) })}
          actionLabel={actionLabel}
          testId="reports-table"
        />
      )}
    </div>
  );
}

/** The last eight quarters, newest first. */
function quarterOptions() {
  const options: { value: string; label: string }[] = [];
  let q = quarterOf(todayInShanghai());
  for (let i = 0; i < 8; i++) {
    options.push({ value: `${q.year}-${q.quarter}`, label: `${q.year}年第${'一二三四'[q.quarter - 1]}季度` });
    q = previousQuarter(q);
  }
  return options;
}

function Rounds() {
  const rounds = useRounds();
  const canOpen = useCan('report-rounds:open');
  const navigate = useNavigate();
  const current = quarterOf(todayInShanghai());
  if (rounds.isPending) return <Skeleton active />;
  if (rounds.isError) return <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />;
  return (
    <div>
      {canOpen && <OpenRoundForm defaults={current} onOpened={(round) => navigate(`/reports/rounds/${round.id}`)} />}
      {rounds.data.items.length === 0 ? (
        <Empty description="还没有开启的报告轮次" />
      ) : (
        <List
          bordered
          data-testid="rounds-list"
          dataSource={rounds.data.items}
          renderItem={(round) => (
            <List.Item actions={[<Link key="board" to={`/reports/rounds/${round.id}`}>报送情况</Link>]}>
              <List.Item.Meta
                title={
                  <Link to={`/reports/rounds/${round.id}`}>
                    {round.year}年第{'一二三四'[round.quarter - 1]}季度
                  </Link>
                }
                description={
                  <Space wrap size={4}>
                    <Tag>{round.scopeUnit.name}</Tag>
                    <span>报送截止 {round.dueDate}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** 进展报告: this quarter's reports, the review queue for reviewers, and the rounds with their boards. */
export function ReportsRoute() {
  usePageTitle('进展报告');
  const [params, setParams] = useSearchParams();
  const canReview = useCan('reports:review');
  const canRounds = useCan('report-rounds:read');
  const tab = params.get('tab') ?? 'reports';
  const last = previousQuarter(quarterOf(todayInShanghai()));
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        进展报告
      </Typography.Title>
      <Typography.Paragraph type="secondary">一季度一报：每项任务每季度报送进展，改革办审核采纳或退回</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'reports' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'reports', label: '季度报告', children: <ReportList review={false} /> },
          ...(canReview ? [{ key: 'review', label: '审核队列', children: <ReportList review /> }] : []),
          ...(canRounds ? [{ key: 'rounds', label: '报告轮次', children: <Rounds /> }] : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        上一季度（{last.year}年第{last.quarter}季度）的报告应在季度结束后按系统设置的天数内报送，逾期报送将计入单位报告及时率。
      </Typography.Paragraph>
    </Card>
  );
}
