import type { EChartsCoreOption } from 'echarts/core';

/**
 * The chart kinds this project draws. Each names the ECharts modules it needs
 * (`register.ts`), so a page registers only what it draws and the rest is tree-shaken away.
 */
export type ChartKind = 'bar' | 'line' | 'pie' | 'custom';

/** A chart as plain data: the option object and the kinds it needs registered. */
export interface ChartSpec {
  kinds: ChartKind[];
  option: EChartsCoreOption;
}

export type ChartTheme = 'light' | 'dark';

export interface ChartStyle {
  theme?: ChartTheme;
  /** Off for server-side SVG (print) and tests; on in the browser. */
  animation?: boolean;
}

/** The light colours used everywhere a status light is drawn (same as the web's light dot). */
export const lightColors = {
  red: '#cf1322',
  yellow: '#d4a106',
  green: '#389e0d',
  grey: '#8c8c8c',
} as const;

/** A categorical palette that reads on white and on the big screen's dark background. */
export const palette = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#52c41a', '#2f54eb', '#a0d911'];

export function themeBase(style: ChartStyle = {}): EChartsCoreOption {
  const dark = style.theme === 'dark';
  return {
    animation: style.animation ?? true,
    backgroundColor: 'transparent',
    color: palette,
    textStyle: {
      color: dark ? '#e6edf7' : '#262626',
      fontFamily: '"Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    },
  };
}

export function axisStyle(style: ChartStyle = {}) {
  const dark = style.theme === 'dark';
  return {
    axisLine: { lineStyle: { color: dark ? '#5b6b86' : '#bfbfbf' } },
    axisLabel: { color: dark ? '#c9d3e3' : '#595959' },
    splitLine: { lineStyle: { color: dark ? '#25324a' : '#f0f0f0' } },
  };
}
