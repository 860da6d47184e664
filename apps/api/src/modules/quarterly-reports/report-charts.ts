import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ReportChart } from './report-document.ts';
import { reportFonts } from './report-fonts.ts';

type Builder = (input: never) => echarts.EChartsCoreOption;

/** The chart builders a report may name, by name. */
const builders: Record<string, Builder> = {};

export function registerReportChart<I>(name: string, build: (input: I) => echarts.EChartsCoreOption): void {
  builders[name] = build as Builder;
}

/**
 * Draws a chart to SVG on the server (ECharts server-side rendering, no animation), in the report's
 * font. Label halos (`paint-order="stroke"`) are dropped: the SVG-to-PDF step ignores paint order,
 * so the white outline would hide the label.
 */
export function chartSvg(chart: ReportChart, width: number, height: number): string {
  const build = builders[chart.name];
  if (!build) throw new Error(`unknown report chart ${chart.name}`);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const option = build(chart.input as never);
    instance.setOption({ ...option, animation: false, textStyle: { fontFamily: reportFonts.family } });
    return withoutHalos(instance.renderToSVGString());
  } finally {
    instance.dispose();
  }
}

function withoutHalos(svg: string): string {
  return svg.replace(/<text([^>]*)paint-order="stroke"([^>]*)>/g, (_whole, before: string, after: string) => {
    const attributes = `${before}${after}`.replace(/\s(stroke|stroke-width|stroke-linejoin)="[^"]*"/g, '');
    return `<text${attributes}>`;
  });
}

/** The chart as a PNG (for the .docx and the web previews), drawn by resvg with the report's font. */
export function chartPng(chart: ReportChart, width: number, height: number, scale = 2): Buffer {
  const svg = chartSvg(chart, width, height);
  const picture = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: [reportFonts.regular, reportFonts.bold], loadSystemFonts: false, defaultFontFamily: reportFonts.family },
  });
  return picture.render().asPng();
}
