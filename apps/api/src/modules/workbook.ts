import ExcelJS from 'exceljs';

const HEADER_FILL = 'FFDDEBF7';
export type Cell = string | number | null;

/** A new workbook, signed by the system and dated by the app's day (so `TODAY` pins it too). */
export function createWorkbook(today: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '改革任务全周期管理系统';
  workbook.created = new Date(`${today}T00:00:00Z`);
  return workbook;
}

/** The first row as a header: bold on a light fill. */
export function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
}

/** A sheet holding one table: a frozen header row, then the rows; widths per column in characters. */
export function addTable(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][], widths: number[] = []): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  styleHeader(sheet);
  sheet.columns.forEach((column, i) => {
    column.width = widths[i] ?? 14;
  });
  return sheet;
}

export async function workbookFile(workbook: ExcelJS.Workbook, filename: string): Promise<{ filename: string; buffer: Buffer }> {
  return { filename, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
