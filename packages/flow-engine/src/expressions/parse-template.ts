import { FILTERS, isFilterName } from './filters.js';
import { MAX_EXPRESSION_LENGTH, MAX_TEMPLATE_LENGTH } from './limits.js';
import { ParseFailure, atPosition } from './parse-error.js';
import { fromError, parseExpressionTokens } from './parse-expression.js';
import { TokenCursor } from './token-cursor.js';
import { tokenize } from './tokenize.js';
import type { Expr, FilterCall, ParseResult, Template, TemplatePart } from './types.js';

/**
 * Parses message text with `{{ expression | filter | filter:arg }}` placeholders. Text
 * outside the braces is literal. Never throws: an unclosed `{{`, an empty placeholder,
 * an unknown filter or a bad expression come back as `{ ok: false, error }` with the
 * 0-based offset in `source`.
 */
export function parseTemplate(source: string): ParseResult<Template> {
  try {
    if (typeof source !== 'string') return { ok: false, error: { message: 'Template must be text', offset: 0 } };
    if (source.length > MAX_TEMPLATE_LENGTH) {
      const message = `Template is too long (maximum ${MAX_TEMPLATE_LENGTH} characters)`;
      return { ok: false, error: { message, offset: MAX_TEMPLATE_LENGTH } };
    }
    const parts: TemplatePart[] = [];
    let position = 0;
    while (position < source.length) {
      const open = source.indexOf('{{', position);
      if (open === -1) {
        parts.push({ kind: 'text', text: source.slice(position) });
        break;
      }
      if (open > position) parts.push({ kind: 'text', text: source.slice(position, open) });
      position = parsePlaceholder(source, open, parts);
    }
    return { ok: true, value: { parts } };
  } catch (error) {
    return fromError(error);
  }
}

/** Parses the placeholder opening at `open`, appends it to `parts`, returns the offset after `}}`. */
function parsePlaceholder(source: string, open: number, parts: TemplatePart[]): number {
  // Checked first so a forgotten `}}` is reported as such, not as a stray character later on.
  if (source.indexOf('}}', open + 2) === -1) throw unclosed(open);
  const { tokens, end } = tokenize(source, open + 2, 'template');
  const close = tokens[tokens.length - 1];
  // The only `}}` left was inside a string literal.
  if (close === undefined || close.kind !== 'close') throw unclosed(open);
  const inner = source.slice(open + 2, close.offset);
  if (inner.length > MAX_EXPRESSION_LENGTH) {
    const message = `Expression is too long (maximum ${MAX_EXPRESSION_LENGTH} characters) ${atPosition(open)}`;
    throw new ParseFailure(message, open);
  }
  const cursor = new TokenCursor(tokens);
  if (cursor.atEnd()) throw new ParseFailure(`Empty "{{ }}" ${atPosition(open)}`, open);
  const expr: Expr = parseExpressionTokens(cursor);
  const filters = parseFilters(cursor);
  if (!cursor.atEnd()) throw cursor.unexpected();
  parts.push({ kind: 'expr', expr, filters, source: inner.trim() });
  return end;
}

function unclosed(open: number): ParseFailure {
  return new ParseFailure(`Unclosed "{{" ${atPosition(open)}`, open);
}

/** `| name`, `| name:arg`, `| name:arg1, arg2` repeated. */
function parseFilters(cursor: TokenCursor): FilterCall[] {
  const filters: FilterCall[] = [];
  while (cursor.takeOp('|')) {
    const token = cursor.peek();
    if (token.kind !== 'name') {
      throw new ParseFailure(`Expected a filter name after "|" ${atPosition(token.offset)}`, token.offset);
    }
    cursor.next();
    if (!isFilterName(token.text)) {
      throw new ParseFailure(`Unknown filter "${token.text}" ${atPosition(token.offset)}`, token.offset);
    }
    const args: Expr[] = [];
    if (cursor.takeOp(':')) {
      do args.push(parseExpressionTokens(cursor));
      while (cursor.takeOp(','));
    }
    const { min, max } = FILTERS[token.text];
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : `${min} to ${max}`;
      const example = token.text === 'truncate' ? ' (e.g. truncate:20)' : token.text === 'default' ? ' (e.g. default:"amigo")' : '';
      throw new ParseFailure(
        `Filter "${token.text}" expects ${expected} argument${max === 1 ? '' : 's'}, got ${args.length} ${atPosition(token.offset)}${example}`,
        token.offset,
      );
    }
    filters.push({ name: token.text, args });
  }
  return filters;
}
