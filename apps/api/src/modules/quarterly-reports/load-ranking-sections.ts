import { rankingGroupLabels, rankingGroups, type TRankingPart, type TRankingResponse } from '@reform/contracts';
import type { Quarter } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { getRanking } from '../rankings/get-ranking.ts';
import type { ReportBlock } from './report-document.ts';

/** Points as printed: as the ranking page shows them (whole, or two decimals). */
export const pointsText = (points: number) => (Number.isInteger(points) ? String(points) : points.toFixed(2));

/** A part's fact as the ranking page words it: 3/4，75.0% — or the count of overdue items. */
export const partFactText = (part: TRankingPart) =>
  part.indicator === 'overdueItems' ? `${part.counted} 项` : part.value === null ? '无应计事项' : `${part.met}/${part.counted}，${(part.value * 100).toFixed(1)}%`;

/** A rank's change against the previous ranking: ↑2, ↓1, — (new or unchanged as 0). */
const rankChangeText = (change: number | null) => (change === null ? '—' : change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '0');

/**
 * Whose ranking the report may print: the reform office sees the live draft before anything is
 * published (marked as such), everyone else the published version only, as on the ranking page.
 * Part of the cache key, so a leader never receives the office's draft.
 */
export const rankingAudienceOf = (ctx: UseCaseContext) => (ctx.user.role === 'admin' ? 'office' : 'public');

function rankingBlocks(ranking: TRankingResponse): ReportBlock[] {
  const status =
    ranking.status === 'draft'
      ? '（草稿：尚未发布，仅供改革办审阅）'
      : ranking.version === null
        ? ''
        : `（第 ${ranking.version} 版，${ranking.versions.find((v) => v.number === ranking.version)?.publishedAt.slice(0, 10) ?? ''} 发布）`;
  if (ranking.rows.length === 0) {
    return [{ kind: 'paragraph', text: `${rankingGroupLabels[ranking.group]}本季度排名尚未发布。` }];
  }
  const parts = ranking.rows[0]!.parts;
  return [
    {
      kind: 'paragraph',
      text: `统计期间 ${ranking.from} 至 ${ranking.asOf}${status}。总分由各项得分相加：${ranking.definitions.map((d) => `${d.label}（${d.definition}）`).join('；')}。${ranking.tieBreak}`,
    },
    {
      kind: 'table',
      columns: [
        { title: '名次', align: 'center', width: 0.7 },
        { title: '单位', width: 2 },
        { title: '总分', align: 'right', width: 1 },
        ...parts.map((part) => ({ title: part.label, align: 'right' as const, width: 1.2 })),
        { title: '名次变化', align: 'center', width: 0.9 },
      ],
      rows: ranking.rows.map((row) => [
        String(row.rank),
        row.unit.name,
        pointsText(row.score),
        ...row.parts.map((part) => `${pointsText(part.points)}\n${partFactText(part)}`),
        rankChangeText(row.change),
      ]),
      empty: '无',
    },
  ];
}

/**
 * The ranking tables (departments, counties) with each score's parts, from the rankings' own use
 * case (`getRanking`, which serves `GET /api/rankings`) for the same quarter.
 */
export async function loadRankingSections(ctx: UseCaseContext, quarter: Quarter) {
  const rankings: TRankingResponse[] = [];
  for (const group of rankingGroups) {
    const ranking = await getRanking(ctx, { year: quarter.year, quarter: quarter.quarter, group });
    rankings.push(rankingAudienceOf(ctx) === 'office' || ranking.status === 'published' ? ranking : { ...ranking, rows: [] });
  }
  const subsections = rankings.map((ranking, at) => ({
    heading: `（${'一二'[at]}）${rankingGroupLabels[ranking.group]}排名`,
    blocks: rankingBlocks(ranking),
  }));
  const completion = (ranking: TRankingResponse) =>
    ranking.rows.map((row) => {
      const value = row.parts.find((part) => part.indicator === 'completion')?.value ?? null;
      return { unit: row.unit.name, value: value === null ? null : Math.round(value * 1000) / 10 };
    });
  const chart: ReportBlock[] = rankings
    .filter((ranking) => ranking.rows.length > 0)
    .map((ranking) => {
      const rows = completion(ranking);
      return {
        kind: 'chart',
        title: `${rankingGroupLabels[ranking.group]}任务完成率（%，同排名“完成率”一项）`,
        chart: { name: 'bar', input: { categories: rows.map((r) => r.unit), series: [{ name: '完成率', data: rows.map((r) => r.value) }], horizontal: true, labels: true, max: 100, unit: '%' } },
        width: 640,
        height: 40 + rows.length * 24,
      };
    });
  return { subsections, progressCharts: chart, rankings };
}
