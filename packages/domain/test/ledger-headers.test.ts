import { describe, expect, it } from 'vitest';
import {
  ledgerHeaderNames,
  normaliseHeader,
  parseListLabel,
  recogniseHeaders,
  splitUnitNames,
  type LedgerField,
} from '../src/ledger-headers.ts';

const fieldsOf = (headers: string[]) => recogniseHeaders(headers).columns.map((c) => c.field);

describe('recogniseHeaders', () => {
  it('recognises a typical ledger header row', () => {
    const headers = ['序号', '改革任务', '清单类别', '牵头单位', '领衔领导', '配合单位', '完成时限', '备注'];
    expect(recogniseHeaders(headers)).toEqual({
      columns: [
        { index: 0, header: '序号', field: 'seq' },
        { index: 1, header: '改革任务', field: 'title' },
        { index: 2, header: '清单类别', field: 'list' },
        { index: 3, header: '牵头单位', field: 'leadUnit' },
        { index: 4, header: '领衔领导', field: 'leadLeader' },
        { index: 5, header: '配合单位', field: 'cooperatingUnits' },
        { index: 6, header: '完成时限', field: 'deadline' },
        { index: 7, header: '备注', field: 'remarks' },
      ],
      missing: [],
    });
  });
  it('knows every listed synonym', () => {
    const expected: [string, LedgerField][] = [
      ['任务名称', 'title'], ['改革事项', 'title'], ['改革项目', 'title'], ['任务', 'title'],
      ['类别', 'list'], ['清单', 'list'],
      ['责任单位', 'leadUnit'], ['主责单位', 'leadUnit'],
      ['责任领导', 'leadLeader'], ['牵头领导', 'leadLeader'], ['分管领导', 'leadLeader'],
      ['协同单位', 'cooperatingUnits'], ['参与单位', 'cooperatingUnits'],
      ['时间节点', 'deadline'], ['完成时间', 'deadline'], ['截止时间', 'deadline'],
      ['目标任务', 'objective'], ['工作目标', 'objective'], ['主要举措', 'objective'], ['具体举措', 'objective'], ['改革目标', 'objective'],
      ['领域', 'field'], ['改革领域', 'field'],
      ['预期成果', 'expectedOutcome'], ['成果形式', 'expectedOutcome'],
      ['依据', 'sourceDocument'], ['文件依据', 'sourceDocument'],
      ['任务编号', 'code'], ['编号', 'code'],
    ];
    for (const [header, field] of expected) expect(fieldsOf([header])).toEqual([field]);
    for (const [field, names] of Object.entries(ledgerHeaderNames)) {
      for (const name of names) expect(fieldsOf([name])).toEqual([field]);
    }
  });
  it('ignores spaces, line breaks, punctuation and a trailing note', () => {
    expect(
      fieldsOf([
        '序 号',
        '改革任务\n（必填）',
        '牵头\r\n单位(必填)',
        '完成时限（格式：2025年6月30日）',
        '*配合单位：',
        '领衔领导【必填】',
        '　备　注　',
      ]),
    ).toEqual(['seq', 'title', 'leadUnit', 'deadline', 'cooperatingUnits', 'leadLeader', 'remarks']);
    expect(fieldsOf(['完成时限 (必填) (年月日)'])).toEqual(['deadline']);
  });
  it('leaves unknown headers unrecognised and lists the missing required fields', () => {
    expect(recogniseHeaders(['序号', '任务名称', '联系人', '']).columns.map((c) => c.field)).toEqual([
      'seq',
      'title',
      null,
      null,
    ]);
    expect(recogniseHeaders(['序号', '任务名称', '联系人']).missing).toEqual(['leadUnit', 'deadline']);
    expect(recogniseHeaders([]).missing).toEqual(['title', 'leadUnit', 'deadline']);
  });
  it('keeps the first of two columns for the same field and reports the second as null', () => {
    const result = recogniseHeaders(['改革任务', '牵头单位', '责任单位', '完成时限', '时间节点']);
    expect(result.columns.map((c) => c.field)).toEqual(['title', 'leadUnit', null, 'deadline', null]);
    expect(result.columns[2]).toEqual({ index: 2, header: '责任单位', field: null });
    expect(result.missing).toEqual([]);
  });
  it('does not guess from partial matches', () => {
    expect(fieldsOf(['改革任务完成情况', '牵头单位联系人', '任务来源'])).toEqual([null, null, null]);
  });
});

describe('normaliseHeader', () => {
  it('folds full-width forms and drops notes and punctuation', () => {
    expect(normaliseHeader(' 完成时限（必填） ')).toBe('完成时限');
    expect(normaliseHeader('ＡＢＣ－１')).toBe('ABC1');
    expect(normaliseHeader('牵头单位（盖章）（必填）')).toBe('牵头单位');
  });
});

describe('parseListLabel', () => {
  it.each([
    ['重大改革', 'mandate'],
    ['重大改革任务', 'mandate'],
    ['中央和省委统一部署的重大改革任务', 'mandate'],
    ['改革试点', 'pilot'],
    ['试点', 'pilot'],
    ['省级改革试点', 'pilot'],
    ['赋予本市的省级以上改革试点', 'pilot'],
    ['地方创新', 'innovation'],
    ['创新项目', 'innovation'],
    ['自主创新', 'innovation'],
    ['地方创新项目', 'innovation'],
    ['自主创新推出的地方改革项目', 'innovation'],
    [' 改革 试点（国家级） ', 'pilot'],
    ['ｍａｎｄａｔｅ', 'mandate'],
    ['Pilot', 'pilot'],
  ])('reads %s as %s', (label, list) => {
    expect(parseListLabel(label)).toBe(list);
  });
  it.each(['', '其他', '改革', '重大改革试点', '创新试点'])('refuses %s', (label) => {
    expect(parseListLabel(label)).toBeNull();
  });
});

describe('splitUnitNames', () => {
  it('splits on Chinese and Western separators and whitespace', () => {
    expect(splitUnitNames('市发改委、市财政局，市人力社保局,市自然资源和规划局；市生态环境局;市住建局')).toEqual([
      '市发改委',
      '市财政局',
      '市人力社保局',
      '市自然资源和规划局',
      '市生态环境局',
      '市住建局',
    ]);
    expect(splitUnitNames('市发改委\n市财政局  市商务局\u3000市科技局')).toEqual(['市发改委', '市财政局', '市商务局', '市科技局']);
  });
  it('drops empty pieces and repeats', () => {
    expect(splitUnitNames('、市发改委、、市财政局、市发改委、 ')).toEqual(['市发改委', '市财政局']);
    expect(splitUnitNames('')).toEqual([]);
    expect(splitUnitNames(' \n ')).toEqual([]);
  });
  it('does not split inside brackets', () => {
    expect(splitUnitNames('市财政局、各县（市、区）政府、嘉兴经济技术开发区(嘉兴国际商务区、马家浜)')).toEqual([
      '市财政局',
      '各县（市、区）政府',
      '嘉兴经济技术开发区(嘉兴国际商务区、马家浜)',
    ]);
  });
  it('drops a trailing 等 / 等单位 / 等部门', () => {
    expect(splitUnitNames('市发改委、市财政局等')).toEqual(['市发改委', '市财政局']);
    expect(splitUnitNames('市发改委、市财政局等部门')).toEqual(['市发改委', '市财政局']);
    expect(splitUnitNames('市发改委 等单位')).toEqual(['市发改委']);
    expect(splitUnitNames('市发改委、市发改委等')).toEqual(['市发改委']);
  });
});
