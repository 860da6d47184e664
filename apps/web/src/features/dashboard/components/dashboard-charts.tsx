import { barChart, lightColors, lineChart, pieChart, type ChartTheme } from '@reform/charts';
import type { TDashboard } from '@reform/contracts';
import { Skeleton } from 'antd';
import { lazy, Suspense, useMemo } from 'react';

// ECharts arrives with this lazily loaded component only: the page's numbers show first.
const EChart = lazy(() => import('@/components/echart').then((m) => ({ default: m.EChart })));

const fallback = (height: number | string) => (
  <div style={{ height, display: 'grid', alignItems: 'center' }}>
    <Skeleton.Node active style={{ width: '100%', height: typeof height === 'number' ? height - 16 : 160 }} />
  </div>
);

interface ChartProps {
  dashboard: TDashboard;
  theme?: ChartTheme;
  height: number | string;
}

/** Completion, on-time milestone and report timeliness rates over the last 8 quarters. */
export function RateTrendChart({ dashboard, theme = 'light', height }: ChartProps) {
  const spec = useMemo(
    () =>
      lineChart({
        theme,
        categories: dashboard.trend.map((row) => row.label),
        series: [
          { name: '完成率', data: dashboard.trend.map((row) => row.completionRate), color: '#1677ff' },
          { name: '节点按时完成率', data: dashboard.trend.map((row) => row.milestonesOnTimeRate), color: '#13c2c2' },
          { name: '报告及时率', data: dashboard.trend.map((row) => row.reportsOnTimeRate), color: '#722ed1' },
        ],
        max: 100,
        unit: '%',
      }),
    [dashboard.trend, theme],
  );
  return (
    <Suspense fallback={fallback(height)}>
      <EChart spec={spec} height={height} label="近 8 个季度完成率、节点按时完成率、报告及时率趋势" testId="chart-rate-trend" />
    </Suspense>
  );
}

/** Overdue milestones and tasks at the end of each of the last 8 quarters. */
export function OverdueTrendChart({ dashboard, theme = 'light', height }: ChartProps) {
  const spec = useMemo(
    () =>
      barChart({
        theme,
        categories: dashboard.trend.map((row) => row.label),
        series: [
          { name: '逾期节点', data: dashboard.trend.map((row) => row.overdueMilestones), color: lightColors.red },
          { name: '逾期任务', data: dashboard.trend.map((row) => row.overdueTasks), color: lightColors.yellow },
        ],
      }),
    [dashboard.trend, theme],
  );
  return (
    <Suspense fallback={fallback(height)}>
      <EChart spec={spec} height={height} label="近 8 个季度逾期节点和逾期任务" testId="chart-overdue-trend" />
    </Suspense>
  );
}

/** The tasks in play by light. */
export function LightsChart({ dashboard, theme = 'light', height }: ChartProps) {
  const spec = useMemo(() => {
    const value = (key: string) => dashboard.figures.find((f) => f.key === key)?.value ?? 0;
    return pieChart({
      theme,
      centre: `${value('tasks')} 项`,
      items: [
        { name: '红灯', value: value('light_red'), color: lightColors.red },
        { name: '黄灯', value: value('light_yellow'), color: lightColors.yellow },
        { name: '绿灯', value: value('light_green'), color: lightColors.green },
        { name: '灰灯', value: value('light_grey'), color: lightColors.grey },
      ],
    });
  }, [dashboard.figures, theme]);
  return (
    <Suspense fallback={fallback(height)}>
      <EChart spec={spec} height={height} label="在推任务按状态灯分布" testId="chart-lights" />
    </Suspense>
  );
}
