import { BarChart, CustomChart, LineChart, PieChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { ChartKind } from './spec';

// The ECharts modules each chart kind needs. Importing echarts/core plus these (never the whole
// `echarts` package) keeps the browser bundle to what the project draws.
const common = [GridComponent, TooltipComponent, LegendComponent, TitleComponent, SVGRenderer, CanvasRenderer];
const byKind: Record<ChartKind, Parameters<typeof use>[0]> = {
  bar: [BarChart, MarkLineComponent],
  line: [LineChart, MarkLineComponent],
  pie: [PieChart],
  custom: [CustomChart, DataZoomComponent, MarkLineComponent, MarkPointComponent],
};

const registered = new Set<ChartKind>();
let commonRegistered = false;

/** Registers the modules for these kinds once (idempotent). */
export function registerKinds(kinds: readonly ChartKind[]): void {
  if (!commonRegistered) {
    use(common);
    commonRegistered = true;
  }
  for (const kind of kinds) {
    if (registered.has(kind)) continue;
    use(byKind[kind]);
    registered.add(kind);
  }
}
