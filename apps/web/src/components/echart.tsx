import type { ChartSpec } from '@reform/charts';
import { registerKinds } from '@reform/charts/register';
import { init, type ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';

// One ECharts chart. Import this module lazily (React.lazy) from pages that draw charts: it pulls
// echarts/core and only the modules of the kinds registered (packages/charts/src/register.ts),
// so the sign-in page and the lists never load ECharts.

export interface EChartProps {
  spec: ChartSpec;
  /** SVG (crisp, printable, light on memory) or canvas (many thousands of shapes). */
  renderer?: 'svg' | 'canvas';
  height: number | string;
  /** What the chart shows, for screen readers (the numbers are also on the page as links). */
  label: string;
  /** Called with the clicked item's data (e.g. to open the tasks behind a bar). */
  onItemClick?: (item: { name: string; seriesName?: string; dataIndex: number; value: unknown }) => void;
  testId?: string;
}

export function EChart({ spec, renderer = 'svg', height, label, onItemClick, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickHandler = useRef(onItemClick);
  const kinds = useRef(spec.kinds);
  useEffect(() => {
    clickHandler.current = onItemClick;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // The renderer is registered with the kinds, so it must be before init.
    registerKinds(kinds.current);
    const instance = init(element, null, { renderer });
    chart.current = instance;
    instance.on('click', (params) => {
      const p = params as { name: string; seriesName?: string; dataIndex: number; value: unknown };
      clickHandler.current?.({ name: p.name, seriesName: p.seriesName, dataIndex: p.dataIndex, value: p.value });
    });
    // Follow the container's size (layout changes, phone rotation, the big screen).
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [renderer]);

  useEffect(() => {
    registerKinds(spec.kinds);
    chart.current?.setOption(spec.option, { notMerge: true });
  }, [spec, renderer]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
    />
  );
}
