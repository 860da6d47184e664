import ExcelJS from 'exceljs';
import { AppError, AppErrorCode } from '../../errors.ts';

/** A cell as the importer sees it: text, a number, a date (Excel's wall clock, read as UTC) or nothing. */
export type LedgerCell = string | number | Date | null;

export interface LedgerRow {
  /** As Excel shows it: the first row is 1. */
  rowNumber: number;
  cells: LedgerCell[];
}

export interface LedgerSheet {
  headerRowNumber: number;
  headers: string[];
  rows: LedgerRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls
const HEADER_SEARCH_ROWS = 10;
const HEADER_MIN_CELLS = 3;

const notXlsx = {
  zh: '上传的文件不是有效的 Excel 文件（.xlsx），请在 Excel 中打开后另存为“Excel 工作簿（*.xlsx）”再上传',
  en: 'The file is not a valid Excel workbook (.xlsx)',
};
const oldXls = {
  zh: '不支持旧版 Excel 文件（.xls），请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再上传',
  en: 'Old Excel files (.xls) are not supported; save the file as .xlsx',
};

const startsWith = (buffer: Buffer, magic: number[]) => magic.every((byte, i) => buffer[i] === byte);

/** What a cell holds, whatever exceljs wraps it in (rich text, hyperlinks, formulas). */
export function cellValue(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    if ('richText' in value) return cellValue(value.richText.map((part) => part.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result ?? null);
    if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return null;
}

/** A cell written as text: dates as YYYY-MM-DD, numbers as Excel shows them. */
export function cellText(cell: LedgerCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/**
 * Reads the first worksheet of an .xlsx: finds the header row (the first of the first ten rows
 * with at least three filled cells, since ledgers often carry a title row above) and returns every
 * row below it. A file that is not an .xlsx is refused with 415.
 */
export async function readLedger(buffer: Buffer): Promise<LedgerSheet> {
  if (startsWith(buffer, OLE_MAGIC)) throw new AppError(AppErrorCode.UnsupportedMediaType, oldXls);
  if (!startsWith(buffer, ZIP_MAGIC)) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
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
  return { headerRowNumber, headers, rows };
}
