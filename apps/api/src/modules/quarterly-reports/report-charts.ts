import { barChart, battleMapChart, battleMapLines, lineChart, pieChart, type ChartSpec } from '@reform/charts';
import type { TBattleMap } from '@reform/contracts';
import { renderSvg } from '@reform/charts/ssr';
import { Resvg } from '@resvg/resvg-js';
import type { ReportChart } from './report-document.ts';
import { reportFonts } from './report-fonts.ts';

/**
 * The charts a report may name: the dashboard's own option builders (`@reform/charts`), so a chart
 * in the report is the dashboard's chart. The input crosses to the worker as plain data and the
 * option is built there (an option may hold functions, which cannot cross threads).
 */
const builders: Record<string, (input: never) => ChartSpec> = {
  bar: barChart,
  line: lineChart,
  pie: pieChart,
  // The battle map's still picture: every row of the (already cut) map, no sliders.
  battleMap: (map: TBattleMap) => battleMapChart(map, { rowsShown: battleMapLines(map).length, firstRow: 0, interactive: false }),
};

/**
 * Draws a chart to SVG on the server (ECharts server-side rendering, no animation), in the report's
 * font. Label halos (`paint-order="stroke"`) lose their outline: the SVG-to-PDF step ignores paint
 * order, so the white outline would be drawn over the label.
 */
export function chartSvg(chart: ReportChart, width: number, height: number): string {
  const build = builders[chart.name];
  if (!build) throw new Error(`unknown report chart ${chart.name}`);
  const spec = build({ ...(chart.input as object), animation: false } as never);
  // One font, unquoted: the dashboard's CSS font list carries quotes the SVG attribute cannot hold.
  const textStyle = { ...(spec.option.textStyle as object), fontFamily: reportFonts.family };
  return withoutHalos(renderSvg({ ...spec, option: { ...spec.option, textStyle } }, { width, height }));
}

function withoutHalos(svg: string): string {
  return svg.replace(/<text([^>]*)paint-order="stroke"([^>]*)>/g, (_whole, before: string, after: string) => {
    const attributes = `${before}${after}`.replace(/\s(stroke|stroke-width|stroke-linejoin)="[^"]*"/g, '');
    return `<text${attributes}>`;
  });
}

/** The chart as a PNG (for the .docx and the web previews), drawn by resvg with the report's font. */
export function chartPng(chart: ReportChart, width: number, height: number, scale = 2): Buffer {
  const picture = new Resvg(chartSvg(chart, width, height), {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: [reportFonts.regular, reportFonts.bold], loadSystemFonts: false, defaultFontFamily: reportFonts.family },
  });
  return picture.render().asPng();
}
