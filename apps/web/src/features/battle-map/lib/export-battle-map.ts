import { battleMapChart, battleMapHeight, battleMapLines } from '@reform/charts';
import { registerKinds } from '@reform/charts/register';
import type { TBattleMap } from '@reform/contracts';
import { init } from 'echarts/core';

/** Rows an exported picture holds at most: a canvas taller than ~32,000 px cannot be drawn. */
export const EXPORT_MAX_ROWS = 1_200;
export const ROW_HEIGHT = 22;
const WIDTH = 1_600;
const LABEL_WIDTH = 320;

export interface ExportedPicture {
  blob: Blob;
  fileName: string;
  rows: number;
  /** Rows left out (more than EXPORT_MAX_ROWS). */
  omitted: number;
}

/**
 * The whole map (every row, not just those in view) as a still picture: PNG from a canvas
 * chart drawn off screen, SVG from ECharts' string renderer, the same option the quarterly PDF uses.
 */
export function exportBattleMap(map: TBattleMap, format: 'png' | 'svg'): ExportedPicture {
  const total = battleMapLines(map).length;
  const rows = Math.min(total, EXPORT_MAX_ROWS);
  const spec = battleMapChart(map, { rowsShown: rows, firstRow: 0, interactive: false, labelWidth: LABEL_WIDTH });
  const height = battleMapHeight(rows, ROW_HEIGHT, false);
  registerKinds(spec.kinds);
  const fileName = `挂图作战-${map.today}.${format}`;
  if (format === 'svg') {
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
    try {
      chart.setOption(spec.option);
      return { blob: new Blob([chart.renderToSVGString()], { type: 'image/svg+xml' }), fileName, rows, omitted: total - rows };
    } finally {
      chart.dispose();
    }
  }
  const element = document.createElement('div');
  const chart = init(element, null, { renderer: 'canvas', width: WIDTH, height, devicePixelRatio: rows > 400 ? 1 : 2 });
  try {
    chart.setOption(spec.option);
    const url = chart.getDataURL({ type: 'png', backgroundColor: '#fff' });
    return { blob: dataUrlToBlob(url), fileName, rows, omitted: total - rows };
  } finally {
    chart.dispose();
  }
}

function dataUrlToBlob(url: string): Blob {
  const [head, data] = url.split(',') as [string, string];
  const type = /data:([^;]+)/.exec(head)?.[1] ?? 'image/png';
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

export function download({ blob, fileName }: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Pages of the printed map (A3 landscape), each an SVG of `rowsPerPage` rows with the group headings where they fall. */
export function printPages(map: TBattleMap, rowsPerPage: number, width: number): string[] {
  const total = battleMapLines(map).length;
  const pages: string[] = [];
  registerKinds(['custom']);
  for (let first = 0; first < total; first += rowsPerPage) {
    const spec = battleMapChart(map, { rowsShown: rowsPerPage, firstRow: first, interactive: false, labelWidth: LABEL_WIDTH });
    const rows = Math.min(rowsPerPage, total - first);
    const chart = init(null, null, { renderer: 'svg', ssr: true, width, height: battleMapHeight(rows, ROW_HEIGHT, false) });
    try {
      chart.setOption(spec.option);
      pages.push(chart.renderToSVGString());
    } finally {
      chart.dispose();
    }
  }
  return pages;
}
