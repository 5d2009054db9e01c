import { arrayItems, cleanNumber, foldText, toNumber, toScalarText, toText } from './coerce.js';
import { compareValues, looseEquals } from './compare.js';
import type { BinaryOperator, Value } from './types.js';

/** Applies a (non short-circuit) binary operator. Total: bad operand types give null/false. */
export function applyBinary(operator: BinaryOperator, left: Value, right: Value): Value {
  switch (operator) {
    case '==':
      return looseEquals(left, right);
    case '!=':
      return !looseEquals(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(operator, left, right);
    case '+':
      return add(left, right);
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(operator, left, right);
    case 'contains':
      return contains(left, right);
    case 'in':
      return contains(right, left);
    case 'startsWith':
      return affix(left, right, (text, part) => text.startsWith(part));
    case 'endsWith':
      return affix(left, right, (text, part) => text.endsWith(part));
    default:
      return undefined;
  }
}

function compare(operator: '<' | '<=' | '>' | '>=', left: Value, right: Value): boolean {
  const order = compareValues(left, right);
  if (order === null) return false;
  if (operator === '<') return order < 0;
  if (operator === '<=') return order <= 0;
  if (operator === '>') return order > 0;
  return order >= 0;
}

/** `+` concatenates when either side is text ("Olá " + name); otherwise adds numbers. */
function add(left: Value, right: Value): Value {
  if (typeof left === 'string' || typeof right === 'string') return toText(left) + toText(right);
  if (typeof left === 'number' && typeof right === 'number') return cleanNumber(left + right);
  return null;
}

function arithmetic(operator: '-' | '*' | '/' | '%', left: Value, right: Value): Value {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === null || b === null) return null;
  if (operator === '-') return cleanNumber(a - b);
  if (operator === '*') return cleanNumber(a * b);
  // Division by zero has no sensible value in a message or condition: null, not Infinity.
  if (b === 0) return null;
  return cleanNumber(operator === '/' ? a / b : a % b);
}

/**
 * Text contains text ignoring case and accents ("São Paulo" contains "sao"); an array
 * contains an element that is `==` to the needle, or the same text ignoring case and
 * accents (tags typed as "VIP" match "vip").
 */
function contains(haystack: Value, needle: Value): boolean {
  if (Array.isArray(haystack)) {
    const needleText = typeof needle === 'string' ? foldText(needle) : undefined;
    return arrayItems(haystack).some(
      (item) => looseEquals(item, needle) || (needleText !== undefined && typeof item === 'string' && foldText(item) === needleText),
    );
  }
  return affix(haystack, needle, (text, part) => text.includes(part));
}

function affix(subject: Value, part: Value, test: (text: string, part: string) => boolean): boolean {
  const text = toScalarText(subject);
  const piece = toScalarText(part);
  if (text === undefined || piece === undefined) return false;
  return test(foldText(text), foldText(piece));
}
