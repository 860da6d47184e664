import { createRequire } from 'node:module';

// exceljs is a dependency of the API, not of the e2e folder: load it from there.
const require = createRequire(new URL('../apps/api/package.json', import.meta.url));

interface Worksheet {
  addRow(values: unknown[]): unknown;
}
interface Workbook {
  addWorksheet(name: string): Worksheet;
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
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
