import { describe, expect, it } from 'vitest';
import { barChart, lightColors, lineChart, pieChart } from '../src/index';
import { renderSvg } from '../src/ssr';

describe('chart builders', () => {
  it('builds a bar option from plain data and names the kinds it needs', () => {
    const spec = barChart({ categories: ['甲', '乙'], series: [{ name: '红灯', data: [2, 1], color: lightColors.red }] });
    expect(spec.kinds).toEqual(['bar']);
    expect(spec.option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: '红灯', data: [2, 1], itemStyle: { color: lightColors.red } }),
    ]);
  });

  it('renders the same option to SVG on the server, with Chinese text', () => {
    const svg = renderSvg(
      lineChart({ categories: ['2026Q1', '2026Q2'], series: [{ name: '完成率', data: [40, 55] }], animation: false }),
      { width: 400, height: 240 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('完成率');
  });

  it('renders a pie with its centre text', () => {
    const svg = renderSvg(pieChart({ items: [{ name: '红', value: 1 }, { name: '绿', value: 3 }], centre: '4 项' }), {
      width: 300,
      height: 300,
    });
    expect(svg).toContain('4 项');
  });

  it('uses light text on the dark theme', () => {
    const spec = barChart({ categories: ['甲'], series: [{ name: 'a', data: [1] }], theme: 'dark' });
    expect(spec.option.textStyle).toMatchObject({ color: '#e6edf7' });
  });
});
