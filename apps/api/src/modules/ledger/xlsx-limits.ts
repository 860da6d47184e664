import { inflateRawSync } from 'node:zlib';
import { AppError, AppErrorCode, type Bilingual } from '../../errors.ts';

/**
 * How big a workbook may be once unpacked. An .xlsx is a zip of XML: an 830 KB file can unpack
 * to hundreds of MB and millions of strings, and the workbook reader holds all of it in memory.
 * These limits are checked on the zip itself, before any XML is parsed; sizes are counted while
 * inflating, since the sizes a zip declares can lie. A real ledger of 10,000 rows stays far
 * below every one of them.
 */
export const xlsxLimits = {
  /** Files inside the zip (a workbook has a few dozen). */
  maxEntries: 1_000,
  /** All files inside the zip, unpacked. */
  maxInflatedBytes: 64 * 1024 * 1024,
  /** Distinct texts in the shared-strings table. */
  maxSharedStrings: 200_000,
  /** Cells over all worksheets (every cell costs the reader memory, empty or not). */
  maxCells: 400_000,
  /** Rows over all worksheets, before the ledger's own rows are counted. */
  maxSheetRows: 20_000,
  /** Data rows of the ledger itself. */
  maxDataRows: 10_000,
};

export type XlsxLimits = typeof xlsxLimits;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MB = 1024 * 1024;

export const notXlsx: Bilingual = {
  zh: '上传的文件不是有效的 Excel 文件（.xlsx），请在 Excel 中打开后另存为“Excel 工作簿（*.xlsx）”再上传',
  en: 'The file is not a valid Excel workbook (.xlsx)',
};

const refuse = (code: AppErrorCode, zh: string, en: string) => new AppError(code, { zh, en });
const formatCount = (n: number) => n.toLocaleString('en-US');

export const tooManyRows = (rows: number, limits: XlsxLimits) =>
  refuse(
    AppErrorCode.Unprocessable,
    `台账行数过多：一次最多导入 ${formatCount(limits.maxDataRows)} 行，本文件有 ${formatCount(rows)} 行。请拆分为几个文件后分批导入`,
    `Too many rows: at most ${limits.maxDataRows} per import, the file has ${rows}`,
  );

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The zip's central directory: where each file is and how it is packed. */
function entriesOf(zip: Buffer, limits: XlsxLimits): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
  const count = zip.readUInt16LE(eocd + 10);
  if (count > limits.maxEntries || count === 0xffff) {
    throw refuse(
      AppErrorCode.PayloadTooLarge,
      `台账文件内部包含的文件过多（超过 ${formatCount(limits.maxEntries)} 个），不像是正常的 Excel 台账。请在 Excel 中另存为新的 .xlsx 文件后再上传`,
      `The workbook holds more than ${limits.maxEntries} files`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function packedBytes(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
  return zip.subarray(start, end);
}

/** Elements named `name` (with or without a namespace prefix) in an XML text. */
function countElements(xml: string, name: string): number {
  const pattern = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}[\\s/>]`, 'g');
  let count = 0;
  while (pattern.exec(xml) !== null) count++;
  return count;
}

/**
 * Unpacks every file of an .xlsx within the limits and counts what the reader would build:
 * shared strings, rows and cells. Refuses a workbook beyond them with 413 (too big unpacked) or
 * 422 (too many rows, cells or texts), each with a message saying what to do.
 */
export function inspectXlsx(zip: Buffer, limits: XlsxLimits = xlsxLimits): void {
  let budget = limits.maxInflatedBytes;
  let sharedStrings = 0;
  let rows = 0;
  let cells = 0;
  const tooBig = () =>
    refuse(
      AppErrorCode.PayloadTooLarge,
      `台账文件解压后超过 ${limits.maxInflatedBytes / MB} MB，内容过多，无法导入。请删除多余的工作表、图片和空白格式，或拆分为几个文件后分批导入`,
      `The workbook unpacks to more than ${limits.maxInflatedBytes / MB} MB`,
    );
  for (const entry of entriesOf(zip, limits)) {
    const packed = packedBytes(zip, entry);
    let data: Buffer;
    if (entry.method === 0) data = packed;
    else if (entry.method === 8) {
      try {
        // maxOutputLength stops inflating as soon as the budget is spent, whatever the zip declares.
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
      }
    } else throw new AppError(AppErrorCode.UnsupportedMediaType, notXlsx);
    budget -= data.length;
    if (budget < 0) throw tooBig();
    if (/(^|\/)sharedStrings\.xml$/i.test(entry.name)) sharedStrings += countElements(data.toString('latin1'), 'si');
    else if (/(^|\/)worksheets\/[^/]+\.xml$/i.test(entry.name)) {
      const xml = data.toString('latin1');
      rows += countElements(xml, 'row');
      cells += countElements(xml, 'c');
    }
  }
  if (sharedStrings > limits.maxSharedStrings) {
    throw refuse(
      AppErrorCode.Unprocessable,
      `台账中的文字条目过多（${formatCount(sharedStrings)} 条，最多 ${formatCount(limits.maxSharedStrings)} 条），无法导入。请删除多余的工作表和内容后再上传`,
      `Too many texts in the workbook (${sharedStrings}, at most ${limits.maxSharedStrings})`,
    );
  }
  if (rows > limits.maxSheetRows) {
    throw refuse(
      AppErrorCode.Unprocessable,
      `台账行数过多：工作簿共有 ${formatCount(rows)} 行，一次最多导入 ${formatCount(limits.maxDataRows)} 行。请删除多余的工作表或拆分为几个文件后分批导入`,
      `Too many rows in the workbook (${rows})`,
    );
  }
  if (cells > limits.maxCells) {
    throw refuse(
      AppErrorCode.Unprocessable,
      `台账单元格过多：工作簿共有 ${formatCount(cells)} 个单元格，最多 ${formatCount(limits.maxCells)} 个。请删除多余的列、工作表和空白格式后再上传`,
      `Too many cells in the workbook (${cells}, at most ${limits.maxCells})`,
    );
  }
}
