/**
 * Chinese keyword search without a Chinese word segmenter in the database: a task's text is
 * indexed as the set of its Han characters and adjacent Han pairs (bigrams), and its Latin
 * words and numbers with all their prefixes. A query is cut into words (`searchWords`, by the
 * platform's segmenter) and a task matches when it holds every word: a Han word as all its
 * pairs (a lone character as itself), a Latin word or number as a prefix. So "营商环境改革"
 * finds a task that speaks of 营商环境 in one place and 改革 in another. A task's code is also
 * indexed whole with its prefixes, and a query chunk that looks like a code (Latin letters and
 * digits joined by - _ / .) asks for that code prefix: "zd-2026-0" finds ZD-2026-007 and not
 * every text that mentions 2026.
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
 * Splits a query into the words a task must all hold: whitespace and punctuation separate
 * words, a chunk shaped like a code stays whole, Latin words and numbers stand alone, and a
 * Chinese run is cut by the platform's word segmenter (ICU, offline, the same in Node and the
 * browser). The segmenter knows common words (营商, 环境, 改革) but cuts names and rarer words
 * into single characters, and a lone character matches far too much, so adjacent single
 * characters are joined ("嘉善县") and a single character left alone joins the word before it
 * ("数字化"), or the one after when it leads ("市科技"). Lower-cased and width-folded; each once.
 */
export function searchWords(query: string): string[] {
  const words = new Set<string>();
  for (const chunk of normalise(query).split(/[^\p{L}\p{N}\-_/.]+/u)) {
    if (CODE_LIKE.test(chunk)) {
      words.add(chunk);
      continue;
    }
    for (const run of runsOf(chunk)) {
      if (run.han) for (const word of hanWords(run.text)) words.add(word);
      else words.add(run.text);
    }
  }
  return [...words];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function hanWords(run: string): string[] {
  // Adjacent single characters first become one piece…
  const pieces: string[] = [];
  let singles = '';
  for (const { segment } of segmenter.segment(run)) {
    if ([...segment].length === 1) singles += segment;
    else {
      if (singles) pieces.push(singles);
      singles = '';
      pieces.push(segment);
    }
  }
  if (singles) pieces.push(singles);
  // …then a piece still of one character joins its neighbour.
  const words: string[] = [];
  for (const piece of pieces) {
    const last = words.length - 1;
    if (last >= 0 && ([...piece].length === 1 || [...words[last]!].length === 1)) words[last] += piece;
    else words.push(piece);
  }
  return words;
}

/**
 * The terms of one query word: a code prefix (a word with - _ / . , which only a code-like chunk
 * keeps), a Latin prefix, a lone Han character or the pairs of a Han word.
 */
function wordTerms(word: string): string[] {
  if (/[-_/.]/.test(word)) return [CODE + [...word].slice(0, MAX_PREFIX).join('')];
  const chars = [...word];
  if (!HAN.test(chars[0]!)) return [chars.slice(0, MAX_PREFIX).join('')];
  if (chars.length === 1) return chars;
  return chars.slice(1).map((char, i) => chars[i]! + char);
}

/**
 * The terms a task must all have to match a query: those of each of its words
 * (`searchWords`). A task holds a word when it holds all of the word's terms, so the words of
 * a query may stand anywhere in the task's texts. Empty when the query has no letters or digits.
 */
export function searchQueryTerms(query: string): string[] {
  return [...new Set(searchWords(query).flatMap(wordTerms))];
}
