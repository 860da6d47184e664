import { rankingGroupLabels, type TRankingQuery } from '@reform/contracts';
import { quarterLabel, type Quarter } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { addTable, createWorkbook, workbookFile, type Cell } from '../workbook.ts';
import { getRanking } from './get-ranking.ts';

const overrideLabels = { exclude: '申诉采纳：剔除', correct: '申诉采纳：更正' } as const;

/**
 * 晾晒比拼导出: the same ranking `GET /api/rankings` answers for the same query and user (one call
 * to getRanking: a unit gets the published version, its own facts only), as sheets — the table with
 * each indicator's value and points, the facts behind the points, and the formula in words.
 */
export async function exportRanking(ctx: UseCaseContext, query: TRankingQuery): Promise<{ filename: string; buffer: Buffer }> {
  const ranking = await getRanking(ctx, query);
  const workbook = createWorkbook(ctx.today);
  const labelOf = new Map(ranking.definitions.map((d) => [d.indicator, d.label]));
  const indicators = ranking.definitions.map((d) => d.indicator);
  addTable(
    workbook,
    '排名',
    ['名次', '单位', '得分', '名次变化', ...indicators.flatMap((indicator) => [`${labelOf.get(indicator)}（值）`, `${labelOf.get(indicator)}（得分）`])],
    ranking.rows.map((row): Cell[] => [
      row.rank,
      row.unit.name,
      row.score,
      row.change,
      ...indicators.flatMap((indicator) => {
        const part = row.parts.find((p) => p.indicator === indicator);
        return [part?.value ?? null, part?.points ?? null];
      }),
    ]),
    [6, 28, 8, 10, ...indicators.flatMap(() => [14, 14])],
  );
  addTable(
    workbook,
    '计分事实',
    ['单位', '指标', '事实', '达标', '申诉'],
    ranking.rows
      .filter((row) => row.detail)
      .flatMap((row) =>
        row.parts.flatMap((part) =>
          part.facts.map((fact): Cell[] => [row.unit.name, part.label, fact.text, fact.met ? '是' : '否', fact.override ? overrideLabels[fact.override] : '']),
        ),
      ),
    [28, 18, 70, 6, 16],
  );
  const status = ranking.status === 'draft' ? '草稿（未发布）' : ranking.version === null ? '尚未发布' : `第 ${ranking.version} 版（已发布）`;
  addTable(
    workbook,
    '计分办法',
    ['项目', '内容'],
    [
      ['期间', `${ranking.from} 至 ${ranking.asOf}${ranking.yearToDate ? '（年度累计）' : ''}`],
      ['分组', rankingGroupLabels[ranking.group]],
      ['状态', status],
      ...ranking.definitions.map((d): Cell[] => [d.label, d.definition]),
      ['同分排序', ranking.tieBreak],
    ],
    [16, 90],
  );
  const period = quarterLabel({ year: ranking.year, quarter: ranking.quarter as Quarter['quarter'] });
  const draft = ranking.status === 'draft' ? '（草稿）' : '';
  return workbookFile(workbook, `${period}${ranking.yearToDate ? '年度累计' : ''}${rankingGroupLabels[ranking.group]}晾晒比拼${draft}.xlsx`);
}
