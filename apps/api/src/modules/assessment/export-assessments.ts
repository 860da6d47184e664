import { AssessmentGroupEnum, AssessmentItemKindEnum, type TAssessmentRow } from '@reform/contracts';
import { formatHundredths, todayInShanghai } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { createWorkbook, styleHeader, workbookFile } from '../workbook.ts';
import { listAssessments } from './list-assessments.ts';

const summaryHeaders = ['名次', '单位', '所属', '晾晒比拼折算', '第三方评估折算', '群众满意度折算', '基础分', '加分（计入）', '扣分', '总分'];
const itemHeaders = ['单位', '类别', '分值', '事由', '佐证材料', '典型案例', '录入人', '更新时间'];

/** Points as a number with two decimals in the cell (exact: hundredths ÷ 100 written from the text). */
const pointsCell = (hundredths: number) => Number(formatHundredths(hundredths));

/**
 * 年度考评导出: a summary sheet per group (departments, counties) and one sheet of every entry,
 * from the same rows the page shows (listAssessments), within the user's scope.
 */
export async function exportAssessments(ctx: UseCaseContext, year: number): Promise<{ filename: string; buffer: Buffer }> {
  const workbook = createWorkbook(ctx.today);
  const allRows: TAssessmentRow[] = [];
  for (const group of AssessmentGroupEnum.values) {
    const list = await listAssessments(ctx, { year, group });
    const sheet = workbook.addWorksheet(`${AssessmentGroupEnum.labels[group]}汇总`.replace(/[()]/g, ''), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(summaryHeaders);
    for (const row of list.rows) {
      const part = (indicator: string) => row.score.parts.find((p) => p.indicator === indicator)?.points ?? 0;
      sheet.addRow([
        row.rank,
        row.unit.name,
        row.unit.parentName ?? '',
        pointsCell(part('ranking')),
        pointsCell(part('thirdParty')),
        pointsCell(part('satisfaction')),
        pointsCell(row.score.base),
        pointsCell(row.score.bonus),
        pointsCell(row.score.deductions),
        pointsCell(row.score.total),
      ]);
    }
    sheet.addRow([]);
    sheet.addRow([`计分办法：${list.formula}`]);
    sheet.addRow([list.finalised ? `已于 ${todayInShanghai(new Date(list.finalised.at))} 由 ${list.finalised.by} 定稿` : '尚未定稿（草稿）']);
    styleHeader(sheet);
    sheet.columns.forEach((col, i) => {
      col.width = i === 1 ? 28 : 14;
      if (i >= 3) col.numFmt = '0.00';
    });
    allRows.push(...list.rows);
  }

  const items = await ctx.db.prisma.assessmentItem.findMany({
    where: { assessment: { year, unitId: { in: allRows.map((r) => r.unit.id) } } },
    include: {
      assessment: { select: { unit: { select: { name: true } } } },
      typicalCase: { select: { title: true } },
      createdBy: { select: { displayName: true } },
    },
    orderBy: [{ assessmentId: 'asc' }, { id: 'asc' }],
  });
  const evidenceIds = [...new Set(items.flatMap((i) => i.evidenceIds))];
  const files = evidenceIds.length ? await ctx.db.prisma.evidenceFile.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, originalName: true } }) : [];
  const nameOf = new Map(files.map((f) => [f.id, f.originalName]));
  const sheet = workbook.addWorksheet('考评条目', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(itemHeaders);
  for (const item of items) {
    sheet.addRow([
      item.assessment.unit.name,
      AssessmentItemKindEnum.labels[item.kind],
      pointsCell(item.points),
      item.reason,
      item.evidenceIds.map((id) => nameOf.get(id) ?? `#${id}`).join('、'),
      item.typicalCase?.title ?? '',
      item.createdBy?.displayName ?? '',
      todayInShanghai(item.updatedAt),
    ]);
  }
  styleHeader(sheet);
  sheet.columns.forEach((col, i) => {
    col.width = [28, 14, 10, 50, 30, 30, 10, 12][i] ?? 14;
  });
  sheet.getColumn(3).numFmt = '0.00';

  return workbookFile(workbook, `${year}年度考评.xlsx`);
}
