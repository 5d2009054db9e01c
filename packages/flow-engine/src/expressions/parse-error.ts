/**
 * Thrown inside the tokenizer and parsers only; the public parse functions catch it and
 * return `{ ok: false, error }`, so callers never see an exception.
 */
export class ParseFailure extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.name = 'ParseFailure';
    this.offset = offset;
  }
}

/** Human wording of a 0-based offset; people count characters from 1. */
export function atPosition(offset: number): string {
  return `at position ${offset + 1}`;
}
