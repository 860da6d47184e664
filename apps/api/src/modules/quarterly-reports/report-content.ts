import { TaskListEnum } from '@reform/contracts';
import { quarterLabel, type Quarter } from '@reform/domain';
import type { ReportBlock, ReportDocument, ReportSection, ReportTableColumn } from './report-document.ts';
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

/**
 * Above this many tasks in scope the per-task progress section sums up every task per lead unit and
 * prints in full only the tasks that need attention (red, then yellow, then those with no report
 * submitted; at most this many, the most urgent first): a 30,000-task city's section would otherwise
 * run to thousands of pages, and beyond the worker's memory.
 */
export const PROGRESS_DETAIL_LIMIT = 1_000;

type ReportTask = ReportLists['tasks'][number];

/** The progress tables' columns (the code wide enough for a five-digit number); with the light first in the condensed section. */
const progressColumns = (withLight: boolean): ReportTableColumn[] => [
  ...(withLight ? [{ title: '状态', width: 0.7 }] : []),
  { title: '编号', width: 1.6 },
  { title: '任务名称', width: 2 },
  { title: '牵头单位', width: 1.3 },
  { title: '完成', align: 'right', width: 0.7 },
  { title: '本季度进展', width: withLight ? 3 : 3.7 },
];

function progressRow(t: ReportTask): string[] {
  return [
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
}

/** No report for the quarter, or only a draft never submitted. */
const reportMissing = (t: ReportTask) => !t.report || t.report.status === 'draft';
/** How urgent a task is for the condensed section (lower first); null: it does not need attention. */
const urgency = (t: ReportTask) => (t.light === 'red' ? 0 : t.light === 'yellow' ? 1 : reportMissing(t) ? 2 : null);
const lightText = { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '灰灯' } as const;

/** Tasks grouped by list (a subsection each), then by special group (a table each). */
function progressByList(tasks: ReportTask[], firstNumeral: number, withLight = false): NonNullable<ReportSection['subsections']> {
  const columns = progressColumns(withLight);
  const row = withLight ? (t: ReportTask) => [lightText[t.light], ...progressRow(t)] : progressRow;
  const byList = new Map<string, Map<string, ReportTask[]>>();
  for (const task of tasks) {
    const groups = byList.get(task.list) ?? new Map<string, ReportTask[]>();
    const group = task.group ?? '未归口专项小组';
    groups.set(group, [...(groups.get(group) ?? []), task]);
    byList.set(task.list, groups);
  }
  return TaskListEnum.values
    .filter((list) => byList.has(list))
    .map((list, at) => ({
      heading: `（${numerals[firstNumeral + at]}）${TaskListEnum.labels[list]}`,
      blocks: [...byList.get(list)!].flatMap(([group, groupTasks], index): ReportBlock[] => [
        { kind: 'minorHeading', text: `${index + 1}. ${group}` },
        { kind: 'table', columns, rows: groupTasks.map(row), empty: '无' },
      ]),
    }));
}

/** Every task in scope summed up per lead unit: counts, lights, reports by state, the accepted reports' average percent. */
function unitSummaryTable(tasks: ReportTask[]): ReportBlock {
  const units = new Map<string, ReportTask[]>();
  for (const task of tasks) units.set(task.leadUnit, [...(units.get(task.leadUnit) ?? []), task]);
  const count = (of: ReportTask[], test: (t: ReportTask) => boolean) => String(of.filter(test).length);
  return {
    kind: 'table',
    // Every column but the unit's is a count (or the average percent), set right.
    columns: [{ title: '牵头单位', width: 2 }, ...(
      [['在推任务', 0.9], ['红灯', 0.7], ['黄灯', 0.7], ['报告已审核', 1], ['平均完成', 0.9], ['待审核或退回', 1.3], ['未报送', 0.8]] as const
    ).map(([title, width]): ReportTableColumn => ({ title, align: 'right', width }))],
    rows: [...units]
      .sort(([a], [b]) => a.localeCompare(b, 'zh-Hans-CN'))
      .map(([unit, of]) => {
        const accepted = of.filter((t) => t.report?.status === 'accepted');
        const average = accepted.length ? `${Math.round(accepted.reduce((sum, t) => sum + t.report!.percent, 0) / accepted.length)}%` : '—';
        return [
          unit,
          String(of.length),
          count(of, (t) => t.light === 'red'),
          count(of, (t) => t.light === 'yellow'),
          String(accepted.length),
          average,
          count(of, (t) => t.report?.status === 'submitted' || t.report?.status === 'returned'),
          count(of, reportMissing),
        ];
      }),
    empty: '无',
  };
}

/** 四、各项任务季度进展: every task in full, or above PROGRESS_DETAIL_LIMIT the tasks needing attention in full and the rest per unit. */
function progressSection(tasks: ReportTask[]): Omit<ReportSection, 'heading'> {
  if (tasks.length <= PROGRESS_DETAIL_LIMIT) {
    return {
      blocks: [
        {
          kind: 'paragraph',
          text: tasks.length ? '各项任务的进展摘自本季度审核通过的季度报告；未报送或尚未审核通过的，逐项注明。' : '本季度没有在推的改革任务。',
        },
      ],
      subsections: progressByList(tasks, 0),
    };
  }
  const flagged = tasks.filter((t) => urgency(t) !== null);
  const kept = new Set(
    flagged
      .sort((a, b) => urgency(a)! - urgency(b)! || a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code))
      .slice(0, PROGRESS_DETAIL_LIMIT),
  );
  const listed = tasks.filter((t) => kept.has(t));
  const red = tasks.filter((t) => t.light === 'red').length;
  const yellow = tasks.filter((t) => t.light === 'yellow').length;
  const missing = tasks.filter((t) => urgency(t) === 2).length;
  const cut = flagged.length - listed.length;
  return {
    blocks: [
      {
        kind: 'paragraph',
        text:
          `本报告范围内在推改革任务 ${tasks.length} 项，超过 ${PROGRESS_DETAIL_LIMIT} 项，为便于阅读，本部分不逐项列出全部任务：` +
          `（一）按牵头单位汇总全部任务的任务数、红灯黄灯数、季度报告审核情况、平均完成比例（本季度审核通过的季度报告）和未报送数；` +
          `其后逐项列出需要关注的任务，即红灯任务 ${red} 项、黄灯任务 ${yellow} 项和其余未报送季度报告的任务 ${missing} 项` +
          (cut > 0 ? `，共 ${flagged.length} 项，按红灯、黄灯、未报送和期限先后列出最紧迫的 ${listed.length} 项，其余 ${cut} 项计入汇总表` : '') +
          `；其余 ${tasks.length - flagged.length} 项不是红灯、黄灯且已报送季度报告，只计入汇总表。逐项进展可在系统中查阅，或按县（市、区）、专项小组分别导出报告。`,
      },
    ],
    subsections: [{ heading: '（一）各牵头单位汇总', blocks: [unitSummaryTable(tasks)] }, ...progressByList(listed, 1, true)],
  };
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

  add('各项任务季度进展', progressSection(lists.tasks));

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
