import { AppError, AppErrorCode } from '../../errors.ts';
import type { LedgerSheet } from './ledger-cells.ts';
import { workbookPool } from './workbook-pool.ts';
import { notXlsx } from './xlsx-limits.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old binary .xls

const oldXls = {
  zh: '不支持旧版 Excel 文件（.xls），请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再上传',
  en: 'Old Excel files (.xls) are not supported; save the file as .xlsx',
};

const startsWith = (buffer: Buffer, magic: number[]) => magic.every((byte, i) => buffer[i] === byte);

/**
 * Reads an uploaded ledger: a file that is not an .xlsx is refused here with 415; an .xlsx is
 * checked against the unpacking limits and parsed in the workbook pool, off the request thread.
 */
export async function readLedger(buffer: Buffer): Promise<LedgerSheet> {
  if (startsWith(buffer, OLE_MAGIC)) throw new AppError(AppErrorCode.UnsupportedMediaType, oldXls);
  if (!startsWith(buffer, ZIP_MAGIC)) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
  return workbookPool.parse(buffer);
}
