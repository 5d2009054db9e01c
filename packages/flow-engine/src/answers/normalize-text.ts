/**
 * Canonical form of free text for comparisons: what a customer types ("Não!! 👍") and
 * what a flow author wrote ("nao") must meet in the middle.
 */

const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE = /\s+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Anchored on a letter/digit so the scan stays linear on long runs of punctuation.
const LAST_LETTER_OR_DIGIT = /[\p{L}\p{N}][^\p{L}\p{N}]*$/u;

/** Drops everything before the first and after the last letter/digit (emoji, punctuation, spaces). */
export function trimToLettersAndDigits(s: string): string {
  const start = s.search(LETTER_OR_DIGIT);
  if (start < 0) return '';
  const tail = LAST_LETTER_OR_DIGIT.exec(s);
  if (!tail) return '';
  const lastChar = String.fromCodePoint(s.codePointAt(tail.index) ?? 0);
  return s.slice(start, tail.index + lastChar.length);
}

/**
 * Lower-cases, removes accents and other combining marks, strips emoji/punctuation at both
 * ends, collapses inner whitespace and trims. `'  Não!! 👍 '` -> `'nao'`.
 *
 * Uses compatibility decomposition (NFKD, a superset of NFD), so look-alikes such as
 * full-width digits, 'º' and ligatures fold to plain letters/digits too. A keycap emoji
 * ('2️⃣') folds to its digit because its keycap and variation selector are marks.
 */
export function normalizeText(s: string): string {
  const folded = s.normalize('NFKD').toLowerCase().normalize('NFKD').replace(COMBINING_MARKS, '');
  return trimToLettersAndDigits(folded).replace(WHITESPACE, ' ');
}

/** Whole words of already-normalised text. */
export function words(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}
