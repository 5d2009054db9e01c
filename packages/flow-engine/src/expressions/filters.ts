import { isBlank, sanitizeValue, toNumber, toScalarText, toText } from './coerce.js';
import { formatCurrency, formatDate, formatNumber } from './format.js';
import type { DateStyle } from './format.js';
import { parseLocalizedNumber } from './parse-number.js';
import type { FilterName, FormatEnv, Value } from './types.js';

interface FilterSpec {
  /** Fewest and most arguments after the colon; checked when the template is parsed. */
  min: number;
  max: number;
  apply(value: Value, args: readonly Value[], env: FormatEnv): Value;
}

/** Amounts often arrive as text ("129,90"); read them the way the account's locale writes them. */
function amount(value: Value, env: FormatEnv): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? parseLocalizedNumber(value, env.locale) : null;
}

function dateText(value: Value, env: FormatEnv, style: DateStyle): string {
  return typeof value === 'string' || typeof value === 'number' ? formatDate(value, env, style) : '';
}

const DATE_STYLES: readonly DateStyle[] = ['short', 'long', 'datetime', 'time'];

function dateStyle(arg: Value): DateStyle {
  return DATE_STYLES.find((style) => style === arg) ?? 'short';
}

// Lower-case linking words in names: "MARIA DA SILVA" -> "Maria da Silva".
const PARTICLES: ReadonlySet<string> = new Set(['da', 'das', 'de', 'del', 'der', 'di', 'do', 'dos', 'du', 'e', 'van', 'von', 'y']);

function capitalize(text: string): string {
  let first = true;
  return text.toLowerCase().replace(/\p{L}[\p{L}\p{M}'’]*/gu, (word) => {
    const keep = !first && PARTICLES.has(word);
    first = false;
    if (keep) return word;
    const [head = '', ...rest] = Array.from(word);
    return head.toUpperCase() + rest.join('');
  });
}

/** Cuts to at most `limit` characters including the ellipsis; never splits an emoji. */
function truncate(text: string, limitValue: Value): string {
  const limit = toNumber(limitValue);
  if (limit === null) return text;
  const max = Math.max(0, Math.trunc(limit));
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max === 0) return '';
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

function json(value: Value): string {
  try {
    return JSON.stringify(sanitizeValue(value)) ?? '';
  } catch {
    return '';
  }
}

function textFilter(change: (text: string) => string): FilterSpec {
  return { min: 0, max: 0, apply: (value) => change(toText(value)) };
}

/** The fixed whitelist of template filters. */
export const FILTERS: Readonly<Record<FilterName, FilterSpec>> = {
  currency: {
    min: 0,
    max: 1,
    apply: (value, [code], env) => {
      const n = amount(value, env);
      return n === null ? '' : formatCurrency(n, env, toScalarText(code) ?? env.currency);
    },
  },
  number: {
    min: 0,
    max: 1,
    apply: (value, [decimals], env) => {
      const n = amount(value, env);
      return n === null ? '' : formatNumber(n, env, toNumber(decimals) ?? undefined);
    },
  },
  date: { min: 0, max: 1, apply: (value, [style], env) => dateText(value, env, dateStyle(style)) },
  datetime: { min: 0, max: 0, apply: (value, _args, env) => dateText(value, env, 'datetime') },
  time: { min: 0, max: 0, apply: (value, _args, env) => dateText(value, env, 'time') },
  upper: textFilter((text) => text.toUpperCase()),
  lower: textFilter((text) => text.toLowerCase()),
  capitalize: textFilter(capitalize),
  trim: textFilter((text) => text.trim()),
  first_word: textFilter((text) => text.trim().split(/\s+/u)[0] ?? ''),
  default: { min: 1, max: 1, apply: (value, [fallback]) => (isBlank(value) ? fallback : value) },
  truncate: { min: 1, max: 1, apply: (value, [limit]) => truncate(toText(value), limit) },
  json: { min: 0, max: 0, apply: (value) => json(value) },
  // For values placed inside a URL (an order number typed as '#1043' must not cut the path).
  url: textFilter((text) => encodeURIComponent(text)),
};

/** True when `name` is a whitelisted filter (own key only). */
export function isFilterName(name: string): name is FilterName {
  return Object.hasOwn(FILTERS, name);
}
