import type { TDashboard, TDashboardQuery, TFigureKey } from '@reform/contracts';
import { ConfigProvider, Spin, theme } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { figureHref, toDashboardSearch } from '../lib/dashboard-search';
import { LightsChart, OverdueTrendChart, RateTrendChart } from './dashboard-charts';
import { AttentionList, OverdueUnitsList } from './dashboard-lists';
import { FigureCard } from './figure-card';

const keyFigures: TFigureKey[] = [
  'tasks',
  'completion_rate',
  'milestones_on_time_rate',
  'reports_on_time_rate',
  'overdue_milestones',
  'overdue_tasks',
  'rectifications_open',
  'outcomes_institutional_document',
];

const panel = {
  background: '#0b1626',
  border: '1px solid #1f3354',
  borderRadius: 8,
  padding: '10px 14px',
  minHeight: 0,
  overflow: 'hidden',
  display: 'flex',
  flexDirection: 'column' as const,
};
const panelTitle = { color: '#9fc3ff', fontSize: 18, fontWeight: 600, marginBottom: 6 };

interface BigScreenProps {
  dashboard: TDashboard | undefined;
  error: Error | null;
  query: TDashboardQuery;
  updatedAt: number;
}

/**
 * The command centre's big screen (1920×1080): dark, fits the viewport without scrollbars, and
 * refreshes itself every minute (the query's refetch interval). It covers the app's chrome.
 */
export function BigScreen({ dashboard, error, query, updatedAt }: BigScreenProps) {
  useEffect(() => {
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = overflow;
    };
  }, []);
  const updated = updatedAt ? new Date(updatedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' }) : '';

  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm }}>
      <div
        data-testid="big-screen"
        style={{
          position: 'fixed',
          inset: 0,
          zIndex: 1000,
          background: 'radial-gradient(ellipse at 50% 0%, #12264a 0%, #050b16 70%)',
          color: '#e6edf7',
          overflow: 'hidden',
          display: 'grid',
          gridTemplateRows: 'auto auto minmax(0, 1fr) minmax(0, 1fr)',
          gap: 12,
          padding: 16,
        }}
      >
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <div style={{ fontSize: 30, fontWeight: 700, letterSpacing: 4 }}>全面深化改革 · 挂图作战总览</div>
          <div style={{ fontSize: 16, color: '#9fb0c9', display: 'flex', gap: 16, alignItems: 'center' }}>
            {dashboard && (
              <span data-testid="big-screen-period">
                {dashboard.period.label} · 统计至 {dashboard.period.asOf}
              </span>
            )}
            {updated && <span>每分钟自动刷新 · 更新于 {updated}</span>}
            {error && <span style={{ color: '#ff7875' }}>刷新失败，稍后自动重试</span>}
            <Link to={`/dashboard?${toDashboardSearch(query).toString()}`} style={{ color: '#9fc3ff' }}>
              退出大屏
            </Link>
          </div>
        </header>
        {!dashboard ? (
          <div style={{ gridRow: '2 / 5', display: 'grid', placeItems: 'center' }}>
            <Spin size="large" />
          </div>
        ) : (
          <>
            <div style={{ display: 'grid', gridTemplateColumns: `repeat(${keyFigures.length}, minmax(0, 1fr))`, gap: 12 }}>
              {keyFigures.map((key) => (
                <FigureCard key={key} figure={dashboard.figures.find((f) => f.key === key)!} href={figureHref(key, dashboard, query)} dark size="large" />
              ))}
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: '2fr 2fr 1.3fr', gap: 12, minHeight: 0 }}>
              <section style={panel} aria-label="完成率与按时率趋势">
                <div style={panelTitle}>近 8 个季度：完成率 · 节点按时完成率 · 报告及时率</div>
                <div style={{ flex: 1, minHeight: 0 }}>
                  <RateTrendChart dashboard={dashboard} theme="dark" height="100%" />
                </div>
              </section>
              <section style={panel} aria-label="逾期趋势">
                <div style={panelTitle}>近 8 个季度：逾期节点与逾期任务</div>
                <div style={{ flex: 1, minHeight: 0 }}>
                  <OverdueTrendChart dashboard={dashboard} theme="dark" height="100%" />
                </div>
              </section>
              <section style={panel} aria-label="状态灯分布">
                <div style={panelTitle}>状态灯分布</div>
                <div style={{ flex: 1, minHeight: 0 }}>
                  <LightsChart dashboard={dashboard} theme="dark" height="100%" />
                </div>
              </section>
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: '2.6fr 1.4fr', gap: 12, minHeight: 0 }}>
              <section style={panel} aria-label="红灯、黄灯任务">
                <div style={panelTitle}>红灯、黄灯任务（{dashboard.attention.length}）</div>
                <div style={{ flex: 1, minHeight: 0, overflow: 'hidden', columns: 2, columnGap: 24 }}>
                  <AttentionList dashboard={dashboard} dark limit={10} />
                </div>
              </section>
              <section style={panel} aria-label="逾期事项最多的单位">
                <div style={panelTitle}>逾期事项最多的单位</div>
                <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
                  <OverdueUnitsList dashboard={{ ...dashboard, unitsMostOverdue: dashboard.unitsMostOverdue.slice(0, 6) }} query={query} dark />
                </div>
              </section>
            </div>
          </>
        )}
      </div>
    </ConfigProvider>
  );
}
