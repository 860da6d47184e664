import { TaskListEnum } from '@reform/contracts';
import { describe, expect, it } from 'vitest';
import type { ReportLists } from '../src/modules/quarterly-reports/load-report-lists.ts';
import { buildReportDocument, PROGRESS_DETAIL_LIMIT } from '../src/modules/quarterly-reports/report-content.ts';
import type { ReportBlock, ReportSection } from '../src/modules/quarterly-reports/report-document.ts';

// The per-task progress section (四) of the report's content, without a database: every task in full
// up to PROGRESS_DETAIL_LIMIT tasks; above it a per-unit summary of all and the most urgent in full.

type Task = ReportLists['tasks'][number];
const accepted = { status: 'accepted' as const, percent: 60, progress: '按计划推进', problems: '', nextSteps: '' };

function task(n: number, light: Task['light'], report: Task['report'], unit = `单位${n % 3}`): Task {
  const code = `ZD-2026-${String(n).padStart(5, '0')}`;
  return { id: n, code, title: `任务${n}`, list: 'mandate', group: '经济体制改革专项小组', leadUnit: unit, leadLeader: '', light, lightReason: '', deadline: `2026-12-${String((n % 28) + 1).padStart(2, '0')}`, report };
}

function progressOf(tasks: Task[]): ReportSection {
  const document = buildReportDocument({
    quarter: { year: 2026, quarter: 3 },
    scope: { scope: { kind: 'city' }, key: 'city', label: '全市', issuer: '市委改革办' },
    dateText: '2026年10月12日',
    internal: false,
    lists: { tasks, rectifications: [], cases: [] },
    figures: { summary: [], attention: [], ranking: [], charts: [] },
  });
  return document.sections.find((section) => section.heading === '四、各项任务季度进展')!;
}

const tables = (section: ReportSection) =>
  (section.subsections ?? []).flatMap((sub) => sub.blocks).filter((block): block is Extract<ReportBlock, { kind: 'table' }> => block.kind === 'table');

describe('the progress section', () => {
  it('prints every task in full up to the limit', () => {
    const tasks = Array.from({ length: 30 }, (_, n) => task(n, n % 2 ? 'green' : 'red', n % 5 ? accepted : null));
    const section = progressOf(tasks);
    expect(section.subsections!.map((sub) => sub.heading)).toEqual([`（一）${TaskListEnum.labels.mandate}`]);
    expect(tables(section).flatMap((table) => table.rows)).toHaveLength(30);
    expect(tables(section)[0]!.columns[0]!.title).toBe('编号');
  });

  it('above the limit sums every task up per unit and prints at most the limit in full, the red first', () => {
    const tasks = [
      ...Array.from({ length: PROGRESS_DETAIL_LIMIT + 50 }, (_, n) => task(n, 'red', accepted)),
      ...Array.from({ length: 20 }, (_, n) => task(5_000 + n, 'yellow', accepted)),
      ...Array.from({ length: 30 }, (_, n) => task(6_000 + n, 'green', null)),
      ...Array.from({ length: 100 }, (_, n) => task(7_000 + n, 'green', accepted)),
    ];
    const section = progressOf(tasks);
    const [summary, ...detail] = tables(section);
    expect(section.subsections![0]!.heading).toBe('（一）各牵头单位汇总');
    // Every task is in the summary, once.
    expect(summary!.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(tasks.length);
    expect(summary!.rows.reduce((sum, row) => sum + Number(row[7]), 0)).toBe(30);
    const listed = detail.flatMap((table) => table.rows);
    expect(listed).toHaveLength(PROGRESS_DETAIL_LIMIT);
    expect(new Set(listed.map((row) => row[0]))).toEqual(new Set(['红灯']));
    const text = section.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('');
    expect(text).toContain(`在推改革任务 ${tasks.length} 项，超过 ${PROGRESS_DETAIL_LIMIT} 项`);
    expect(text).toContain(`红灯任务 ${PROGRESS_DETAIL_LIMIT + 50} 项、黄灯任务 20 项和其余未报送季度报告的任务 30 项`);
    expect(text).toContain(`其余 100 项计入汇总表`);
    expect(text).toContain(`其余 100 项不是红灯、黄灯且已报送季度报告`);
  });
});
