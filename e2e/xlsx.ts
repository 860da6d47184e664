import { createRequire } from 'node:module';

// exceljs is a dependency of the API, not of the e2e folder: load it from there.
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));

interface Worksheet {
  addRow(values: unknown[]): unknown;
}
interface ReadWorksheet {
  columnCount: number;
  eachRow(callback: (row: { getCell(column: number): { value: unknown } }, number: number) => void): void;
}
interface Workbook {
  addWorksheet(name: string): Worksheet;
  getWorksheet(name: string): ReadWorksheet | undefined;
  xlsx: { writeBuffer(): Promise<ArrayBuffer>; load(buffer: Buffer): Promise<unknown> };
}
const ExcelJS = require('exceljs') as { Workbook: new () => Workbook };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx with one sheet: a header row, then the rows. */
export async function ledgerFile(name: string, header: string[], rows: unknown[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return { name, mimeType: XLSX_MIME, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** The rows of a downloaded workbook's sheet below its header, empty cells as null. */
export async function sheetRows(buffer: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}
