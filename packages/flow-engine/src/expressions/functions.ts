import { arrayItems, cleanNumber, foldText, isBlank, isPlainObject, toNumber, toScalarText, toText } from './coerce.js';
import { parseLocalizedNumber } from './parse-number.js';
import type { FormatEnv, FunctionName, Value } from './types.js';

interface FunctionSpec {
  /** Fewest and most arguments accepted; checked when the expression is parsed. */
  min: number;
  max: number;
  apply(args: readonly Value[], env: FormatEnv): Value;
}

const MANY = Number.POSITIVE_INFINITY;

/** Text functions pass missing values through so `lower(x) == "a"` stays false, not an error. */
function mapText(value: Value, change: (text: string) => string): Value {
  const text = toScalarText(value);
  return text === undefined ? undefined : change(text);
}

function mathFunction(operation: (n: number) => number): FunctionSpec {
  return {
    min: 1,
    max: 1,
    apply: ([value]) => {
      const n = toNumber(value);
      return n === null ? null : cleanNumber(operation(n));
    },
  };
}

// reduce instead of Math.min(...spread): a huge array in scope must not overflow the stack.
/** Numbers among the arguments, looking one level into arrays: `max(cart.prices)`. */
function numbersIn(args: readonly Value[]): number[] {
  const flat = args.flatMap((arg) => (Array.isArray(arg) ? arrayItems(arg) : [arg]));
  return flat.map((value) => toNumber(value)).filter((n): n is number => n !== null);
}

function length(value: Value): number {
  if (typeof value === 'string') return Array.from(value).length;
  if (Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  return value === undefined || value === null ? 0 : toText(value).length;
}

/** Half away from zero, after trimming float noise so round(1.005, 2) is 1.01. */
function round(value: Value, digits: Value): Value {
  const n = toNumber(value);
  if (n === null) return null;
  const places = Math.min(10, Math.max(0, Math.trunc(toNumber(digits ?? 0) ?? 0)));
  const factor = 10 ** places;
  const scaled = Number((Math.abs(n) * factor).toPrecision(15));
  return cleanNumber((Math.sign(n) * Math.round(scaled)) / factor);
}

function toNumberValue(value: Value, env: FormatEnv): Value {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parseLocalizedNumber(value, env.locale);
  return null;
}

function isEmpty(value: Value): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

/** The fixed whitelist of functions expressions may call. */
export const FUNCTIONS: Readonly<Record<FunctionName, FunctionSpec>> = {
  lower: { min: 1, max: 1, apply: ([value]) => mapText(value, (text) => text.toLowerCase()) },
  upper: { min: 1, max: 1, apply: ([value]) => mapText(value, (text) => text.toUpperCase()) },
  trim: { min: 1, max: 1, apply: ([value]) => mapText(value, (text) => text.trim()) },
  normalize: { min: 1, max: 1, apply: ([value]) => mapText(value, (text) => foldText(text.trim())) },
  len: { min: 1, max: 1, apply: ([value]) => length(value) },
  round: { min: 1, max: 2, apply: ([value, digits]) => round(value, digits) },
  floor: mathFunction(Math.floor),
  ceil: mathFunction(Math.ceil),
  abs: mathFunction(Math.abs),
  min: {
    min: 1,
    max: MANY,
    apply: (args) => {
      const numbers = numbersIn(args);
      return numbers.length === 0 ? null : numbers.reduce((a, b) => Math.min(a, b));
    },
  },
  max: {
    min: 1,
    max: MANY,
    apply: (args) => {
      const numbers = numbersIn(args);
      return numbers.length === 0 ? null : numbers.reduce((a, b) => Math.max(a, b));
    },
  },
  number: { min: 1, max: 1, apply: ([value], env) => toNumberValue(value, env) },
  string: { min: 1, max: 1, apply: ([value]) => toText(value) },
  isEmpty: { min: 1, max: 1, apply: ([value]) => isEmpty(value) },
  coalesce: { min: 1, max: MANY, apply: (args) => args.find((value) => !isBlank(value)) },
};

/** True when `name` is a whitelisted function (own key only: `toString` is not one). */
export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
