import { TaskListEnum } from '@reform/contracts';
import { quarterLabel, type Quarter } from '@reform/domain';
import type { ReportBlock, ReportDocument, ReportSection } from './report-document.ts';
import type { ReportLists } from './load-report-lists.ts';
import type { ResolvedScope } from './report-request.ts';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const reportStatus = { draft: '草稿未报送', submitted: '已报送待审核', accepted: '已审核', returned: '已退回修改' } as const;
const promotion = { city: '市级', province: '省级', nation: '国家级' } as const;

/** The figure-bearing sections, made from the figures module (see load-report-document.ts). */
export interface FigureSections {
  summary: ReportBlock[];
  attention: ReportBlock[];
  ranking: ReportSection['subsections'];
  charts: ReportBlock[];
}

/** `2026年第三季度全市改革工作进展报告` */
export function reportTitle(quarter: Quarter, scope: Pick<ResolvedScope, 'label'>): string {
  return `${quarterLabel(quarter)}${scope.label}改革工作进展报告`;
}

/** The report's content, section by section (pure: facts and figures in, a document out). */
export function buildReportDocument(input: {
  quarter: Quarter;
  scope: ResolvedScope;
  dateText: string;
  internal: boolean;
  lists: ReportLists;
  figures: FigureSections;
}): ReportDocument {
  const { lists, figures } = input;
  const sections: Omit<ReportSection, 'heading'>[] = [];
  const headings: string[] = [];
  const add = (title: string, section: Omit<ReportSection, 'heading'>) => {
    headings.push(title);
    sections.push(section);
  };

  add('总体情况', { blocks: figures.summary });

  add('红灯、黄灯任务', { blocks: figures.attention });

  add('晾晒比拼', { blocks: [], subsections: figures.ranking });

  // Grouped by list (a subsection each), then by special group (a table each).
  const byList = new Map<string, Map<string, ReportLists['tasks']>>();
  for (const task of lists.tasks) {
    const groups = byList.get(task.list) ?? new Map<string, ReportLists['tasks']>();
    const group = task.group ?? '未归口专项小组';
    groups.set(group, [...(groups.get(group) ?? []), task]);
    byList.set(task.list, groups);
  }
  const progressRow = (t: ReportLists['tasks'][number]) => [
    t.code,
    t.title,
    t.leadUnit,
    t.report?.status === 'accepted' ? `${t.report.percent}%` : '—',
    t.report?.status === 'accepted'
      ? [t.report.progress, t.report.problems && `存在问题：${t.report.problems}`, t.report.nextSteps && `下步打算：${t.report.nextSteps}`].filter(Boolean).join('\n')
      : t.report
        ? `季度报告${reportStatus[t.report.status]}，暂无审核通过的进展。`
        : '本季度未报送季度报告。',
  ];
  add('各项任务季度进展', {
    blocks: [
      {
        kind: 'paragraph',
        text: lists.tasks.length
          ? '各项任务的进展摘自本季度审核通过的季度报告；未报送或尚未审核通过的，逐项注明。'
          : '本季度没有在推的改革任务。',
      },
    ],
    subsections: TaskListEnum.values
      .filter((list) => byList.has(list))
      .map((list, at) => ({
        heading: `（${numerals[at]}）${TaskListEnum.labels[list]}`,
        blocks: [...byList.get(list)!].flatMap(([group, tasks], index): ReportBlock[] => [
          { kind: 'minorHeading', text: `${index + 1}. ${group}` },
          {
            kind: 'table',
            columns: [{ title: '编号', width: 1.3 }, { title: '任务名称', width: 2 }, { title: '牵头单位', width: 1.3 }, { title: '完成', align: 'right', width: 0.7 }, { title: '本季度进展', width: 4 }],
            rows: tasks.map(progressRow),
            empty: '无',
          },
        ]),
      })),
  });

  const opened = lists.rectifications.filter((r) => r.opened);
  const closed = lists.rectifications.filter((r) => r.closed);
  add('督察整改', {
    blocks: [
      { kind: 'paragraph', text: `本季度新增整改事项 ${opened.length} 项，完成整改销号 ${closed.length} 项。` },
      {
        kind: 'table',
        columns: [{ title: '整改事项', width: 3 }, { title: '责任单位', width: 1.3 }, { title: '督察日期', width: 1.2 }, { title: '整改期限', width: 1.2 }, { title: '完成日期', width: 1.2 }],
        rows: lists.rectifications.map((r) => [r.description, r.owner, r.openedOn, r.deadline, r.closedOn ?? '未完成']),
        empty: '本季度没有新增或完成的整改事项。',
      },
    ],
  });

  add('典型案例', {
    blocks: lists.cases.length
      ? lists.cases.map((c) => ({
          kind: 'paragraph' as const,
          text: `${c.title}（${c.unit}${c.level ? `，${promotion[c.level]}推广` : ''}${c.promotedOn ? `，${c.promotedOn}` : ''}）${c.summary ? `：${c.summary}` : '。'}`,
        }))
      : [{ kind: 'paragraph', text: '本季度没有新增典型案例。' }],
  });

  add('图表', { blocks: figures.charts });

  return {
    title: reportTitle(input.quarter, input.scope),
    issuer: input.scope.issuer,
    dateText: input.dateText,
    internal: input.internal,
    sections: sections.map((section, at) => ({ ...section, heading: `${numerals[at]}、${headings[at]}` })),
  };
}
