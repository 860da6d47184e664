import type { TaskList } from '@reform/contracts';

/** How each list is written in a task code. */
export type ListPrefixes = Record<TaskList, string>;

export const defaultListPrefixes: ListPrefixes = { mandate: 'ZD', pilot: 'SD', innovation: 'CX' };

/** ZD-2026-007: list prefix, year, sequence padded to three digits. */
export const defaultTaskCodePattern = '{list}-{year}-{seq:3}';

export interface TaskCodeParts {
  list: TaskList;
  year: number;
}

type Token = { kind: 'text'; text: string } | { kind: 'list' } | { kind: 'year' } | { kind: 'seq'; width: number };

const TOKEN_HELP = '可用：{list}、{year}、{seq}、{seq:N}';

/** Splits a pattern into literal text and tokens, collecting problems instead of stopping at the first. */
function tokenize(pattern: string): { tokens: Token[]; problems: string[] } {
  const tokens: Token[] = [];
  const problems: string[] = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (const match of pattern.matchAll(re)) {
    tokens.push({ kind: 'text', text: pattern.slice(last, match.index) });
    last = match.index + match[0].length;
    const body = match[1]!.trim();
    const seq = /^seq(?::(\d+))?$/.exec(body);
    if (body === 'list' || body === 'year') tokens.push({ kind: body });
    else if (seq) {
      const width = seq[1] === undefined ? 0 : Number(seq[1]);
      if (seq[1] !== undefined && !(width >= 1 && width <= 9)) problems.push(`“${match[0]}”的位数须为 1–9`);
      tokens.push({ kind: 'seq', width });
    } else problems.push(`编号规则中的“${match[0]}”无法识别，${TOKEN_HELP}`);
  }
  tokens.push({ kind: 'text', text: pattern.slice(last) });
  if (tokens.some((t) => t.kind === 'text' && /[{}]/.test(t.text))) problems.push('编号规则中的花括号不成对');
  return { tokens: tokens.filter((t) => t.kind !== 'text' || t.text !== ''), problems };
}

/** Problems with a code pattern, in Chinese; empty when the pattern is usable. */
export function validateCodePattern(pattern: string): string[] {
  const { tokens, problems } = tokenize(pattern);
  const required = [
    ['list', '{list}（清单类别）'],
    ['year', '{year}（年度）'],
    ['seq', '{seq}（序号）'],
  ] as const;
  for (const [kind, label] of required) {
    const count = tokens.filter((t) => t.kind === kind).length;
    if (count === 0) problems.push(`编号规则缺少 ${label}`);
    // One of each, so that a code can be read back unambiguously.
    if (count > 1) problems.push(`编号规则中 ${label} 只能出现一次`);
  }
  return problems;
}

function usableTokens(pattern: string): Token[] {
  const problems = validateCodePattern(pattern);
  if (problems.length > 0) throw new Error(problems.join('；'));
  return tokenize(pattern).tokens;
}

export function formatTaskCode(
  pattern: string,
  parts: TaskCodeParts & { seq: number },
  prefixes: ListPrefixes = defaultListPrefixes,
): string {
  if (!(Number.isInteger(parts.seq) && parts.seq >= 1)) throw new RangeError(`序号须为正整数：${parts.seq}`);
  return usableTokens(pattern)
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'list':
          return prefixes[parts.list];
        case 'year':
          return String(parts.year);
        case 'seq':
          return String(parts.seq).padStart(t.width, '0');
      }
    })
    .join('');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sequence number for the next task of a list and year: one more than the highest existing
 * code of that list and year. Codes are never reused, so gaps left by deleted tasks stay gaps.
 * Codes of other lists or years, and codes not written by this pattern, are ignored.
 */
export function nextSequence(
  existingCodes: readonly string[],
  pattern: string,
  parts: TaskCodeParts,
  prefixes: ListPrefixes = defaultListPrefixes,
): number {
  const source = usableTokens(pattern)
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return escapeRegExp(t.text);
        case 'list':
          return escapeRegExp(prefixes[parts.list]);
        case 'year':
          return String(parts.year);
        case 'seq':
          return '(\\d+)';
      }
    })
    .join('');
  // Case-insensitive: a code typed as zd-2026-007 still holds number 7.
  const re = new RegExp(`^${source}$`, 'i');
  let highest = 0;
  for (const code of existingCodes) {
    const digits = re.exec(code.trim())?.[1];
    if (digits !== undefined) highest = Math.max(highest, Number(digits));
  }
  return highest + 1;
}
