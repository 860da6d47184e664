import type { TDashboard, TDashboardQuery } from '@reform/contracts';
import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import { LightIndicator } from '@/components/light-indicator';
import { figureHref } from '../lib/dashboard-search';

// Lists rather than tables: each row wraps on a phone, so nothing is wider than the screen.

export function AttentionList({ dashboard, dark = false, limit }: { dashboard: TDashboard; dark?: boolean; limit?: number }) {
  const items = limit ? dashboard.attention.slice(0, limit) : dashboard.attention;
  const secondary = dark ? '#9fb0c9' : undefined;
  return (
    <List
      size="small"
      data-testid="attention-list"
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有红灯或黄灯任务" /> }}
      renderItem={(task) => (
        <List.Item key={task.id} style={{ display: 'block', breakInside: 'avoid', borderColor: dark ? '#1f3354' : undefined }}>
          <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
            <LightIndicator light={task.light} reason={task.lightReason} />
            <Link to={`/tasks/${task.id}`} style={{ minWidth: 0, overflowWrap: 'anywhere', color: dark ? '#e6edf7' : undefined }}>
              {task.title}
            </Link>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', paddingInlineStart: 18, color: secondary }}>
            {task.leadUnit.name}
            {task.leadLeader ? ` · ${task.leadLeader}` : ''} · {task.lightReason}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function UpcomingList({ dashboard }: { dashboard: TDashboard }) {
  return (
    <List
      size="small"
      data-testid="upcoming-list"
      dataSource={dashboard.upcomingMilestones}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未来 30 天没有到期节点" /> }}
      renderItem={(m) => (
        <List.Item key={`${m.taskId}-${m.name}-${m.dueDate}`} style={{ display: 'block' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{m.name}</span>
            <Typography.Text strong style={{ flex: 'none' }}>
              {m.dueDate.slice(5).replace('-', '月')}日
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
            <Link to={`/tasks/${m.taskId}`}>{m.title}</Link> · {m.leadUnit.name}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function OverdueUnitsList({ dashboard, query, dark = false }: { dashboard: TDashboard; query: TDashboardQuery; dark?: boolean }) {
  const link = (key: 'overdue_milestones' | 'overdue_tasks' | 'rectifications_overdue', unitId: number, value: number, label: string) => (
    <Link to={figureHref(key, dashboard, query, unitId)} aria-label={`${label} ${value}`} style={{ color: dark ? '#e6edf7' : undefined }}>
      {label} {value}
    </Link>
  );
  return (
    <List
      size="small"
      data-testid="overdue-units"
      dataSource={dashboard.unitsMostOverdue}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有逾期事项" /> }}
      renderItem={(row, index) => (
        <List.Item key={row.unit.id} style={{ display: 'block', borderColor: dark ? '#1f3354' : undefined }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span style={{ color: dark ? '#e6edf7' : undefined }}>
              {index + 1}. {row.unit.name}
            </span>
            <Typography.Text strong style={{ color: '#cf1322' }}>
              {row.total}
            </Typography.Text>
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 12px', fontSize: 12 }}>
            {link('overdue_milestones', row.unit.id, row.overdueMilestones, '逾期节点')}
            {link('overdue_tasks', row.unit.id, row.overdueTasks, '逾期任务')}
            {link('rectifications_overdue', row.unit.id, row.overdueRectifications, '逾期整改')}
          </div>
        </List.Item>
      )}
    />
  );
}
