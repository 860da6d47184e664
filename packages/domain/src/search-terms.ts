/**
 * Chinese keyword search without a Chinese word segmenter: a task's text is indexed as the
 * set of its Han characters and adjacent Han pairs (bigrams), and its Latin words and numbers
 * with all their prefixes. A query is turned into terms the same way and matches a task that
 * has all of them, so a one- or two-character query is an exact substring match, a longer one
 * matches every text that contains all its pairs (in practice the phrase itself). A task's code
 * is also indexed whole with its prefixes, and a query that looks like a code (Latin letters
 * and digits joined by - _ / .) asks for that code prefix alone: "zd-2026-0" finds ZD-2026-007
 * and not every text that mentions 2026.
 *
 * The terms are stored as a text[] per task with a GIN index (`task_search`), which serves
 * "has all of these" (`@>`) on PGlite and PostgreSQL alike.
 */

const HAN = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Latin words and codes longer than this are indexed by their first characters only. */
const MAX_PREFIX = 24;
/** Marks a code prefix, so that it never meets a word of the same letters. */
const CODE = '#';
const CODE_LIKE = /^(?=.*[a-z])(?=.*\d)[a-z\d]+(?:[-_/.][a-z\d]*)*$|^[a-z\d]+(?:[-_/.][a-z\d]*)+$/;

function normalise(text: string): string {
  // NFKC folds full-width letters and digits (ＺＤ２０２６) into their ASCII forms.
  return text.normalize('NFKC').toLowerCase();
}

function prefixesOf(chars: readonly string[], into: Set<string>, mark = ''): void {
  for (let end = 1; end <= Math.min(chars.length, MAX_PREFIX); end++) into.add(mark + chars.slice(0, end).join(''));
}

type Run = { han: boolean; text: string };

/** Splits text into runs of Han characters and runs of other letters/digits; everything else separates. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const char of normalise(text)) {
    const han = HAN.test(char);
    if (!han && !WORD_CHAR.test(char)) {
      current = null;
      continue;
    }
    if (current && current.han === han) current.text += char;
    else {
      current = { han, text: char };
      runs.push(current);
    }
  }
  return runs;
}

/** Every term of a task's code and texts, each once. */
export function searchTermsOf(task: { code: string; texts: readonly string[] }): string[] {
  const terms = new Set<string>();
  prefixesOf([...normalise(task.code).replace(/\s+/g, '')], terms, CODE);
  for (const text of [task.code, ...task.texts]) {
    for (const run of runsOf(text)) {
      const chars = [...run.text];
      if (run.han) {
        for (let i = 0; i < chars.length; i++) {
          terms.add(chars[i]!);
          if (i + 1 < chars.length) terms.add(chars[i]! + chars[i + 1]!);
        }
      } else prefixesOf(chars, terms);
    }
  }
  return [...terms];
}

/**
 * The terms a task must all have to match a query: the pairs of each Han run (a lone Han
 * character is itself), and each Latin word or number (matched as a prefix). Empty when the
 * query has no letters or digits.
 */
export function searchQueryTerms(query: string): string[] {
  const compact = normalise(query).trim();
  if (CODE_LIKE.test(compact)) return [CODE + [...compact].slice(0, MAX_PREFIX).join('')];
  const terms = new Set<string>();
  for (const run of runsOf(query)) {
    const chars = [...run.text];
    if (!run.han) terms.add(chars.slice(0, MAX_PREFIX).join(''));
    else if (chars.length === 1) terms.add(chars[0]!);
    else for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
  }
  return [...terms];
}
