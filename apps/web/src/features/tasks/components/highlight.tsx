import { Fragment } from 'react';

/** The text with each of the words marked, in any case or width (words as the server cut the query, lower-cased). */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  const ranges = rangesOf(text, words);
  if (ranges.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<Fragment key={at}>{text.slice(at, start)}</Fragment>);
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(<Fragment key={at}>{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/** Where the words stand in the text, overlapping ones merged, in order. */
function rangesOf(text: string, words: readonly string[]): [number, number][] {
  // Folded one UTF-16 unit at a time, so positions in it are positions in the text.
  const folded = [...text].map((char) => {
    const fold = char.normalize('NFKC').toLowerCase();
    return fold.length === char.length ? fold : char;
  }).join('');
  const found: [number, number][] = [];
  for (const word of words) {
    if (!word) continue;
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) found.push([at, at + word.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
