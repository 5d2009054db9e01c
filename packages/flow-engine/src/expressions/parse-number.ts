import { resolveLocale } from './format.js';
import { toNumber } from './coerce.js';

// Optional sign, optional currency prefix ("R$", "US$", "$"), digits with separators,
// optional ISO code suffix ("BRL"). Whitespace is removed first.
const MONEY_LIKE = /^([+-]?)(?:[A-Za-z]{0,3}\p{Sc})?([+-]?)(\d[\d.,]*)(?:[A-Z]{3})?$/u;

/**
 * Parses numbers as people type them: `1.234,56` and `1,234.56` both give 1234.56,
 * `R$ 12,50` gives 12.5. When both separators appear, the last one is the decimal
 * point. A single separator followed by exactly three digits (`1.234`) is ambiguous and
 * read the way `locale` writes numbers (pt-BR: 1234, en: 1.234). Otherwise a single
 * separator is the decimal point. Unparseable text -> null.
 */
export function parseLocalizedNumber(text: string, locale: string): number | null {
  const compact = text.replace(/\s+/gu, '');
  const match = MONEY_LIKE.exec(compact);
  if (match === null) return toNumber(text);
  const [, outerSign = '', innerSign = '', digits = ''] = match;
  const normalised = normaliseSeparators(digits, resolveLocale(locale) === 'pt-BR' ? ',' : '.');
  if (normalised === null) return null;
  const value = Number(normalised);
  if (!Number.isFinite(value)) return null;
  const negative = (outerSign === '-') !== (innerSign === '-');
  return negative ? -value : value;
}

/** Rewrites `digits` with '.' as decimal point and no grouping, or null if malformed. */
function normaliseSeparators(digits: string, localeDecimal: ',' | '.'): string | null {
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot === -1 && lastComma === -1) return digits;
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const cut = Math.max(lastDot, lastComma);
    const whole = digits.slice(0, cut);
    const fraction = digits.slice(cut + 1);
    if (whole.includes(decimal) || !isGrouped(whole, group) || !/^\d+$/.test(fraction)) return null;
    return `${whole.split(group).join('')}.${fraction}`;
  }
  const separator = lastDot !== -1 ? '.' : ',';
  const pieces = digits.split(separator);
  if (pieces.length > 2) return isGrouped(digits, separator) ? pieces.join('') : null;
  const [whole = '', fraction = ''] = pieces;
  if (!/^\d+$/.test(fraction)) return null;
  const ambiguous = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  const isGrouping = ambiguous && separator !== localeDecimal;
  return isGrouping ? `${whole}${fraction}` : `${whole}.${fraction}`;
}

/** `1.234.567` style: a 1-3 digit head, then groups of exactly three. */
function isGrouped(text: string, group: string): boolean {
  const [head = '', ...rest] = text.split(group);
  if (rest.length === 0) return /^\d+$/.test(head);
  return /^\d{1,3}$/.test(head) && rest.every((piece) => /^\d{3}$/.test(piece));
}
