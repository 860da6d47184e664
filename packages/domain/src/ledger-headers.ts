import type { TaskList } from '@reform/contracts';

export type LedgerField =
  | 'seq'
  | 'code'
  | 'title'
  | 'list'
  | 'field'
  | 'objective'
  | 'expectedOutcome'
  | 'leadUnit'
  | 'leadLeader'
  | 'cooperatingUnits'
  | 'deadline'
  | 'sourceDocument'
  | 'remarks';

/** The header names people actually use, first one being how the office itself writes it. */
export const ledgerHeaderNames: Record<LedgerField, readonly string[]> = {
  seq: ['序号'],
  code: ['任务编号', '编号'],
  title: ['改革任务', '任务名称', '改革事项', '改革项目', '任务', '改革任务名称'],
  list: ['清单类别', '类别', '清单', '清单类型'],
  field: ['改革领域', '领域'],
  objective: ['目标任务', '工作目标', '主要举措', '具体举措', '改革目标'],
  expectedOutcome: ['预期成果', '成果形式'],
  leadUnit: ['牵头单位', '责任单位', '主责单位'],
  leadLeader: ['领衔领导', '责任领导', '牵头领导', '分管领导'],
  cooperatingUnits: ['配合单位', '协同单位', '参与单位'],
  deadline: ['完成时限', '时间节点', '完成时间', '截止时间'],
  sourceDocument: ['文件依据', '依据'],
  remarks: ['备注'],
};

/** Without these a row cannot become a task. */
export const requiredLedgerFields: readonly LedgerField[] = ['title', 'leadUnit', 'deadline'];

export interface RecognisedColumn {
  index: number;
  header: string;
  field: LedgerField | null;
}

/**
 * Reduces a header to what identifies it: full-width forms folded (NFKC), trailing notes such as
 * （必填） or (如:2025年6月30日) dropped, then every space, line break and punctuation mark removed.
 */
export function normaliseHeader(header: string): string {
  let text = header.normalize('NFKC').trim();
  for (let prev = ''; prev !== text; ) {
    prev = text;
    text = text.replace(/\s*[([【][^()[\]【】]*[)\]】]\s*$/u, '').trim();
  }
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

const fieldByName = new Map<string, LedgerField>(
  Object.entries(ledgerHeaderNames).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field as LedgerField] as const),
  ),
);

/**
 * Recognises a ledger's columns by their usual names, without any mapping. When two columns mean
 * the same field the first wins and the second is left unrecognised, so nothing is read twice.
 */
export function recogniseHeaders(headers: readonly string[]): { columns: RecognisedColumn[]; missing: LedgerField[] } {
  const seen = new Set<LedgerField>();
  const columns = headers.map((header, index) => {
    let field = fieldByName.get(normaliseHeader(header)) ?? null;
    if (field !== null && seen.has(field)) field = null;
    if (field !== null) seen.add(field);
    return { index, header, field };
  });
  return { columns, missing: requiredLedgerFields.filter((f) => !seen.has(f)) };
}

// A label naming more than one list (重大改革试点) is left for a person to decide.
const listKeywords: [TaskList, RegExp][] = [
  ['mandate', /重大改革|统一部署|^mandate$/i],
  ['pilot', /试点|^pilot$/i],
  ['innovation', /创新|地方改革项目|^innovation$/i],
];

/** Which of the three lists a 清单类别 cell names, or null when it is blank, unknown or ambiguous. */
export function parseListLabel(text: string): TaskList | null {
  const label = normaliseHeader(text);
  const lists = listKeywords.filter(([, re]) => re.test(label)).map(([list]) => list);
  return lists.length === 1 ? lists[0]! : null;
}

const OPENING = '(（[【';
const CLOSING = ')）]】';

/**
 * Splits a 配合单位 cell into unit names on 、，,；; and whitespace, but not inside brackets, so
 * that 各县（市、区） stays one name. A trailing 等 / 等单位 / 等部门 is dropped; repeats are removed.
 */
export function splitUnitNames(text: string): string[] {
  const names: string[] = [];
  let current = '';
  let depth = 0;
  const flush = () => {
    const name = current.trim();
    if (name !== '' && !names.includes(name)) names.push(name);
    current = '';
  };
  for (const char of text) {
    if (OPENING.includes(char)) depth++;
    else if (CLOSING.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、，,；;\s]/.test(char)) flush();
    else current += char;
  }
  flush();
  const last = names.pop();
  const trimmed = last?.replace(/等(单位|部门)?$/, '');
  if (trimmed && !names.includes(trimmed)) names.push(trimmed);
  return names;
}
