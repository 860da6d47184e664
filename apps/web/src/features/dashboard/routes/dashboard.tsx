import { DesktopOutlined, DownloadOutlined } from '@ant-design/icons';
import type { TDashboard, TDashboardQuery, TFigureKey } from '@reform/contracts';
import { todayInShanghai } from '@reform/domain';
import { Button, Card, Col, Collapse, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '@/components/error-state';
import { usePageTitle } from '@/lib/use-page-title';
import { dashboardExportUrl, useDashboard } from '../api/get-dashboard';
import { BigScreen } from '../components/big-screen';
import { LightsChart, OverdueTrendChart, RateTrendChart } from '../components/dashboard-charts';
import { DashboardFilters } from '../components/dashboard-filters';
import { AttentionList, OverdueUnitsList, UpcomingList } from '../components/dashboard-lists';
import { FigureCard } from '../components/figure-card';
import { figureHref, formatFigure, parseDashboardSearch, toDashboardSearch } from '../lib/dashboard-search';

const sections: Array<{ title: string; keys: TFigureKey[] }> = [
  {
    title: '推进情况',
    keys: ['tasks', 'completed', 'completion_rate', 'milestones_due', 'milestones_on_time_rate', 'milestones_late', 'overdue_milestones', 'overdue_tasks'],
  },
  { title: '状态灯', keys: ['light_red', 'light_yellow', 'light_green', 'light_grey'] },
  {
    title: '季度报告与督查整改',
    keys: ['reports_expected', 'reports_on_time_rate', 'reports_late', 'reports_first_acceptance_rate', 'rectifications_open', 'rectifications_overdue'],
  },
  {
    title: '改革成果与试点',
    keys: [
      'outcomes_institutional_document',
      'outcomes_replicable_experience',
      'outcomes_landmark',
      'outcomes_other',
      'pilots_running',
      'pilots_extended',
      'pilots_evaluating',
      'pilots_promoted',
    ],
  },
];

function ByList({ dashboard, query }: { dashboard: TDashboard; query: TDashboardQuery }) {
  return (
    <Row gutter={[12, 12]}>
      {dashboard.byList.map((row) => (
        <Col xs={24} md={8} key={row.list}>
          <Card size="small" title={row.label} data-testid={`by-list-${row.list}`}>
            <Row gutter={[8, 4]}>
              {row.figures.map((f) => (
                <Col span={12} key={f.key}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.label}
                  </Typography.Text>
                  <div>
                    <Link to={figureHref(f.key, dashboard, { ...query, list: row.list })} style={{ fontSize: 18, fontWeight: 600 }}>
                      {formatFigure(f.value, f.kind)}
                    </Link>
                  </div>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Definitions({ dashboard }: { dashboard: TDashboard }) {
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'definitions',
          label: '指标说明（每个数字的算法）',
          children: (
            <dl style={{ margin: 0 }} data-testid="definitions">
              {dashboard.figures.map((f) => (
                <div key={f.key} style={{ marginBottom: 6 }}>
                  <dt style={{ fontWeight: 600, display: 'inline' }}>{f.label}：</dt>
                  <dd style={{ display: 'inline', margin: 0 }}>{f.definition}</dd>
                </div>
              ))}
              <div style={{ color: 'rgba(0,0,0,0.55)', marginTop: 8 }}>
                统计期间：{dashboard.period.label}（{dashboard.period.from} 至 {dashboard.period.asOf}）；环比对照：{dashboard.previousPeriod.label}。
              </div>
            </dl>
          ),
        },
      ]}
    />
  );
}

export function DashboardRoute() {
  usePageTitle('总览');
  const [searchParams, setSearchParams] = useSearchParams();
  const query = parseDashboardSearch(searchParams);
  const big = searchParams.get('screen') === 'big';
  const dashboard = useDashboard(query, big ? 60_000 : undefined);
  const today = todayInShanghai();

  if (big) return <BigScreen dashboard={dashboard.data} error={dashboard.error} query={query} updatedAt={dashboard.dataUpdatedAt} />;

  const change = (patch: Partial<TDashboardQuery>) => setSearchParams(toDashboardSearch({ ...query, ...patch }));
  const data = dashboard.data;

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Flex align="baseline" gap={12} wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              总览
            </Typography.Title>
            {data && (
              <Typography.Text type="secondary" data-testid="dashboard-period">
                {data.period.label} · 统计至 {data.period.asOf}
              </Typography.Text>
            )}
          </Flex>
          <Space wrap size={8} className="no-print">
            <Button href={dashboardExportUrl(query)} download icon={<DownloadOutlined />} data-testid="export-dashboard">
              导出Excel
            </Button>
            <Link to={`/dashboard?${toDashboardSearch(query, { screen: 'big' }).toString()}`}>
              <Button icon={<DesktopOutlined />}>大屏模式</Button>
            </Link>
          </Space>
        </Flex>
        <DashboardFilters query={query} today={today} onChange={change} onReset={() => setSearchParams(new URLSearchParams())} />
      </Card>

      {dashboard.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : dashboard.isError && !data ? (
        <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} title="总览加载失败" />
      ) : data ? (
        <>
          {sections.map((section) => (
            <section key={section.title} aria-label={section.title}>
              <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
                {section.title}
              </Typography.Title>
              <Row gutter={[12, 12]}>
                {section.keys.map((key) => {
                  const figure = data.figures.find((f) => f.key === key)!;
                  return (
                    <Col xs={12} sm={8} lg={6} xl={section.keys.length > 6 ? 3 : 4} key={key}>
                      <FigureCard figure={figure} href={figureHref(key, data, query)} />
                    </Col>
                  );
                })}
              </Row>
            </section>
          ))}

          <section aria-label="分清单">
            <Typography.Title level={5} style={{ margin: '0 0 8px' }}>
              分清单
            </Typography.Title>
            <ByList dashboard={data} query={query} />
          </section>

          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Card size="small" title="近 8 个季度：完成率、节点按时完成率、报告及时率">
                <RateTrendChart dashboard={data} height={260} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="近 8 个季度：逾期节点与逾期任务">
                <OverdueTrendChart dashboard={data} height={260} />
              </Card>
            </Col>
            <Col xs={24} lg={6}>
              <Card size="small" title="状态灯分布">
                <LightsChart dashboard={data} height={260} />
              </Card>
            </Col>
          </Row>

          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Card size="small" title={`红灯、黄灯任务（${data.attention.length}）`} styles={{ body: { maxHeight: 480, overflowY: 'auto' } }}>
                <AttentionList dashboard={data} />
              </Card>
            </Col>
            <Col xs={24} lg={7}>
              <Card size="small" title="未来 30 天到期节点" styles={{ body: { maxHeight: 480, overflowY: 'auto' } }}>
                <UpcomingList dashboard={data} />
              </Card>
            </Col>
            <Col xs={24} lg={7}>
              <Card size="small" title="逾期事项最多的单位">
                <OverdueUnitsList dashboard={data} query={query} />
              </Card>
            </Col>
          </Row>

          <Definitions dashboard={data} />
        </>
      ) : null}
    </Flex>
  );
}
