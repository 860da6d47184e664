import { describe, expect, it } from 'vitest';
import { searchQueryTerms, searchTermsOf, searchWords } from '../src/search-terms.ts';

/** Whether a task with these texts is found by the query, as the database decides it (`terms @> query`). */
function matches(texts: string[], query: string, code = 'CX-2025-031'): boolean {
  const terms = new Set(searchTermsOf({ code, texts }));
  const wanted = searchQueryTerms(query);
  return wanted.length > 0 && wanted.every((term) => terms.has(term));
}

describe('searchTermsOf', () => {
  it('indexes each Han character and each adjacent pair, once', () => {
    expect(searchTermsOf({ code: '', texts: ['改革试点', '改革'] }).sort()).toEqual(['改', '改革', '革', '革试', '试', '试点', '点'].sort());
  });
  it('does not pair characters across punctuation or Latin text', () => {
    const terms = searchTermsOf({ code: '', texts: ['改革，试点 ZD试'] });
    expect(terms).not.toContain('革试');
    expect(terms).not.toContain('d试');
  });
  it('indexes Latin words and numbers with their prefixes, lower-cased and width-folded', () => {
    expect(searchTermsOf({ code: '', texts: ['ZD ２０２６'] })).toEqual(['z', 'zd', '2', '20', '202', '2026']);
  });
  it('indexes the code whole, with its prefixes, apart from words', () => {
    const terms = searchTermsOf({ code: 'ZD-7', texts: [] });
    expect(terms).toEqual(expect.arrayContaining(['#z', '#zd', '#zd-', '#zd-7', 'zd', '7']));
  });
});

describe('searchQueryTerms', () => {
  it('asks for the pairs of each word of a Chinese phrase, not the pairs across words', () => {
    expect(searchQueryTerms('科技金融')).toEqual(['科技', '金融']);
    expect(searchQueryTerms('嘉善县改革办')).toEqual(['嘉善', '善县', '改革', '革办']);
  });
  it('asks for a lone character as itself', () => {
    expect(searchQueryTerms('税')).toEqual(['税']);
  });
  it('has no terms for a query of punctuation only', () => {
    expect(searchQueryTerms('——，。 ')).toEqual([]);
  });
});

describe('searchWords', () => {
  it('cuts a Chinese phrase into the words of the segmenter', () => {
    expect(searchWords('营商环境改革')).toEqual(['营商', '环境', '改革']);
    expect(searchWords('科技金融')).toEqual(['科技', '金融']);
  });
  it('joins single characters the segmenter leaves, so a name or a suffix stays in one word', () => {
    expect(searchWords('嘉善县改革办')).toEqual(['嘉善县', '改革办']);
    expect(searchWords('数字化改革')).toEqual(['数字化', '改革']);
    expect(searchWords('王小明')).toEqual(['王小明']);
    expect(searchWords('税')).toEqual(['税']);
  });
  it('splits at spaces and punctuation, keeps a code whole, and folds case and width', () => {
    expect(searchWords('ＺＤ-2026-01　数字，改革')).toEqual(['zd-2026-01', '数字', '改革']);
    expect(searchWords('5G网络')).toEqual(['5g', '网络']);
    expect(searchWords('改革 改革')).toEqual(['改革']);
    expect(searchWords('——，。 ')).toEqual([]);
  });
});

describe('search semantics', () => {
  const task = ['科技金融改革试验区建设', '推进“最多跑一次”改革，2026年底前完成', '任务编号参照 ZD-2025-007'];
  it('finds one- and two-character words anywhere', () => {
    expect(matches(task, '改革')).toBe(true);
    expect(matches(task, '跑')).toBe(true);
    expect(matches(task, '税')).toBe(false);
  });
  it('finds a longer phrase by its words, wherever they stand, and not when a word is missing', () => {
    expect(matches(task, '科技金融')).toBe(true);
    expect(matches(task, '最多跑一次')).toBe(true);
    expect(matches(task, '金融科技')).toBe(true);
    expect(matches(task, '试验区改革')).toBe(true);
    expect(matches(task, '营商环境改革')).toBe(false);
    expect(matches(['优化营商环境', '深化改革'], '营商环境改革')).toBe(true);
  });
  it('finds a code by its beginning, in any case, and not by words elsewhere that spell it', () => {
    const code = 'ZD-2026-007';
    expect(matches(task, 'zd-2026-0', code)).toBe(true);
    expect(matches(task, 'ＺＤ-2026-007', code)).toBe(true);
    expect(matches(task, 'zd2026', 'ZD2026007')).toBe(true);
    expect(matches(task, 'ZD-2026-008', code)).toBe(false);
    expect(matches(task, 'ZD-2025-007', code)).toBe(false);
  });
  it('finds Latin words and numbers by their beginning', () => {
    expect(matches(task, '2026')).toBe(true);
    expect(matches(task, '202')).toBe(true);
  });
  it('needs every word of a query with several', () => {
    expect(matches(task, '改革 试验区')).toBe(true);
    expect(matches(task, '改革 乡村')).toBe(false);
  });
});
