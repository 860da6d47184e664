import { normaliseHeader } from '@reform/domain';

/** Trimmed, runs of spaces collapsed, full-width ASCII folded: the form in which titles are compared. */
export function normaliseTitle(title: string): string {
  return title
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** The normalised header row: the key a column mapping is remembered by. */
export function headerKeyOf(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}
