import { describe, expect, it } from 'vitest';
import { parseLedgerDate } from '../src/ledger-dates.ts';

const options = { referenceYear: 2025 };
const read = (input: string | number | Date) => parseLedgerDate(input, options);
const dateOf = (input: string | number | Date) => {
  const result = read(input);
  if (!result.ok) throw new Error(`expected a date for ${String(input)}, got: ${result.message}`);
  return result.date;
};
const messageOf = (input: string | number | Date) => {
  const result = read(input);
  if (result.ok) throw new Error(`expected an error for ${String(input)}, got ${result.date}`);
  return result.message;
};

describe('parseLedgerDate: full dates', () => {
  it.each([
    ['2025-06-30'],
    ['2025/6/30'],
    ['2025.6.30'],
    ['2025/06/30'],
    ['2025年6月30日'],
    ['2025年06月30日'],
    ['2025年6月30号'],
    ['2025年6月30'],
    ['20250630'],
    ['2025/6/30 0:00:00'],
    ['2025-06-30 00:00'],
    ['2025-06-30T00:00:00'],
  ])('reads %s', (input) => {
    expect(dateOf(input)).toBe('2025-06-30');
  });
  it('tolerates full-width digits and punctuation, surrounding and inner spaces', () => {
    expect(dateOf('２０２５年６月３０日')).toBe('2025-06-30');
    expect(dateOf('２０２５／６／３０')).toBe('2025-06-30');
    expect(dateOf('  2025-06-30\n')).toBe('2025-06-30');
    expect(dateOf('\u30002025 年 6 月 30 日\u3000')).toBe('2025-06-30');
  });
  it('reads a trailing 前 as the same deadline', () => {
    expect(dateOf('2025年6月30日前')).toBe('2025-06-30');
    expect(dateOf('2025年9月底之前')).toBe('2025-09-30');
    expect(messageOf('2025年以前')).toBe('“2025年以前”只写了年份，请写明完成时限（如“2025年底”）');
  });
  it('knows leap years', () => {
    expect(dateOf('2024年2月29日')).toBe('2024-02-29');
    expect(messageOf('2025年2月29日')).toBe('日期“2025年2月29日”不存在');
  });
});

describe('parseLedgerDate: months', () => {
  it.each([
    ['2025年6月', '2025-06-30'],
    ['2025年6月份', '2025-06-30'],
    ['2025年6月底', '2025-06-30'],
    ['2025年6月末', '2025-06-30'],
    ['2025年2月底', '2025-02-28'],
    ['2024年2月底', '2024-02-29'],
    ['2025年12月底前', '2025-12-31'],
    ['2025年6月下旬', '2025-06-30'],
    ['2025年6月上旬', '2025-06-10'],
    ['2025年6月中旬', '2025-06-20'],
  ])('reads %s as %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });
});

describe('parseLedgerDate: halves, quarters and year ends', () => {
  it.each([
    ['2025年上半年', '2025-06-30'],
    ['2025年上半年末', '2025-06-30'],
    ['2025年下半年', '2025-12-31'],
    ['2025年底', '2025-12-31'],
    ['2025年年底', '2025-12-31'],
    ['2025年末', '2025-12-31'],
    ['2025年年末', '2025-12-31'],
    ['2025年内', '2025-12-31'],
    ['2025年底前', '2025-12-31'],
    ['2025年一季度', '2025-03-31'],
    ['2025年二季度', '2025-06-30'],
    ['2025年第二季度', '2025-06-30'],
    ['2025年第三季度末', '2025-09-30'],
    ['2025年第4季度', '2025-12-31'],
    ['2025年Q2', '2025-06-30'],
    ['2025Q2', '2025-06-30'],
    ['2025 q3', '2025-09-30'],
    ['2025年Ｑ２', '2025-06-30'],
  ])('reads %s as %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });
  it('reads year-end phrases without a year as the reference year', () => {
    for (const input of ['年底前', '年内', '年底', '年末', '今年底', '今年年底', '今年内', '今年']) {
      expect(dateOf(input)).toBe('2025-12-31');
    }
    expect(parseLedgerDate('年底前', { referenceYear: 2027 })).toEqual({ ok: true, date: '2027-12-31' });
  });
});

describe('parseLedgerDate: Excel serial numbers and Date objects', () => {
  it('reads 1900-system serials', () => {
    expect(dateOf(45838)).toBe('2025-06-30');
    expect(dateOf(45658)).toBe('2025-01-01');
    expect(dateOf(46022)).toBe('2025-12-31');
    expect(dateOf(25569)).toBe('1970-01-01');
  });
  it('ignores the time of day in a fractional serial', () => {
    expect(dateOf(45838.75)).toBe('2025-06-30');
  });
  it('refuses numbers that cannot be a deadline', () => {
    expect(messageOf(7)).toBe('数字“7”不是有效的 Excel 日期');
    expect(messageOf(-45838)).toBe('数字“-45838”不是有效的 Excel 日期');
    expect(messageOf(Number.NaN)).toBe('数字“NaN”不是有效的 Excel 日期');
    expect(messageOf(200000)).toBe('数字“200000”不是有效的 Excel 日期');
  });
  it('says a bare year number is only a year', () => {
    expect(messageOf(2025)).toBe('“2025”只写了年份，请写明完成时限（如“2025年底”）');
  });
  it('reads a Date as its calendar date in Shanghai', () => {
    expect(dateOf(new Date('2025-06-29T16:00:00Z'))).toBe('2025-06-30'); // midnight in Shanghai
    expect(dateOf(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(dateOf(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });
  it('refuses an invalid Date', () => {
    expect(messageOf(new Date('nonsense'))).toBe('无效的日期');
  });
});

describe('parseLedgerDate: not dates', () => {
  it.each(['长期', '持续推进', '长期坚持', '常态化推进'])('says %s is not a date', (input) => {
    expect(messageOf(` ${input} `)).toBe(`“${input}”不是具体日期，请填写完成时限`);
  });
  it('says an empty cell is empty', () => {
    expect(messageOf('')).toBe('未填写日期');
    expect(messageOf('  \n')).toBe('未填写日期');
  });
});

describe('parseLedgerDate: errors name what was written', () => {
  it.each(['6/30', '6-30', '6月30日', '6月底', '6月末', '6月', '上半年', '二季度', '第三季度', 'Q2'])(
    'refuses %s for lacking a year',
    (input) => {
      expect(messageOf(input)).toBe(`无法识别的日期“${input}”：缺少年份`);
    },
  );
  it('refuses dates that do not exist', () => {
    expect(messageOf('2025年2月30日')).toBe('日期“2025年2月30日”不存在');
    expect(messageOf('2025-13-01')).toBe('日期“2025-13-01”不存在');
    expect(messageOf('2025年13月')).toBe('日期“2025年13月”不存在');
    expect(messageOf('2025/4/31')).toBe('日期“2025/4/31”不存在');
    expect(messageOf('2025-06-00')).toBe('日期“2025-06-00”不存在');
  });
  it('quotes the input as written, not as normalised', () => {
    expect(messageOf(' ２０２５年２月３０日 ')).toBe('日期“２０２５年２月３０日”不存在');
  });
  it('refuses two-digit years and day-first orders', () => {
    expect(messageOf('25/6/30')).toBe('无法识别的日期“25/6/30”：年份应写四位');
    expect(messageOf('6/30/2025')).toBe('无法识别的日期“6/30/2025”：请按“年-月-日”的顺序填写');
  });
  it('refuses 某月前, which could mean the end of the month before', () => {
    expect(messageOf('2025年6月前')).toBe('无法识别的日期“2025年6月前”：是该月底前还是该月之前，请写明具体日期');
  });
  it('refuses a bare year', () => {
    expect(messageOf('2025')).toBe('“2025”只写了年份，请写明完成时限（如“2025年底”）');
    expect(messageOf('2025年')).toBe('“2025年”只写了年份，请写明完成时限（如“2025年底”）');
  });
  it('refuses implausible years', () => {
    expect(messageOf('1025-06-30')).toBe('日期“1025-06-30”的年份不合理');
    expect(messageOf('3025年Q1')).toBe('日期“3025年Q1”的年份不合理');
  });
  it('refuses mixed separators and anything else', () => {
    expect(messageOf('2025-6/30')).toBe('无法识别的日期“2025-6/30”');
    expect(messageOf('尽快')).toBe('无法识别的日期“尽快”');
    expect(messageOf('2025年五季度')).toBe('无法识别的日期“2025年五季度”');
  });
});
