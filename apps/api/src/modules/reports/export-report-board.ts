import { quarterLabel, type Quarter } from '@reform/domain';
import type { UseCaseContext } from '../context.ts';
import { addTable, createWorkbook, workbookFile } from '../workbook.ts';
import { getReportBoard } from './get-report-board.ts';
import { getReportRound } from './get-report-round.ts';

/** The round's board as an Excel sheet: one row per unit, the same figures as the page, totals last. */
export async function exportReportBoard(ctx: UseCaseContext, id: number): Promise<{ filename: string; buffer: Buffer }> {
  const round = await getReportRound(ctx, id);
  const board = await getReportBoard(ctx, id);
  const label = quarterLabel({ year: round.year, quarter: round.quarter as Quarter['quarter'] });
  const workbook = createWorkbook(ctx.today);
  const counts = (row: Omit<(typeof board.units)[number], 'unit'>) => [row.expected, row.submitted, row.accepted, row.returned, row.late, row.missing];
  const sheet = addTable(
    workbook,
    '报送情况',
    ['单位', '应报', '已报送', '已采纳', '已退回', '逾期报送', '未报送'],
    [...board.units.map((row) => [row.unit.name, ...counts(row)]), ['合计', ...counts(board.totals)]],
    [28, 10, 10, 10, 10, 10, 10],
  );
  sheet.lastRow!.font = { bold: true };
  return workbookFile(workbook, `${label}报送情况（截止${round.dueDate}）.xlsx`);
}
