import {
  LightEnum,
  TaskListEnum,
  TaskStatusEnum,
  ledgerExportHeaders,
  type Light,
  type TLedgerExportQuery,
} from '@reform/contracts';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../context.ts';
import { taskFilters } from '../tasks/task-filters.ts';
import { refreshLights } from '../tasks/refresh-lights.ts';

export interface LedgerExport {
  filename: string;
  buffer: Buffer;
}

const lightFill: Record<Light, string> = {
  red: 'FFFF4D4F',
  yellow: 'FFFADB14',
  green: 'FF52C41A',
  grey: 'FFBFBFBF',
};
const HEADER_FILL = 'FFDDEBF7';
const DEADLINE_COLUMN = ledgerExportHeaders.indexOf('完成时限') + 1;
const LIGHT_COLUMN = ledgerExportHeaders.indexOf('状态灯') + 1;
const MAX_WIDTH = 60;

function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(char) ? 2 : 1;
  return width;
}

/**
 * 台账导出: every task matching the list's filters within the user's scope, as an .xlsx whose
 * header row is the first row and uses the names the importer recognises, so an exported ledger
 * reads back in without loss.
 */
export async function exportLedger(ctx: UseCaseContext, query: TLedgerExportQuery): Promise<LedgerExport> {
  await refreshLights(ctx.db, ctx.today, { onlyChanged: true });
  const tasks = await ctx.db.prisma.task.findMany({
    where: { AND: await taskFilters(ctx, query) },
    select: {
      code: true,
      list: true,
      title: true,
      field: true,
      leadUnit: { select: { name: true } },
      cooperatingUnits: { select: { unit: { select: { name: true } } }, orderBy: { unitId: 'asc' } },
      leadLeader: true,
      deadline: true,
      objective: true,
      status: true,
      light: true,
      progress: true,
      milestones: { select: { doneDate: true } },
    },
    orderBy: [{ [query.sort]: query.order }, { id: 'asc' }],
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '改革任务全周期管理系统';
  workbook.created = new Date(`${ctx.today}T00:00:00Z`);
  const sheet = workbook.addWorksheet('任务清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...ledgerExportHeaders]);
  for (const [i, task] of tasks.entries()) {
    sheet.addRow([
      i + 1,
      task.code,
      TaskListEnum.labels[task.list],
      task.title,
      task.field,
      task.leadUnit.name,
      task.cooperatingUnits.map((c) => c.unit.name).join('、'),
      task.leadLeader,
      task.deadline, // a DATE column: UTC midnight of the day, which Excel reads as that day
      task.objective,
      TaskStatusEnum.labels[task.status],
      LightEnum.labels[task.light],
      task.progress,
      // Beside the percent of the latest accepted report: the timetable's own count.
      task.milestones.length === 0 ? '未排节点' : `${task.milestones.filter((m) => m.doneDate !== null).length}/${task.milestones.length}`,
    ]);
  }

  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.getColumn(DEADLINE_COLUMN).numFmt = 'yyyy-mm-dd';
  for (const [i, task] of tasks.entries()) {
    const cell = sheet.getRow(i + 2).getCell(LIGHT_COLUMN);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: lightFill[task.light] } };
    cell.font = { color: { argb: task.light === 'grey' || task.light === 'yellow' ? 'FF000000' : 'FFFFFFFF' } };
  }
  sheet.columns.forEach((column, i) => {
    let width = widthOf(ledgerExportHeaders[i] ?? '');
    column.eachCell?.({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber > 1) width = Math.max(width, i + 1 === DEADLINE_COLUMN ? 10 : widthOf(String(cell.text ?? '')));
    });
    column.width = Math.min(MAX_WIDTH, width + 2);
    if (width > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerExportHeaders.length } };

  const listLabel = query.list ? `_${TaskListEnum.labels[query.list]}` : '';
  return {
    filename: `改革任务清单${listLabel}_${ctx.today}.xlsx`,
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
