import { quarterEnd, todayInShanghai, type IsoDate } from './calendar.ts';

export type LedgerDateResult = { ok: true; date: IsoDate } | { ok: false; message: string };

export interface LedgerDateOptions {
  /** The ledger's year: what 年底前 and 年内 refer to. */
  referenceYear: number;
}

// Excel's 1900 date system counts 1900-02-29, a day that never existed, so from 1900-03-01
// (serial 61) on, serial n is n days after 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Serials outside 1970–2199 are far more likely a stray number (a 序号, a year) than a deadline.
const EXCEL_SERIAL_MIN = 25_569; // 1970-01-01
const EXCEL_SERIAL_END = 109_575; // 2200-01-01

const NOT_A_DATE = /^(长期|长期坚持|长期推进|持续|持续推进|常态化|常态化推进)$/;
const CHINESE_QUARTERS: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const fail = (message: string): LedgerDateResult => ({ ok: false, message });
const ok = (date: IsoDate): LedgerDateResult => ({ ok: true, date });

/** Full-width ASCII (２０２５／６／３０, Ｑ２) and the ideographic space become their plain forms. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

function fromExcelSerial(serial: number, written: string): LedgerDateResult {
  if (!Number.isFinite(serial) || serial < EXCEL_SERIAL_MIN || serial >= EXCEL_SERIAL_END) {
    if (Number.isInteger(serial) && serial >= 1900 && serial <= 2199) return onlyYear(written, written);
    return fail(`数字“${written}”不是有效的 Excel 日期`);
  }
  return ok(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10));
}

function onlyYear(written: string, year: string): LedgerDateResult {
  return fail(`“${written}”只写了年份，请写明完成时限（如“${year}年底”）`);
}

function dayOf(year: number, month: number, day: number, written: string): LedgerDateResult {
  if (year < 1900 || year > 2199) return fail(`日期“${written}”的年份不合理`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail(`日期“${written}”不存在`);
  return ok(`${year}-${pad(month)}-${pad(day)}`);
}

function monthEnd(year: number, month: number, written: string): LedgerDateResult {
  if (month < 1 || month > 12) return fail(`日期“${written}”不存在`);
  return dayOf(year, month, daysInMonth(year, month), written);
}

/** Dates as people write them in Excel ledgers (台账), read as one calendar date. */
export function parseLedgerDate(input: string | number | Date, { referenceYear }: LedgerDateOptions): LedgerDateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail('无效的日期');
    return ok(todayInShanghai(input)); // the calendar date in Shanghai, whatever the machine's zone
  }
  if (typeof input === 'number') return fromExcelSerial(input, String(input));

  const written = input.trim();
  if (written === '') return fail('未填写日期');
  // Spaces inside (2025 年 6 月) are noise, but a time after a date ("2025/6/30 0:00:00") is dropped first.
  const plain = toHalfWidth(written)
    .trim()
    .replace(/^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/, '$1')
    .replace(/\s+/g, '');
  // 6月底前 is due at the end of June, but 6月前 could mean by the end of May.
  if (/^\d{4}年\d{1,2}月(之前|以前|前)$/.test(plain)) {
    return fail(`无法识别的日期“${written}”：是该月底前还是该月之前，请写明具体日期`);
  }
  const text = plain.replace(/(之前|以前|前)$/, '');
  if (NOT_A_DATE.test(text)) return fail(`“${written}”不是具体日期，请填写完成时限`);

  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(text))) return dayOf(+m[1]!, +m[3]!, +m[4]!, written);
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return dayOf(+m[1]!, +m[2]!, +m[3]!, written);
  if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(text))) return dayOf(+m[1]!, +m[2]!, +m[3]!, written);
  if ((m = /^(\d{4})年(\d{1,2})月(份|底|末|下旬)?$/.exec(text))) return monthEnd(+m[1]!, +m[2]!, written);
  if ((m = /^(\d{4})年(\d{1,2})月(上|中)旬$/.exec(text))) return dayOf(+m[1]!, +m[2]!, m[3] === '上' ? 10 : 20, written);
  if ((m = /^(\d{4})年?上半年(底|末)?$/.exec(text))) return dayOf(+m[1]!, 6, 30, written);
  if ((m = /^(\d{4})年?(下半年|年?底|年?末|年内)$/.exec(text))) return dayOf(+m[1]!, 12, 31, written);
  if ((m = /^(\d{4})年?(?:第?([一二三四1-4])季度|Q([1-4]))(底|末)?$/i.exec(text))) {
    const quarter = CHINESE_QUARTERS[m[2] ?? m[3]!]!;
    const year = +m[1]!;
    if (year < 1900 || year > 2199) return fail(`日期“${written}”的年份不合理`);
    return ok(quarterEnd({ year, quarter }));
  }
  // "This year" phrases without a year are read against the ledger's year; anything naming a month
  // or quarter without a year is refused below, since a wrong year is worse than asking.
  if (/^(今?年){1,2}[底末内]$|^今年$/.test(text)) return dayOf(referenceYear, 12, 31, written);
  if ((m = /^(\d{4})年?$/.exec(text))) return onlyYear(written, m[1]!);

  if (
    /^\d{1,2}[-/.]\d{1,2}$/.test(text) ||
    /^\d{1,2}月(\d{1,2}[日号]?|份|底|末|[上中下]旬)?$/.test(text) ||
    /^(上半年|下半年|第?[一二三四1-4]季度|Q[1-4])(底|末)?$/i.test(text)
  ) {
    return fail(`无法识别的日期“${written}”：缺少年份`);
  }
  if (/^\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$/.test(text)) return fail(`无法识别的日期“${written}”：年份应写四位`);
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(text)) return fail(`无法识别的日期“${written}”：请按“年-月-日”的顺序填写`);
  return fail(`无法识别的日期“${written}”`);
}
