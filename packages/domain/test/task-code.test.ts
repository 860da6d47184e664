import { describe, expect, it } from 'vitest';
import {
  defaultListPrefixes,
  defaultTaskCodePattern,
  formatTaskCode,
  nextSequence,
  validateCodePattern,
} from '../src/task-code.ts';

describe('formatTaskCode', () => {
  it('writes the default pattern as ZD-2026-007', () => {
    expect(formatTaskCode(defaultTaskCodePattern, { list: 'mandate', year: 2026, seq: 7 })).toBe('ZD-2026-007');
    expect(formatTaskCode(defaultTaskCodePattern, { list: 'pilot', year: 2026, seq: 12 })).toBe('SD-2026-012');
    expect(formatTaskCode(defaultTaskCodePattern, { list: 'innovation', year: 2027, seq: 1 })).toBe('CX-2027-001');
  });
  it('never truncates a sequence longer than its width', () => {
    expect(formatTaskCode(defaultTaskCodePattern, { list: 'mandate', year: 2026, seq: 1234 })).toBe('ZD-2026-1234');
  });
  it('writes {seq} without padding', () => {
    expect(formatTaskCode('{year}{list}{seq}', { list: 'pilot', year: 2026, seq: 7 })).toBe('2026SD7');
  });
  it('keeps literal text, including Chinese', () => {
    expect(formatTaskCode('嘉改〔{year}〕{list}{seq:2}号', { list: 'mandate', year: 2026, seq: 3 })).toBe('嘉改〔2026〕ZD03号');
  });
  it('uses configured prefixes', () => {
    const prefixes = { ...defaultListPrefixes, mandate: 'A' };
    expect(formatTaskCode(defaultTaskCodePattern, { list: 'mandate', year: 2026, seq: 5 }, prefixes)).toBe('A-2026-005');
  });
  it('refuses an invalid pattern with its problems', () => {
    expect(() => formatTaskCode('{list}-{seq}', { list: 'mandate', year: 2026, seq: 1 })).toThrow(
      '编号规则缺少 {year}（年度）',
    );
  });
  it('refuses a sequence that is not a positive whole number', () => {
    for (const seq of [0, -1, 2.5]) {
      expect(() => formatTaskCode(defaultTaskCodePattern, { list: 'mandate', year: 2026, seq })).toThrow(RangeError);
    }
  });
});

describe('validateCodePattern', () => {
  it('accepts the default and other complete patterns', () => {
    expect(validateCodePattern(defaultTaskCodePattern)).toEqual([]);
    expect(validateCodePattern('{year}{list}{seq}')).toEqual([]);
    expect(validateCodePattern('嘉改〔{year}〕{list}{seq:2}号')).toEqual([]);
  });
  it('names each missing token', () => {
    expect(validateCodePattern('{list}-{year}')).toEqual(['编号规则缺少 {seq}（序号）']);
    expect(validateCodePattern('{list}-{seq}')).toEqual(['编号规则缺少 {year}（年度）']);
    expect(validateCodePattern('{year}-{seq:3}')).toEqual(['编号规则缺少 {list}（清单类别）']);
    expect(validateCodePattern('')).toHaveLength(3);
  });
  it('rejects unknown tokens', () => {
    expect(validateCodePattern('{list}-{year}-{seq}-{unit}')).toEqual([
      '编号规则中的“{unit}”无法识别，可用：{list}、{year}、{seq}、{seq:N}',
    ]);
    expect(validateCodePattern('{List}-{year}-{seq}')).toContain('编号规则中的“{List}”无法识别，可用：{list}、{year}、{seq}、{seq:N}');
  });
  it('rejects a width outside 1–9', () => {
    expect(validateCodePattern('{list}-{year}-{seq:0}')).toEqual(['“{seq:0}”的位数须为 1–9']);
    expect(validateCodePattern('{list}-{year}-{seq:12}')).toEqual(['“{seq:12}”的位数须为 1–9']);
    expect(validateCodePattern('{list}-{year}-{seq:x}')).toEqual([
      '编号规则中的“{seq:x}”无法识别，可用：{list}、{year}、{seq}、{seq:N}',
      '编号规则缺少 {seq}（序号）',
    ]);
  });
  it('rejects a token used twice', () => {
    expect(validateCodePattern('{list}-{year}-{seq}-{seq}')).toEqual(['编号规则中 {seq}（序号） 只能出现一次']);
  });
  it('rejects unbalanced braces', () => {
    expect(validateCodePattern('{list-{year}-{seq}')).toEqual([
      '编号规则中的花括号不成对',
      '编号规则缺少 {list}（清单类别）',
    ]);
    expect(validateCodePattern('{list}-{year}-{seq}}')).toEqual(['编号规则中的花括号不成对']);
  });
});

describe('nextSequence', () => {
  const codes = ['ZD-2026-001', 'ZD-2026-002', 'ZD-2026-005', 'SD-2026-009', 'ZD-2025-030', 'CX-2026-004'];
  const next = (list: 'mandate' | 'pilot' | 'innovation', year: number, existing = codes) =>
    nextSequence(existing, defaultTaskCodePattern, { list, year });

  it('starts at 1', () => {
    expect(next('mandate', 2026, [])).toBe(1);
    expect(next('innovation', 2025)).toBe(1);
  });
  it('follows the highest code of the same list and year, skipping gaps', () => {
    expect(next('mandate', 2026)).toBe(6);
    expect(next('pilot', 2026)).toBe(10);
    expect(next('mandate', 2025)).toBe(31);
  });
  it('reads sequences wider than the pattern width', () => {
    expect(next('mandate', 2026, ['ZD-2026-999', 'ZD-2026-1000'])).toBe(1001);
  });
  it('ignores codes not written by the pattern, and tolerates case and whitespace', () => {
    expect(next('mandate', 2026, ['ZD-2026-001-补', 'XZD-2026-050', '临时编号', ' zd-2026-012 '])).toBe(13);
  });
  it('reads patterns with literal text and no separators', () => {
    expect(nextSequence(['嘉改〔2026〕ZD03号', '嘉改〔2026〕ZD11号'], '嘉改〔{year}〕{list}{seq:2}号', { list: 'mandate', year: 2026 })).toBe(12);
    expect(nextSequence(['2026SD7', '2026SD12', '2025SD40'], '{year}{list}{seq}', { list: 'pilot', year: 2026 })).toBe(13);
  });
  it('uses configured prefixes and escapes them', () => {
    const prefixes = { ...defaultListPrefixes, pilot: 'S.D' };
    expect(nextSequence(['S.D-2026-004', 'SXD-2026-090'], defaultTaskCodePattern, { list: 'pilot', year: 2026 }, prefixes)).toBe(5);
  });
  it('refuses an invalid pattern', () => {
    expect(() => nextSequence(codes, '{list}-{year}', { list: 'mandate', year: 2026 })).toThrow('编号规则缺少 {seq}（序号）');
  });
});
