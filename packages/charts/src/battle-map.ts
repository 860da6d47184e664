import { LightEnum, MilestoneStateEnum, type Light, type TBattleMap, type TBattleMapRow, type TMilestoneState } from '@reform/contracts';
import type { CustomSeriesRenderItem, CustomSeriesRenderItemReturn } from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { lightColors, type ChartSpec } from './spec';

const battleMapLightColors: Record<Light, string> = lightColors;

/** Milestone marks: colour and shape differ, so the map reads without colour too. */
export const milestoneMarks: Record<TMilestoneState, { color: string; symbol: 'circle' | 'diamond' | 'triangle' }> = {
  done: { color: '#389e0d', symbol: 'circle' },
  late: { color: '#cf1322', symbol: 'diamond' },
  due: { color: '#1677ff', symbol: 'triangle' },
};

/** A milestone's mark, drawn by a custom series (no scatter module to load): its shape tells its state. */
function markShape(symbol: 'circle' | 'diamond' | 'triangle', x: number, y: number, r: number): CustomSeriesRenderItemReturn {
  if (symbol === 'circle') return { type: 'circle', shape: { cx: x, cy: y, r: r * 0.85 } } as CustomSeriesRenderItemReturn;
  const points =
    symbol === 'diamond'
      ? [[x, y - r], [x + r, y], [x, y + r], [x - r, y]]
      : [[x, y - r], [x + r, y + r * 0.8], [x - r, y + r * 0.8]];
  return { type: 'polygon', shape: { points } } as CustomSeriesRenderItemReturn;
}

function renderMark(state: TMilestoneState): CustomSeriesRenderItem {
  return (params, api) => {
    const [x, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
    const sys = params.coordSys as unknown as { x: number; width: number };
    if (x < sys.x - 1 || x > sys.x + sys.width + 1) return null as never;
    const shape = markShape(milestoneMarks[state].symbol, x, y, 5);
    return { ...shape, style: { fill: milestoneMarks[state].color, stroke: '#fff', lineWidth: 1 } } as CustomSeriesRenderItemReturn;
  };
}

const TASK_SERIES = '任务';

export const BASELINE_COLOR = '#595959';
export const TODAY_COLOR = '#fa541c';

export interface BattleMapOptionSettings {
  /** Rows (tasks and group headings) in view at once; the vertical slider scrolls through the rest. */
  rowsShown: number;
  /** The first row in view (0 = the first group's heading). */
  firstRow: number;
  /** false: a still picture (the quarterly PDF's extract, drawn as SVG on the server): only the rows in view, no sliders, no tooltip, no animation. */
  interactive: boolean;
  /** Width of the row labels in pixels (a phone gives less). */
  labelWidth?: number;
}

/** One row of the chart: a group's heading or a task. */
export type BattleMapLine = { kind: 'group'; key: string; label: string; taskCount: number } | { kind: 'task'; row: TBattleMapRow };

/** The rows in order: each group's heading followed by its tasks (the map's rows come in group order). */
export function battleMapLines(map: TBattleMap): BattleMapLine[] {
  const byGroup = new Map<string, TBattleMapRow[]>();
  for (const row of map.rows) {
    const rows = byGroup.get(row.groupKey);
    if (rows) rows.push(row);
    else byGroup.set(row.groupKey, [row]);
  }
  return map.groups.flatMap((group) => [
    { kind: 'group' as const, key: group.key, label: group.label, taskCount: group.taskCount },
    ...(byGroup.get(group.key) ?? []).map((row) => ({ kind: 'task' as const, row })),
  ]);
}

/** A calendar day as the time axis's value: its midnight in UTC, with the chart set to `useUTC`, so browser and server label alike. */
const day = (isoDate: string): number => Date.parse(isoDate);

const lightIndex = (light: Light) => LightEnum.values.indexOf(light);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function lineLabel(line: BattleMapLine, maxChars: number): string {
  if (line.kind === 'group') return `{group|${shorten(line.label, maxChars - 4)}（${line.taskCount}）}`;
  // One plain token: the browser draws “” full width where ECharts measures them narrow, and
  // tokens of a rich label laid side by side would then overlap.
  return `${line.row.code} ${shorten(line.row.title, Math.max(4, maxChars - line.row.code.length / 2 - 1))}`;
}

// Dimensions of the bar series' data: line, start, deadline, baseline start, baseline deadline, light, task id.
const BAR = { line: 0, start: 1, end: 2, baseStart: 3, baseEnd: 4, light: 5, taskId: 6 } as const;

const renderBar: CustomSeriesRenderItem = (params, api) => {
  const line = api.value(BAR.line) as number;
  const band = (api.size?.([0, 1]) as number[])[1]!;
  const [x0, y] = api.coord([api.value(BAR.start), line]) as [number, number];
  const [x1] = api.coord([api.value(BAR.end), line]) as [number, number];
  const color = battleMapLightColors[LightEnum.values[api.value(BAR.light) as number]!];
  const barHeight = Math.max(4, band * 0.42);
  const children: CustomSeriesRenderItemReturn[] = [];
  const clip = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
  const rect = (x: number, yTop: number, width: number, height: number) => {
    const left = Math.max(x, clip.x);
    const right = Math.min(x + width, clip.x + clip.width);
    return right > left ? { x: left, y: yTop, width: right - left, height } : null;
  };
  const main = rect(x0, y - barHeight * 0.75, Math.max(2, x1 - x0), barHeight);
  if (main) children.push({ type: 'rect', shape: { ...main, r: 2 }, style: { fill: color } } as CustomSeriesRenderItemReturn);
  const baseStart = api.value(BAR.baseStart) as number;
  if (baseStart > 0) {
    const [b0] = api.coord([baseStart, line]) as [number, number];
    const [b1] = api.coord([api.value(BAR.baseEnd), line]) as [number, number];
    const baseline = rect(b0, y + barHeight * 0.4, Math.max(2, b1 - b0), Math.max(2, band * 0.1));
    if (baseline) children.push({ type: 'rect', shape: baseline, style: { fill: BASELINE_COLOR } } as CustomSeriesRenderItemReturn);
  }
  return { type: 'group', children } as CustomSeriesRenderItemReturn;
};

const renderNothing: CustomSeriesRenderItem = () => null as never;

// Dimensions of the group headings' data: line.
const renderHeading: CustomSeriesRenderItem = (params, api) => {
  const line = api.value(0) as number;
  const band = (api.size?.([0, 1]) as number[])[1]!;
  const [, y] = api.coord([0, line]) as [number, number];
  const sys = params.coordSys as unknown as { x: number; width: number };
  return { type: 'rect', shape: { x: sys.x, y: y - band / 2, width: sys.width, height: band }, style: { fill: '#f0f5ff' }, silent: true } as CustomSeriesRenderItemReturn;
};

/**
 * The battle map (挂图作战) as an ECharts option: a Gantt of every task, a bar from start to
 * deadline coloured by the task's light, the frozen baseline as a thin grey bar beneath it,
 * milestones marked done / late / due, today as a vertical line, groups as headed rows.
 * Pure: no DOM; the web app draws it in the browser, the quarterly PDF as SVG on the server.
 * Interactive, only the rows in view are drawn (`filterMode: 'filter'` on the row slider), so
 * 2,000 tasks scroll as lightly as 30.
 */
export function battleMapOption(map: TBattleMap, settings: BattleMapOptionSettings): EChartsCoreOption {
  const allLines = battleMapLines(map);
  const { interactive } = settings;
  const rowsShown = Math.max(1, settings.rowsShown);
  const firstRow = Math.min(Math.max(0, settings.firstRow), Math.max(0, allLines.length - 1));
  // A still picture draws its rows only; an interactive chart keeps them all and scrolls.
  const lines = interactive ? allLines : allLines.slice(firstRow, firstRow + rowsShown);
  const labelWidth = settings.labelWidth ?? 260;
  const maxChars = Math.max(6, Math.floor(labelWidth / 12));

  const dates = [map.today, ...map.rows.flatMap((r) => [r.start, r.deadline, r.baselineDeadline ?? r.deadline])];
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const last = dates.reduce((a, b) => (a > b ? a : b));

  const bars: number[][] = [];
  const headings: number[][] = [];
  const marks: Record<TMilestoneState, (number | string)[][]> = { done: [], late: [], due: [] };
  lines.forEach((line, index) => {
    if (line.kind === 'group') {
      headings.push([index]);
      return;
    }
    const { row } = line;
    bars.push([
      index,
      day(row.start),
      day(row.deadline),
      row.baselineStart ? day(row.baselineStart) : 0,
      row.baselineDeadline ? day(row.baselineDeadline) : 0,
      lightIndex(row.light),
      row.id,
    ]);
    for (const m of row.milestones) marks[m.state].push([day(m.dueDate), index, row.id, m.name, m.dueDate, m.doneOn ?? '']);
  });

  const categories = lines.map((line) => lineLabel(line, maxChars));
  const rowsByIndex = lines;

  const milestoneSeries = MilestoneStateEnum.values.map((state) => ({
    type: 'custom' as const,
    name: `节点${MilestoneStateEnum.labels[state]}`,
    renderItem: renderMark(state),
    data: marks[state],
    encode: { x: 0, y: 1 },
    itemStyle: { color: milestoneMarks[state].color },
    legendIcon: milestoneMarks[state].symbol,
    z: 4,
    tooltip: interactive
      ? {
          formatter: (p: { value: (number | string)[] }) => {
            const [, line, , name, dueDate, doneOn] = p.value as [number, number, number, string, string, string];
            const task = rowsByIndex[line];
            const title = task?.kind === 'task' ? `${task.row.code} ${task.row.title}` : '';
            return [
              `<b>${escapeHtml(String(name))}</b>`,
              escapeHtml(title),
              `计划：${dueDate}${doneOn ? `，完成：${doneOn}` : ''}`,
              `状态：${MilestoneStateEnum.labels[state]}`,
            ].join('<br/>');
          },
        }
      : undefined,
  }));

  return {
    animation: false,
    useUTC: true,
    textStyle: { fontFamily: 'sans-serif' },
    // On screen the page shows its own legend; a still picture carries one.
    legend: interactive
      ? { show: false }
      : {
          top: 0,
          left: 0,
          itemWidth: 14,
          itemHeight: 10,
          selectedMode: false,
          data: [
            ...LightEnum.values.map((light) => ({ name: LightEnum.labels[light], icon: 'roundRect' })),
            { name: '基线', icon: 'rect' },
            ...MilestoneStateEnum.values.map((state) => ({ name: `节点${MilestoneStateEnum.labels[state]}`, icon: milestoneMarks[state].symbol })),
          ],
        },
    tooltip: interactive ? { trigger: 'item', confine: true, enterable: false } : undefined,
    grid: { left: labelWidth, right: interactive ? 40 : 16, top: interactive ? 28 : 52, bottom: interactive ? 64 : 24 },
    xAxis: {
      type: 'time',
      position: 'top',
      min: day(first),
      max: day(last),
      splitLine: { show: true, lineStyle: { color: '#f0f0f0' } },
      axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}年', month: '{M}月', day: '{M}/{d}' } as never },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisTick: { show: false },
      axisLabel: {
        fontSize: 12,
        color: '#434343',
        rich: { group: { fontWeight: 'bold', color: '#1d39c4' } },
      },
    },
    dataZoom: interactive
      ? [
          {
            type: 'slider',
            yAxisIndex: 0,
            right: 8,
            width: 16,
            startValue: firstRow,
            endValue: firstRow + rowsShown - 1,
            minValueSpan: 5,
            zoomLock: false,
            showDetail: false,
            brushSelect: false,
            filterMode: 'filter',
          },
          { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true, moveOnMouseMove: false, filterMode: 'filter' },
          { type: 'slider', xAxisIndex: 0, bottom: 12, height: 20, filterMode: 'weakFilter', labelFormatter: '' },
          { type: 'inside', xAxisIndex: 0, zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false, filterMode: 'weakFilter' },
        ]
      : [],
    series: [
      {
        type: 'custom',
        name: '分组',
        renderItem: renderHeading,
        data: headings,
        encode: { y: 0 },
        silent: true,
        z: 1,
        tooltip: { show: false },
      },
      {
        type: 'custom',
        name: TASK_SERIES,
        renderItem: renderBar,
        data: bars,
        encode: { x: [BAR.start, BAR.end], y: BAR.line },
        z: 3,
        tooltip: interactive
          ? {
              formatter: (p: { value: number[] }) => {
                const task = rowsByIndex[p.value[BAR.line]!];
                if (task?.kind !== 'task') return '';
                const { row } = task;
                const baseline = row.baselineDeadline ? `<br/>基线：${row.baselineStart} 至 ${row.baselineDeadline}` : '<br/>基线：未批准';
                return (
                  `<b>${escapeHtml(row.code)} ${escapeHtml(row.title)}</b><br/>` +
                  `<span style="color:${battleMapLightColors[row.light]}">●</span> ${LightEnum.labels[row.light]}：${escapeHtml(row.lightReason)}<br/>` +
                  `计划：${row.start} 至 ${row.deadline}${baseline}<br/>点击打开任务`
                );
              },
            }
          : undefined,
        markLine: {
          silent: true,
          symbol: 'none',
          label: { formatter: `今天 ${map.today}`, position: 'end', color: TODAY_COLOR, fontSize: 11 },
          lineStyle: { color: TODAY_COLOR, type: 'solid', width: 1.5 },
          data: [{ xAxis: day(map.today) }],
        },
      },
      ...milestoneSeries,
      // Empty series that name the bars' colours in a still picture's legend.
      ...(interactive
        ? []
        : [
            ...LightEnum.values.map((light) => ({ type: 'custom' as const, name: LightEnum.labels[light], data: [], renderItem: renderNothing, itemStyle: { color: battleMapLightColors[light] } })),
            { type: 'custom' as const, name: '基线', data: [], renderItem: renderNothing, itemStyle: { color: BASELINE_COLOR } },
          ]),
    ],
  };
}

/** The battle map as a chart spec for the web's EChart component and the server's SVG renderer. */
export function battleMapChart(map: TBattleMap, settings: BattleMapOptionSettings): ChartSpec {
  return { kinds: ['custom'], option: battleMapOption(map, settings) };
}

/** Height in pixels that shows `rows` rows at `rowHeight` each, with the axis, legend and slider around them. */
export function battleMapHeight(rows: number, rowHeight = 24, interactive = true): number {
  return (interactive ? 28 + 64 : 52 + 24) + rows * rowHeight;
}

/** The task a chart element stands for (bar or milestone), for the click that opens it; null for anything else. */
export function battleMapTaskIdOf(event: { seriesName?: string; value?: unknown }): number | null {
  if (!Array.isArray(event.value) || !event.seriesName || event.seriesName === '分组') return null;
  const id = event.seriesName === TASK_SERIES ? event.value[BAR.taskId] : event.value[2];
  return typeof id === 'number' ? id : null;
}
