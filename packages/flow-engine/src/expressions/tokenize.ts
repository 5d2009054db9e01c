import { ParseFailure, atPosition } from './parse-error.js';

/**
 * `end` marks the end of the source; `close` marks the `}}` that ends a template
 * placeholder (only produced in template mode).
 */
export type TokenKind = 'number' | 'string' | 'name' | 'op' | 'end' | 'close';

export interface Token {
  kind: TokenKind;
  /** Raw text as written (operator text for `op`, normalised for `===`/`!==`). */
  text: string;
  /** Decoded value for numbers and strings. */
  value?: string | number;
  /** 0-based offset in the full source. */
  offset: number;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Offset just past the last consumed character (past `}}` in template mode). */
  end: number;
}

// Longest first so `<=` wins over `<`.
const OPERATORS = [
  '===', '!==', '==', '!=', '<=', '>=', '&&', '||',
  '(', ')', '[', ']', ',', '.', '?', ':', '!', '+', '-', '*', '/', '%', '<', '>', '|',
] as const;

const ALIASES: Readonly<Record<string, string>> = { '===': '==', '!==': '!=' };

// Friendly hints for operators people carry over from other languages.
const HINTS: Readonly<Record<string, string>> = { '=': ' (use "==" to compare)', '&': ' (use "&&" or "and")' };

const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/u;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

/**
 * Splits expression source into tokens, starting at `start`. In `template` mode it stops
 * after the first `}}` outside a string; otherwise it runs to the end of `source`.
 * Throws {@link ParseFailure} on a lexical error.
 */
export function tokenize(source: string, start = 0, mode: 'expression' | 'template' = 'expression'): TokenizeResult {
  const tokens: Token[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (SPACE.test(ch)) {
      i += 1;
      continue;
    }
    if (mode === 'template' && source.startsWith('}}', i)) {
      tokens.push({ kind: 'close', text: '}}', offset: i });
      return { tokens, end: i + 2 };
    }
    const previous = tokens[tokens.length - 1];
    const afterDot = previous?.kind === 'op' && previous.text === '.';
    if (NAME_START.test(ch) || (afterDot && NAME_PART.test(ch))) {
      // After a dot any word is a key, so `items.0` and `order.in` read as paths.
      let j = i + 1;
      while (j < source.length && NAME_PART.test(source.charAt(j))) j += 1;
      tokens.push({ kind: 'name', text: source.slice(i, j), offset: i });
      i = j;
      continue;
    }
    if (DIGIT.test(ch)) {
      i = readNumber(source, i, tokens);
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = readString(source, i, tokens);
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (op === undefined) {
      throw new ParseFailure(`Unexpected "${ch}" ${atPosition(i)}${HINTS[ch] ?? ''}`, i);
    }
    tokens.push({ kind: 'op', text: ALIASES[op] ?? op, offset: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return { tokens, end: source.length };
}

function readNumber(source: string, start: number, tokens: Token[]): number {
  let j = start;
  while (j < source.length && DIGIT.test(source.charAt(j))) j += 1;
  // A fraction needs a digit after the dot; `1.foo` is not a number.
  if (source.charAt(j) === '.' && DIGIT.test(source.charAt(j + 1))) {
    j += 1;
    while (j < source.length && DIGIT.test(source.charAt(j))) j += 1;
  }
  const text = source.slice(start, j);
  tokens.push({ kind: 'number', text, value: Number(text), offset: start });
  return j;
}

function readString(source: string, start: number, tokens: Token[]): number {
  const quote = source.charAt(start);
  let value = '';
  let j = start + 1;
  while (j < source.length) {
    const ch = source.charAt(j);
    if (ch === quote) {
      tokens.push({ kind: 'string', text: source.slice(start, j + 1), value, offset: start });
      return j + 1;
    }
    if (ch === '\\' && j + 1 < source.length) {
      const next = source.charAt(j + 1);
      value += ESCAPES[next] ?? next;
      j += 2;
      continue;
    }
    value += ch;
    j += 1;
  }
  throw new ParseFailure(`Unterminated string starting ${atPosition(start)}`, start);
}
