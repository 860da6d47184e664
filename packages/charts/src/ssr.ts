import { init } from 'echarts/core';
import { registerKinds } from './register';
import type { ChartSpec } from './spec';

/**
 * Renders a chart to an SVG string on the server (no DOM), e.g. for the quarterly PDF.
 * Animation is turned off so the SVG shows the final frame.
 */
export function renderSvg(spec: ChartSpec, size: { width: number; height: number }): string {
  registerKinds(spec.kinds);
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...spec.option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
