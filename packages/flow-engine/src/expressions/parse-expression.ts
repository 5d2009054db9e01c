import { FUNCTIONS, isFunctionName } from './functions.js';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH, isForbiddenKey } from './limits.js';
import { ParseFailure, atPosition } from './parse-error.js';
import { TokenCursor } from './token-cursor.js';
import { tokenize } from './tokenize.js';
import type { Token } from './tokenize.js';
import type { BinaryOperator, Expr, ParseResult } from './types.js';

/**
 * Parses a flow condition or value expression, e.g.
 * `cart.total > 100 && contact.tags contains "vip"`. Never throws: syntax errors, unknown
 * functions, forbidden names (`__proto__`, `constructor`, `prototype`), sources over 2,000
 * characters and nesting deeper than 64 come back as `{ ok: false, error }` with a
 * 0-based `offset` (the message counts positions from 1, as people do).
 */
export function parseExpression(source: string): ParseResult<Expr> {
  try {
    if (typeof source !== 'string') return failure('Expression must be text', 0);
    if (source.length > MAX_EXPRESSION_LENGTH) {
      return failure(`Expression is too long (maximum ${MAX_EXPRESSION_LENGTH} characters)`, MAX_EXPRESSION_LENGTH);
    }
    const cursor = new TokenCursor(tokenize(source).tokens);
    if (cursor.atEnd()) return failure('Expression is empty', 0);
    const expr = parseExpressionTokens(cursor);
    if (!cursor.atEnd()) throw cursor.unexpected();
    return { ok: true, value: expr };
  } catch (error) {
    return fromError(error);
  }
}

/** Turns anything thrown while parsing into a parse error result. */
export function fromError(error: unknown): { ok: false; error: { message: string; offset: number } } {
  if (error instanceof ParseFailure) return failure(error.message, error.offset);
  // Only reachable on engine limits (e.g. stack exhaustion); still not the caller's problem.
  return failure('Invalid expression', 0);
}

function failure(message: string, offset: number): { ok: false; error: { message: string; offset: number } } {
  return { ok: false, error: { message, offset } };
}

/** Parses one expression at the cursor and leaves the cursor on the following token. */
export function parseExpressionTokens(cursor: TokenCursor): Expr {
  return conditional(cursor, 0);
}

// Words with a grammatical role cannot name variables (after a dot they are plain keys).
const KEYWORDS = new Set(['true', 'false', 'null', 'and', 'or', 'not', 'contains', 'in', 'startswith', 'endswith']);
const WORD_OPERATORS: ReadonlyArray<readonly [string, BinaryOperator]> = [
  ['contains', 'contains'],
  ['in', 'in'],
  ['startsWith', 'startsWith'],
  ['endsWith', 'endsWith'],
];
const COMPARISONS: readonly BinaryOperator[] = ['<', '<=', '>', '>='];

function guardDepth(cursor: TokenCursor, depth: number): void {
  if (depth > MAX_NESTING_DEPTH) {
    const offset = cursor.peek().offset;
    throw new ParseFailure(`Expression is nested too deeply (maximum ${MAX_NESTING_DEPTH} levels) ${atPosition(offset)}`, offset);
  }
}

function conditional(cursor: TokenCursor, depth: number): Expr {
  guardDepth(cursor, depth);
  const test = or(cursor, depth);
  if (!cursor.takeOp('?')) return test;
  const consequent = conditional(cursor, depth + 1);
  cursor.expectOp(':');
  const alternate = conditional(cursor, depth + 1);
  return { type: 'conditional', test, consequent, alternate };
}

function or(cursor: TokenCursor, depth: number): Expr {
  let left = and(cursor, depth);
  while (cursor.isOp('||') || cursor.isWord('or')) {
    cursor.next();
    left = { type: 'logical', operator: '||', left, right: and(cursor, depth) };
  }
  return left;
}

function and(cursor: TokenCursor, depth: number): Expr {
  let left = not(cursor, depth);
  while (cursor.isOp('&&') || cursor.isWord('and')) {
    cursor.next();
    left = { type: 'logical', operator: '&&', left, right: not(cursor, depth) };
  }
  return left;
}

// The word `not` binds looser than comparisons, so `not tags contains "vip"` negates the
// whole test as a marketer reads it; `!` binds tightly as in JavaScript.
function not(cursor: TokenCursor, depth: number): Expr {
  if (!cursor.isWord('not')) return equality(cursor, depth);
  cursor.next();
  guardDepth(cursor, depth + 1);
  return { type: 'unary', operator: '!', operand: not(cursor, depth + 1) };
}

function equality(cursor: TokenCursor, depth: number): Expr {
  let left = relational(cursor, depth);
  while (cursor.isOp('==') || cursor.isOp('!=')) {
    const operator = cursor.next().text === '==' ? '==' : '!=';
    left = { type: 'binary', operator, left, right: relational(cursor, depth) };
  }
  return left;
}

function relational(cursor: TokenCursor, depth: number): Expr {
  let left = additive(cursor, depth);
  for (;;) {
    const symbol = COMPARISONS.find((op) => cursor.isOp(op));
    if (symbol !== undefined) {
      cursor.next();
      left = { type: 'binary', operator: symbol, left, right: additive(cursor, depth) };
      continue;
    }
    // `x not contains y`, `x not in y`...
    const negated = cursor.isWord('not') && WORD_OPERATORS.some(([word]) => cursor.isWord(word, 1));
    const word = WORD_OPERATORS.find(([text]) => cursor.isWord(text, negated ? 1 : 0));
    if (word === undefined) return left;
    if (negated) cursor.next();
    cursor.next();
    const test: Expr = { type: 'binary', operator: word[1], left, right: additive(cursor, depth) };
    left = negated ? { type: 'unary', operator: '!', operand: test } : test;
  }
}

function additive(cursor: TokenCursor, depth: number): Expr {
  let left = multiplicative(cursor, depth);
  while (cursor.isOp('+') || cursor.isOp('-')) {
    const operator = cursor.next().text === '+' ? '+' : '-';
    left = { type: 'binary', operator, left, right: multiplicative(cursor, depth) };
  }
  return left;
}

function multiplicative(cursor: TokenCursor, depth: number): Expr {
  let left = unary(cursor, depth);
  for (;;) {
    const operator = (['*', '/', '%'] as const).find((op) => cursor.isOp(op));
    if (operator === undefined) return left;
    cursor.next();
    left = { type: 'binary', operator, left, right: unary(cursor, depth) };
  }
}

function unary(cursor: TokenCursor, depth: number): Expr {
  if (!cursor.isOp('!') && !cursor.isOp('-')) return postfix(cursor, depth);
  const operator = cursor.next().text === '!' ? '!' : '-';
  guardDepth(cursor, depth + 1);
  const operand = unary(cursor, depth + 1);
  // `-5` is a literal, which keeps the AST (and stored flows) simple.
  if (operator === '-' && operand.type === 'literal' && typeof operand.value === 'number') {
    return { type: 'literal', value: -operand.value };
  }
  return { type: 'unary', operator, operand };
}

function postfix(cursor: TokenCursor, depth: number): Expr {
  let expr = primary(cursor, depth);
  for (;;) {
    if (cursor.takeOp('.')) {
      const key = cursor.peek();
      if (key.kind !== 'name') {
        throw new ParseFailure(`Expected a name after "." ${atPosition(key.offset)}`, key.offset);
      }
      cursor.next();
      expr = /^\d+$/.test(key.text)
        ? { type: 'index', object: expr, index: { type: 'literal', value: Number(key.text) } }
        : { type: 'member', object: expr, key: allowedKey(key) };
    } else if (cursor.isOp('[')) {
      cursor.next();
      const keyToken = cursor.peek();
      const index = conditional(cursor, depth + 1);
      cursor.expectOp(']');
      // A quoted key is as static as a dotted one: `vars["my key"]` is the path vars/my key.
      expr =
        index.type === 'literal' && typeof index.value === 'string'
          ? { type: 'member', object: expr, key: allowedKey({ ...keyToken, text: index.value }) }
          : { type: 'index', object: expr, index };
    } else {
      return expr;
    }
  }
}

function allowedKey(token: Token): string {
  if (isForbiddenKey(token.text)) {
    throw new ParseFailure(`"${token.text}" is not allowed ${atPosition(token.offset)}`, token.offset);
  }
  return token.text;
}

function primary(cursor: TokenCursor, depth: number): Expr {
  const token = cursor.peek();
  if (token.kind === 'number' || token.kind === 'string') {
    cursor.next();
    return { type: 'literal', value: token.value ?? null };
  }
  if (token.kind === 'name') {
    if (cursor.isOp('(', 1)) return call(cursor, depth);
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false') {
      cursor.next();
      return { type: 'literal', value: word === 'true' };
    }
    if (word === 'null') {
      cursor.next();
      return { type: 'literal', value: null };
    }
    if (KEYWORDS.has(word)) throw cursor.unexpected();
    cursor.next();
    return { type: 'variable', name: allowedKey(token) };
  }
  if (cursor.takeOp('(')) {
    const inner = conditional(cursor, depth + 1);
    cursor.expectOp(')');
    return inner;
  }
  if (cursor.takeOp('[')) return { type: 'array', items: list(cursor, depth, ']') };
  throw cursor.unexpected();
}

function call(cursor: TokenCursor, depth: number): Expr {
  const nameToken = cursor.next();
  const name = nameToken.text;
  if (!isFunctionName(name)) {
    throw new ParseFailure(`Unknown function "${name}" ${atPosition(nameToken.offset)}`, nameToken.offset);
  }
  cursor.expectOp('(');
  const args = list(cursor, depth, ')');
  const { min, max } = FUNCTIONS[name];
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    const noun = min === 1 && (max === 1 || max === Number.POSITIVE_INFINITY) ? 'argument' : 'arguments';
    throw new ParseFailure(
      `Function "${name}" expects ${expected} ${noun}, got ${args.length} ${atPosition(nameToken.offset)}`,
      nameToken.offset,
    );
  }
  return { type: 'call', name, args };
}

/** Comma-separated expressions up to `close` (already past the opening bracket). */
function list(cursor: TokenCursor, depth: number, close: ')' | ']'): Expr[] {
  const items: Expr[] = [];
  while (!cursor.takeOp(close)) {
    if (items.length > 0) cursor.expectOp(',');
    items.push(conditional(cursor, depth + 1));
  }
  return items;
}
