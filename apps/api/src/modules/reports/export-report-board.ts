import { quarterLabel, type Quarter } from '@reform/domain';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../context.ts';
import { getReportBoard } from './get-report-board.ts';
import { getReportRound } from './get-report-round.ts';

/** The round's board as an Excel sheet: one row per unit, the same figures as the page, totals last. */
export async function exportReportBoard(ctx: UseCaseContext, id: number): Promise<{ filename: string; buffer: Buffer }> {
  const round = await getReportRound(ctx, id);
  const board = await getReportBoard(ctx, id);
  const label = quarterLabel({ year: round.year, quarter: round.quarter as Quarter['quarter'] });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报送情况');
  sheet.columns = [
    { header: '单位', key: 'unit', width: 28 },
    { header: '应报', key: 'expected', width: 10 },
    { header: '已报送', key: 'submitted', width: 10 },
    { header: '已采纳', key: 'accepted', width: 10 },
    { header: '已退回', key: 'returned', width: 10 },
    { header: '逾期报送', key: 'late', width: 10 },
    { header: '未报送', key: 'missing', width: 10 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of board.units) sheet.addRow({ ...row, unit: row.unit.name });
  const total = sheet.addRow({ ...board.totals, unit: '合计' });
  total.font = { bold: true };
  return { filename: `${label}报送情况（截止${round.dueDate}）.xlsx`, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
