import type ExcelJS from 'exceljs';

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
