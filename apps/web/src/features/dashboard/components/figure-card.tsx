import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { TFigure, TFigureKey } from '@reform/contracts';
import { Tooltip } from 'antd';
import { Link } from 'react-router';
import { formatChange, formatFigure } from '../lib/dashboard-search';

/** Figures where a rise is good news (green arrow); a rise of the rest of the counted troubles is bad (red). */
const goodWhenUp = new Set<TFigureKey>([
  'completed',
  'completion_rate',
  'milestones_on_time_rate',
  'reports_on_time_rate',
  'reports_first_acceptance_rate',
  'outcomes_institutional_document',
  'outcomes_replicable_experience',
  'outcomes_landmark',
  'outcomes_other',
  'pilots_promoted',
]);
const badWhenUp = new Set<TFigureKey>([
  'light_red',
  'light_yellow',
  'milestones_late',
  'overdue_milestones',
  'overdue_tasks',
  'reports_late',
  'rectifications_open',
  'rectifications_overdue',
]);

function changeColour(figure: TFigure, dark: boolean): string {
  const neutral = dark ? '#9fb0c9' : '#8c8c8c';
  if (!figure.change) return neutral;
  const up = figure.change > 0;
  if (goodWhenUp.has(figure.key)) return up ? '#389e0d' : '#cf1322';
  if (badWhenUp.has(figure.key)) return up ? '#cf1322' : '#389e0d';
  return neutral;
}

interface FigureCardProps {
  figure: TFigure;
  href: string;
  dark?: boolean;
  /** The big screen uses larger type. */
  size?: 'normal' | 'large';
}

/**
 * One figure: its label with the definition a tap away, the number as a link to exactly the tasks
 * behind it, the change against the previous period, and how many tasks the link lists.
 */
export function FigureCard({ figure, href, dark = false, size = 'normal' }: FigureCardProps) {
  const change = formatChange(figure.change, figure.kind);
  const secondary = dark ? '#9fb0c9' : 'rgba(0,0,0,0.55)';
  const showTaskCount = figure.kind === 'rate' || !['tasks', 'light_red', 'light_yellow', 'light_green', 'light_grey', 'completed', 'overdue_tasks', 'pilots_running', 'pilots_extended', 'pilots_evaluating', 'pilots_promoted'].includes(figure.key);
  return (
    <div
      data-testid={`figure-${figure.key}`}
      style={{
        background: dark ? '#0f1b2d' : '#fff',
        border: `1px solid ${dark ? '#1f3354' : '#f0f0f0'}`,
        borderRadius: 8,
        padding: size === 'large' ? '14px 18px' : '12px 14px',
        height: '100%',
        minWidth: 0,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, color: secondary, fontSize: size === 'large' ? 18 : 13 }}>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{figure.label}</span>
        <Tooltip title={figure.definition}>
          <InfoCircleOutlined aria-label={`${figure.label}的定义：${figure.definition}`} role="img" tabIndex={0} />
        </Tooltip>
      </div>
      <Link
        to={href}
        aria-label={`${figure.label} ${formatFigure(figure.value, figure.kind)}，查看涉及的 ${figure.taskCount} 项任务`}
        data-testid={`figure-link-${figure.key}`}
        style={{ display: 'inline-block', fontSize: size === 'large' ? 44 : 26, fontWeight: 600, lineHeight: 1.25, color: dark ? '#e6edf7' : undefined }}
      >
        {formatFigure(figure.value, figure.kind)}
      </Link>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 10px', fontSize: size === 'large' ? 15 : 12, color: secondary }}>
        {change && (
          <span style={{ color: changeColour(figure, dark) }} data-testid={`figure-change-${figure.key}`}>
            {figure.change! > 0 ? <ArrowUpOutlined /> : figure.change! < 0 ? <ArrowDownOutlined /> : null} 较上期 {change}
          </span>
        )}
        {figure.kind === 'rate' && figure.denominator !== null && (
          <span>
            {figure.numerator}/{figure.denominator}
          </span>
        )}
        {showTaskCount && <span>涉及 {figure.taskCount} 项任务</span>}
      </div>
    </div>
  );
}
