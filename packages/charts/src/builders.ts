import { axisStyle, themeBase, type ChartSpec, type ChartStyle } from './spec';

// Pure builders: plain data in, an ECharts option out. The browser draws them through
// apps/web/src/components/echart.tsx; the server renders the same option to SVG (ssr.ts).

export interface Series {
  name: string;
  data: number[];
  color?: string;
  /** Series with the same stack name are stacked. */
  stack?: string;
}

export interface BarChartInput extends ChartStyle {
  categories: string[];
  series: Series[];
  /** Bars grow to the right, categories down the side (long Chinese names read better). */
  horizontal?: boolean;
  /** Show each bar's value at its end. */
  labels?: boolean;
  /** Axis maximum, e.g. 100 for percentages. */
  max?: number;
  unit?: string;
}

export function barChart(input: BarChartInput): ChartSpec {
  const axes = axisStyle(input);
  const categoryAxis = { type: 'category', data: input.categories, ...axes, splitLine: { show: false } };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    ...(input.max === undefined ? {} : { max: input.max }),
    ...axes,
    axisLabel: { ...axes.axisLabel, formatter: input.unit ? `{value}${input.unit}` : '{value}' },
  };
  return {
    kinds: ['bar'],
    option: {
      ...themeBase(input),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: axes.axisLabel.color } } : undefined,
      grid: { left: 8, right: 24, top: input.series.length > 1 ? 32 : 12, bottom: 8 },
      xAxis: input.horizontal ? valueAxis : categoryAxis,
      yAxis: input.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: input.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.data,
        stack: s.stack,
        barMaxWidth: 28,
        itemStyle: s.color ? { color: s.color } : undefined,
        label: input.labels ? { show: true, position: input.horizontal ? 'right' : 'top' } : undefined,
      })),
    },
  };
}

export interface LineChartInput extends ChartStyle {
  categories: string[];
  series: Series[];
  max?: number;
  unit?: string;
}

export function lineChart(input: LineChartInput): ChartSpec {
  const axes = axisStyle(input);
  return {
    kinds: ['line'],
    option: {
      ...themeBase(input),
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: axes.axisLabel.color } },
      grid: { left: 8, right: 24, top: 32, bottom: 8 },
      xAxis: { type: 'category', data: input.categories, boundaryGap: false, ...axes, splitLine: { show: false } },
      yAxis: {
        type: 'value',
        ...(input.max === undefined ? {} : { max: input.max }),
        ...axes,
        axisLabel: { ...axes.axisLabel, formatter: input.unit ? `{value}${input.unit}` : '{value}' },
      },
      series: input.series.map((s) => ({
        type: 'line',
        name: s.name,
        data: s.data,
        smooth: false,
        symbolSize: 6,
        connectNulls: true,
        itemStyle: s.color ? { color: s.color } : undefined,
        lineStyle: s.color ? { color: s.color } : undefined,
      })),
    },
  };
}

export interface PieChartInput extends ChartStyle {
  items: { name: string; value: number; color?: string }[];
  /** A ring with this text in the middle (e.g. the total). */
  centre?: string;
}

export function pieChart(input: PieChartInput): ChartSpec {
  const base = themeBase(input);
  const textColor = (base.textStyle as { color: string }).color;
  return {
    kinds: ['pie'],
    option: {
      ...base,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0, textStyle: { color: textColor } },
      title: input.centre
        ? { text: input.centre, left: 'center', top: '38%', textStyle: { color: textColor, fontSize: 18 } }
        : undefined,
      series: [
        {
          type: 'pie',
          radius: input.centre ? ['45%', '68%'] : '68%',
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: { show: false },
          data: input.items.map((item) => ({
            name: item.name,
            value: item.value,
            itemStyle: item.color ? { color: item.color } : undefined,
          })),
        },
      ],
    },
  };
}
