import type { TBattleMap } from '@reform/contracts';
import { useMemo } from 'react';
import { printPages } from '../lib/export-battle-map';

/** A3 landscape at 96 dpi, less the page margins: 400 × 277 mm. */
const PAGE_WIDTH = 1_500;
const ROWS_PER_PAGE = 42;

/**
 * The printed map: every row (not just those in view), cut into A3 landscape pages, each page an
 * SVG drawn by the same option as the screen (and the quarterly PDF). Shown only in print.
 */
export function BattleMapPrint({ map, title }: { map: TBattleMap; title: string }) {
  const pages = useMemo(() => printPages(map, ROWS_PER_PAGE, PAGE_WIDTH), [map]);
  return (
    <div className="battle-map-print" data-testid="battle-map-print">
      {pages.map((svg, index) => (
        <section key={index} className="battle-map-print-page">
          <header>
            <strong>{title}</strong>
            <span>
              {map.today} · 共 {map.rows.length} 项任务 · 第 {index + 1}/{pages.length} 页
            </span>
          </header>
          {/* ECharts writes the SVG and escapes every text in it. */}
          <div dangerouslySetInnerHTML={{ __html: svg }} />
        </section>
      ))}
    </div>
  );
}
