/**
 * A number out of an answer, written the way the customer's locale writes numbers
 * ('1.234,56' in Brazil, '1,234.56' in the US), with currency and words around it.
 */
import { replaceEmojiDigits } from './emoji-digits.js';
import { type NumberSeparators, numberSeparators } from './locale-conventions.js';
import { type Parsed, fail, ok, rejectUnusable, single } from './parsed.js';

/**
 * A numeric token: digits with inner separators ('.', ',', apostrophe, no-break spaces as
 * Intl prints them) or a bare fraction ('.5'). A sign counts only when it starts a word,
 * so the dash in '11-98765' is not a minus.
 */
const NUMBER_TOKEN = /(?:(?<![\p{L}\p{N}])([-+\u2212]))?(\d+(?:[.,'\u00A0\u202F]\d+)*|[.,]\d+)/gu;
const SEPARATOR = /[.,'\u00A0\u202F]/gu;
const GROUP_ONLY = new Set(["'", '\u00A0', '\u202F']);

/** Digits split into thousands groups correctly ('1', '234', '567')? */
function isGrouped(parts: readonly string[]): boolean {
  const [first, ...rest] = parts;
  return first !== undefined && first.length >= 1 && first.length <= 3 && rest.every((part) => part.length === 3);
}

/**
 * Which separator in the token is the decimal point, `null` for a whole number, or
 * `undefined` when the token cannot be a number (misplaced groups).
 */
function decimalSeparatorOf(token: string, seps: readonly string[], parts: readonly string[], locale: NumberSeparators): string | null | undefined {
  const last = seps[seps.length - 1];
  if (last === undefined) return null;
  const kinds = new Set(seps);
  if (kinds.size > 1) {
    // '1.234,56' / '1,234.56': the last separator is the decimal point, wherever it's from.
    const valid = (last === '.' || last === ',') && seps.indexOf(last) === seps.length - 1 && isGrouped(parts.slice(0, -1));
    return valid ? last : undefined;
  }
  if (seps.length > 1 || GROUP_ONLY.has(last)) return isGrouped(parts) ? null : undefined;
  if (token.startsWith(last)) return last; // '.5', ',5'
  if (last === locale.decimal) return last;
  // A single locale *group* separator: '1.234' (pt-BR) is a thousand, but '12.5' or
  // '0.5' can only sensibly be a decimal typed with the "other" convention.
  const [whole = '', fraction = ''] = parts;
  const looksGrouped = fraction.length === 3 && whole.length <= 3 && whole !== '0';
  return looksGrouped ? null : last;
}

function tokenValue(sign: string | undefined, token: string, locale: NumberSeparators): number | undefined {
  const seps = token.match(SEPARATOR) ?? [];
  const parts = token.split(SEPARATOR);
  const decimal = decimalSeparatorOf(token, seps, parts, locale);
  if (decimal === undefined) return undefined;
  let digits = parts.join('');
  if (decimal !== null) {
    const fraction = parts[parts.length - 1] ?? '';
    digits = `${parts.slice(0, -1).join('') || '0'}.${fraction}`;
  }
  const value = Number(digits) * (sign === '-' || sign === '\u2212' ? -1 : 1);
  return value === 0 ? 0 : value; // no -0
}

/**
 * Reads a number, resolving '.'/',' by `locale` ('pt-BR': '1.234,56' -> 1234.56,
 * '12,5' -> 12.5; 'en': '1,234.56'). Currency and surrounding words are ignored
 * ('R$ 50' -> 50, 'uns 30 reais' -> 30). Unambiguous "foreign" notation is still read:
 * '1,234.56' in pt-BR is 1234.56 and '12.5' in pt-BR is 12.5, while '1.234' in pt-BR is 1234.
 * Space-grouped thousands ('1 234') are only read with no-break spaces.
 *
 * @returns `'ambiguous'` for two different numbers ('2 ou 3'), `'out_of_range'` for
 * numbers too large for a double, `'invalid'` when there is none. Never throws.
 */
export function parseNumber(text: string, locale: string): Parsed<number> {
  const unusable = rejectUnusable(text);
  if (unusable) return unusable;
  let separators: NumberSeparators;
  try {
    separators = numberSeparators(locale);
  } catch {
    separators = { decimal: '.', group: ',' };
  }
  const values: number[] = [];
  for (const match of replaceEmojiDigits(text).matchAll(NUMBER_TOKEN)) {
    const value = tokenValue(match[1], match[2] ?? '', separators);
    if (value === undefined) return fail('invalid');
    values.push(value);
  }
  const result = single(values, fail('invalid'));
  if (result.ok && !Number.isFinite(result.value)) return fail('out_of_range');
  return result.ok ? ok(result.value) : result;
}
