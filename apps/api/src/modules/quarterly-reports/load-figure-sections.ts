import { LightEnum, type TDashboard, type TBattleMap, type TDashboardQuery, type TFigure, type TRankingResponse } from '@reform/contracts';
import type { Quarter } from '@reform/domain';
import { battleMapHeight } from '@reform/charts';
import { loadBattleMap } from '../battle-map/load-battle-map.ts';
import type { UseCaseContext } from '../context.ts';
import { getDashboard } from '../figures/get-dashboard.ts';
import { loadRankingSections } from './load-ranking-sections.ts';
import type { ReportBlock } from './report-document.ts';
import type { FigureSections } from './report-content.ts';
import type { ReportScope, ResolvedScope } from './report-request.ts';

/** The dashboard's filters for a report's scope: the report shows what the dashboard shows for the same choice. */
export function dashboardQueryOf(quarter: Quarter, scope: ReportScope): TDashboardQuery {
  const base = { year: quarter.year, quarter: quarter.quarter };
  if (scope.kind === 'county') return { ...base, countyId: scope.unitId };
  if (scope.kind === 'group') return { ...base, specialGroupId: scope.unitId };
  return base;
}

/** A figure as printed: a count whole, a rate with its one decimal and %, nothing due as —. */
export function figureText(figure: Pick<TFigure, 'kind'> & { value: number | null }): string {
  if (figure.value === null) return '—';
  return figure.kind === 'rate' ? `${figure.value.toFixed(1)}%` : String(figure.value);
}

/** The change against the previous quarter: +3, -1.5 (percentage points for a rate), — when either side is empty. */
export function changeText(figure: Pick<TFigure, 'kind' | 'change'>): string {
  if (figure.change === null) return '—';
  const value = figure.kind === 'rate' ? figure.change.toFixed(1) : String(figure.change);
  return figure.change > 0 ? `+${value}` : value;
}

function summaryBlocks(dashboard: TDashboard): ReportBlock[] {
  const byKey = new Map(dashboard.figures.map((figure) => [figure.key, figure]));
  const value = (key: TFigure['key']) => figureText(byKey.get(key)!);
  const listKeys = dashboard.byList[0]?.figures.map((figure) => figure.key) ?? [];
  return [
    {
      kind: 'paragraph',
      text:
        `${dashboard.period.label}（截至 ${dashboard.period.asOf}），在推改革任务 ${value('tasks')} 项，其中红灯 ${value('light_red')} 项、黄灯 ${value('light_yellow')} 项；` +
        `任务完成率 ${value('completion_rate')}，节点按时完成率 ${value('milestones_on_time_rate')}，季度报告按时报送率 ${value('reports_on_time_rate')}。` +
        `与${dashboard.previousPeriod.label}相比的变化见下表（比率的变化以百分点计）。`,
    },
    {
      kind: 'table',
      columns: [{ title: '清单', width: 1.6 }, ...listKeys.map((key) => ({ title: dashboard.byList[0]!.figures.find((f) => f.key === key)!.label, align: 'right' as const, width: 1 }))],
      rows: dashboard.byList.flatMap((row) => [
        [row.label, ...row.figures.map(figureText)],
        [`  较上季度`, ...row.figures.map(changeText)],
      ]),
      empty: '本范围没有改革任务。',
    },
    {
      kind: 'table',
      columns: [
        { title: '指标', width: 1.8 },
        { title: '本季度', align: 'right', width: 1 },
        { title: '上季度', align: 'right', width: 1 },
        { title: '变化', align: 'right', width: 1.1 },
        { title: '口径', width: 4.2 },
      ],
      rows: dashboard.figures.map((figure) => [
        figure.label,
        figureText(figure),
        figureText({ kind: figure.kind, value: figure.previous }),
        changeText(figure),
        figure.definition,
      ]),
      empty: '无',
    },
  ];
}

function attentionBlocks(dashboard: TDashboard): ReportBlock[] {
  const red = dashboard.figures.find((figure) => figure.key === 'light_red')!;
  const yellow = dashboard.figures.find((figure) => figure.key === 'light_yellow')!;
  // The dashboard lists at most its first hundred (red first, then by deadline); the text says so when it cuts.
  const flagged = (red.value ?? 0) + (yellow.value ?? 0);
  const listing =
    dashboard.attention.length < flagged
      ? `下表列出其中最紧迫的 ${dashboard.attention.length} 项（红灯在前，按期限先后，同看板“需关注任务”），列明牵头单位、领衔领导和原因；其余见第四部分和系统中的挂图作战。`
      : '逐项列明牵头单位、领衔领导和原因（同看板“需关注任务”）。';
  return [
    {
      kind: 'paragraph',
      text: `截至 ${dashboard.period.asOf}，共有红灯任务 ${figureText(red)} 项、黄灯任务 ${figureText(yellow)} 项，${listing}`,
    },
    {
      kind: 'table',
      columns: [{ title: '状态', width: 0.7 }, { title: '编号', width: 1.6 }, { title: '任务名称', width: 2.2 }, { title: '牵头单位', width: 1.3 }, { title: '领衔领导', width: 1.6 }, { title: '原因', width: 2.5 }],
      rows: dashboard.attention.map((task) => [
        task.light === 'red' ? '红灯' : '黄灯',
        task.code,
        task.title,
        task.leadUnit.name,
        task.leadLeader || '—',
        task.lightReason || LightEnum.labels[task.light],
      ]),
      empty: '本季度没有红灯、黄灯任务。',
    },
  ];
}

function chartBlocks(dashboard: TDashboard): ReportBlock[] {
  const blocks: ReportBlock[] = [
    {
      kind: 'chart',
      title: `近${dashboard.trend.length}个季度完成率、节点按时率、报告按时率走势（%）`,
      chart: {
        name: 'line',
        input: {
          categories: dashboard.trend.map((row) => row.label),
          series: [
            { name: '任务完成率', data: dashboard.trend.map((row) => row.completionRate) },
            { name: '节点按时完成率', data: dashboard.trend.map((row) => row.milestonesOnTimeRate) },
            { name: '报告按时报送率', data: dashboard.trend.map((row) => row.reportsOnTimeRate) },
          ],
          max: 100,
          unit: '%',
        },
      },
      width: 640,
      height: 300,
    },
  ];
  if (dashboard.unitsMostOverdue.length > 0) {
    const rows = dashboard.unitsMostOverdue;
    blocks.push({
      kind: 'chart',
      title: '逾期事项较多的单位（逾期节点、逾期任务、逾期整改）',
      chart: {
        name: 'bar',
        input: {
          categories: rows.map((row) => row.unit.name),
          horizontal: true,
          labels: true,
          series: [
            { name: '逾期节点', data: rows.map((row) => row.overdueMilestones), stack: 'overdue' },
            { name: '逾期任务', data: rows.map((row) => row.overdueTasks), stack: 'overdue' },
            { name: '逾期整改', data: rows.map((row) => row.overdueRectifications), stack: 'overdue' },
          ],
        },
      },
      width: 640,
      height: 40 + rows.length * 30,
    });
  }
  return blocks;
}

/** Tasks the battle-map extract shows at most (the red ones first, then the yellow). */
const BATTLE_MAP_ROWS = 30;

/** The battle map's extract: its red and yellow tasks, from the battle map's own loader and chart. */
async function battleMapExtract(ctx: UseCaseContext, scope: ReportScope): Promise<ReportBlock> {
  const map = await loadBattleMap(ctx, {
    groupBy: 'list',
    ...(scope.kind === 'county' ? { unitId: scope.unitId } : scope.kind === 'group' ? { specialGroupId: scope.unitId } : {}),
  });
  const flagged = map.rows.filter((row) => row.light === 'red' || row.light === 'yellow');
  const rows = [...flagged.filter((row) => row.light === 'red'), ...flagged.filter((row) => row.light === 'yellow')].slice(0, BATTLE_MAP_ROWS);
  const kept = new Set(rows.map((row) => row.id));
  const ordered = map.rows.filter((row) => kept.has(row.id));
  const groups = map.groups
    .map((group) => ({ ...group, taskCount: ordered.filter((row) => row.groupKey === group.key).length }))
    .filter((group) => group.taskCount > 0);
  const extract: TBattleMap = { ...map, groups, rows: ordered };
  const lines = groups.length + ordered.length;
  return {
    kind: 'chart',
    title: `挂图作战摘录：红灯、黄灯任务（${ordered.length} 项${flagged.length > ordered.length ? `，共 ${flagged.length} 项，余见第二部分` : ''}）`,
    chart: { name: 'battleMap', input: extract },
    width: 760,
    height: battleMapHeight(Math.max(lines, 1), 22, false),
  };
}

/**
 * The summary and chart sections, from the dashboard's own use case (`getDashboard`, which serves
 * `GET /api/dashboard`) for the same quarter and scope: the report prints the dashboard's numbers,
 * never numbers of its own.
 */
export async function loadFigureSections(ctx: UseCaseContext, quarter: Quarter, scope: ResolvedScope): Promise<FigureSections & { dashboard: TDashboard; rankings: TRankingResponse[] }> {
  const dashboard = await getDashboard(ctx, dashboardQueryOf(quarter, scope.scope));
  const ranking = await loadRankingSections(ctx, quarter);
  const charts = chartBlocks(dashboard);
  charts.splice(1, 0, ...ranking.progressCharts);
  charts.unshift(await battleMapExtract(ctx, scope.scope));
  return {
    summary: summaryBlocks(dashboard),
    attention: attentionBlocks(dashboard),
    ranking: ranking.subsections,
    charts: charts.map((chart, at) => (chart.kind === 'chart' ? { ...chart, title: `图${at + 1} ${chart.title.replace(/^图\d+ /, '')}` } : chart)),
    dashboard,
    rankings: ranking.rankings,
  };
}
