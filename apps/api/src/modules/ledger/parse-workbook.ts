import ExcelJS from 'exceljs';
import { AppError, AppErrorCode } from '../../errors.ts';
import { cellText, cellValue, type LedgerCell, type LedgerRow, type LedgerSheet } from './ledger-cells.ts';
import { inspectXlsx, notXlsx, tooManyRows, xlsxLimits, type XlsxLimits } from './xlsx-limits.ts';

const HEADER_SEARCH_ROWS = 10;
const HEADER_MIN_CELLS = 3;

/**
 * Reads the first worksheet of an .xlsx: finds the header row (the first of the first ten rows
 * with at least three filled cells, since ledgers often carry a title row above) and returns every
 * row below it. The zip is inspected against the limits first, so nothing oversized is parsed.
 * CPU-bound: runs in the workbook worker (ledger-worker.ts), never on the request thread.
 */
export async function parseWorkbook(buffer: Buffer, limits: XlsxLimits = xlsxLimits): Promise<LedgerSheet> {
  inspectXlsx(buffer, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);

  const lastRow = sheet.rowCount;
  let headerRowNumber = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, lastRow); r++) {
    const row = sheet.getRow(r);
    let filled = 0;
    // A title merged across the row repeats its value in every merged cell; count it once.
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Merge && cellValue(cell.value) !== null) filled++;
    });
    if (filled >= HEADER_MIN_CELLS) {
      headerRowNumber = r;
      break;
    }
  }
  if (headerRowNumber === 0) {
    throw new AppError(AppErrorCode.BadRequest, {
      zh: `在第一个工作表“${sheet.name}”的前 ${HEADER_SEARCH_ROWS} 行中找不到表头行（至少 ${HEADER_MIN_CELLS} 个非空单元格）`,
      en: `No header row (at least ${HEADER_MIN_CELLS} filled cells) in the first ${HEADER_SEARCH_ROWS} rows of the first worksheet`,
    });
  }

  const headerRow = sheet.getRow(headerRowNumber);
  const headers: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) headers.push(cellText(cellValue(headerRow.getCell(c).value)));
  while (headers.length > 0 && headers.at(-1) === '') headers.pop();

  const rows: LedgerRow[] = [];
  for (let r = headerRowNumber + 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells: LedgerCell[] = [];
    for (let c = 1; c <= headers.length; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push({ rowNumber: r, cells });
  }
  if (rows.length > limits.maxDataRows) throw tooManyRows(rows.length, limits);
  return { headerRowNumber, headers, rows };
}
