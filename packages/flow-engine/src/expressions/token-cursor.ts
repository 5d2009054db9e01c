import { ParseFailure, atPosition } from './parse-error.js';
import type { Token } from './tokenize.js';

/** Read position over a token list, with the error wording shared by both parsers. */
export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The token `ahead` positions on; past the end it keeps returning the final token. */
  peek(ahead = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const token = this.tokens[this.index + ahead] ?? last;
    if (token === undefined) throw new ParseFailure('Unexpected end of expression', 0);
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  /** True at the end of the tokens (end of source, or `}}` in a template). */
  atEnd(): boolean {
    const kind = this.peek().kind;
    return kind === 'end' || kind === 'close';
  }

  isOp(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'op' && token.text === text;
  }

  /** Keyword check; keywords are case-insensitive so `AND` works like `and`. */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'name' && token.text.toLowerCase() === word.toLowerCase();
  }

  /** Consumes the operator `text` if it is next. */
  takeOp(text: string): boolean {
    if (!this.isOp(text)) return false;
    this.next();
    return true;
  }

  expectOp(text: string): Token {
    const token = this.peek();
    if (token.kind === 'op' && token.text === text) return this.next();
    const found = this.atEnd() ? '' : ` but found ${describe(token)}`;
    throw new ParseFailure(`Expected "${text}"${found} ${atPosition(token.offset)}`, token.offset);
  }

  unexpected(token: Token = this.peek()): ParseFailure {
    if (token.kind === 'end') return new ParseFailure(`Unexpected end of expression ${atPosition(token.offset)}`, token.offset);
    const hint = token.kind === 'op' && token.text === '|' ? ' (use "||" or "or")' : '';
    return new ParseFailure(`Unexpected ${describe(token)} ${atPosition(token.offset)}${hint}`, token.offset);
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'end of expression' : `"${token.text}"`;
}
