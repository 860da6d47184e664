import type { TBattleMap } from '@reform/contracts';
import { describe, expect, it } from 'vitest';
import { battleMapChart, battleMapLines, battleMapOption, battleMapTaskIdOf } from '../src/battle-map';
import { renderSvg } from '../src/ssr';

const map: TBattleMap = {
  today: '2026-06-15',
  groupBy: 'list',
  groups: [
    { key: 'mandate', label: '重大改革任务', taskCount: 2 },
    { key: 'pilot', label: '改革试点', taskCount: 1 },
  ],
  rows: [
    {
      id: 11,
      code: 'ZD-2026-001',
      title: '深化营商环境<改革>',
      list: 'mandate',
      groupKey: 'mandate',
      start: '2026-01-01',
      deadline: '2026-12-31',
      baselineStart: '2026-01-01',
      baselineDeadline: '2026-10-31',
      light: 'red',
      lightReason: '节点“出台实施方案”逾期 12 天',
      milestones: [
        { name: '出台实施方案', dueDate: '2026-06-03', doneOn: null, state: 'late' },
        { name: '调研', dueDate: '2026-03-01', doneOn: '2026-02-20', state: 'done' },
        { name: '总结', dueDate: '2026-12-01', doneOn: null, state: 'due' },
      ],
    },
    {
      id: 12,
      code: 'ZD-2026-002',
      title: '数字政府',
      list: 'mandate',
      groupKey: 'mandate',
      start: '2026-03-01',
      deadline: '2027-03-31',
      baselineStart: null,
      baselineDeadline: null,
      light: 'green',
      lightReason: '按计划推进',
      milestones: [],
    },
    {
      id: 13,
      code: 'SD-2026-001',
      title: '城乡融合试验区',
      list: 'pilot',
      groupKey: 'pilot',
      start: '2025-09-01',
      deadline: '2027-08-31',
      baselineStart: '2025-09-01',
      baselineDeadline: '2027-08-31',
      light: 'yellow',
      lightReason: '节点“中期评估”7 天内到期',
      milestones: [{ name: '中期评估', dueDate: '2026-06-20', doneOn: null, state: 'due' }],
    },
  ],
};

type Series = { name: string; data: unknown[][]; markLine?: { data: { xAxis: number }[] } };

describe('battleMapOption', () => {
  it('lays each group’s heading above its tasks, in the map’s order', () => {
    expect(battleMapLines(map).map((line) => (line.kind === 'group' ? line.label : line.row.code))).toEqual([
      '重大改革任务',
      'ZD-2026-001',
      'ZD-2026-002',
      '改革试点',
      'SD-2026-001',
    ]);
  });

  it('draws a bar per task from start to deadline with its light and baseline, milestones by state, and today', () => {
    const option = battleMapOption(map, { rowsShown: 30, firstRow: 0, interactive: true });
    const series = option.series as Series[];
    const bars = series.find((s) => s.name === '任务')!;
    expect(bars.data).toEqual([
      [1, Date.parse('2026-01-01'), Date.parse('2026-12-31'), Date.parse('2026-01-01'), Date.parse('2026-10-31'), 0, 11],
      [2, Date.parse('2026-03-01'), Date.parse('2027-03-31'), 0, 0, 2, 12],
      [4, Date.parse('2025-09-01'), Date.parse('2027-08-31'), Date.parse('2025-09-01'), Date.parse('2027-08-31'), 1, 13],
    ]);
    expect(bars.markLine!.data).toEqual([{ xAxis: Date.parse('2026-06-15') }]);
    const marks = Object.fromEntries(series.filter((s) => s.name.startsWith('节点')).map((s) => [s.name, s.data.map((d) => d[3])]));
    expect(marks).toEqual({ 节点按期完成: ['调研'], 节点逾期: ['出台实施方案'], 节点待完成: ['总结', '中期评估'] });
    // The row slider scrolls through the rows, drawing only those in view.
    expect(option.dataZoom).toContainEqual(expect.objectContaining({ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: 29, filterMode: 'filter' }));
    expect((option.yAxis as { data: string[] }).data[1]).toContain('ZD-2026-001');
    expect(option.useUTC).toBe(true);
  });

  it('shows the light’s reason on hover, escaped, and tells which task a click opens', () => {
    const option = battleMapOption(map, { rowsShown: 30, firstRow: 0, interactive: true });
    const bars = (option.series as (Series & { tooltip: { formatter: (p: unknown) => string } })[]).find((s) => s.name === '任务')!;
    const text = bars.tooltip.formatter({ value: bars.data[0] });
    expect(text).toContain('节点“出台实施方案”逾期 12 天');
    expect(text).toContain('深化营商环境&lt;改革&gt;');
    expect(text).not.toContain('<改革>');
    expect(battleMapTaskIdOf({ seriesName: '任务', value: bars.data[2] })).toBe(13);
    expect(battleMapTaskIdOf({ seriesName: '节点逾期', value: [0, 1, 11, '出台实施方案'] })).toBe(11);
    expect(battleMapTaskIdOf({ seriesName: '分组', value: [0] })).toBeNull();
  });

  it('as a still picture keeps only the rows asked for, with no sliders or tooltips, and renders to SVG on the server', () => {
    const option = battleMapOption(map, { rowsShown: 2, firstRow: 3, interactive: false });
    expect((option.yAxis as { data: string[] }).data).toHaveLength(2);
    expect(option.dataZoom).toEqual([]);
    expect(option.tooltip).toBeUndefined();
    const svg = renderSvg(battleMapChart(map, { rowsShown: 40, firstRow: 0, interactive: false }), { width: 1200, height: 400 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('城乡融合试验区');
    expect(svg).toContain('今天 2026-06-15');
    expect(svg).not.toContain('<改革>');
  });
});
