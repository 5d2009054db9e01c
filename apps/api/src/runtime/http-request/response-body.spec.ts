import { parseResponseBody } from './response-body.js';

const parse = (text: string | Buffer, contentType?: string, maxTextChars?: number) =>
  parseResponseBody({ bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, contentType, ...(maxTextChars === undefined ? {} : { maxTextChars }) });

describe('parseResponseBody', () => {
  it('parses JSON content types', () => {
    expect(parse('{"order":{"id":7}}', 'application/json; charset=utf-8')).toEqual({ body: { order: { id: 7 } }, kind: 'json', truncated: false });
    expect(parse('[1,2]', 'application/problem+json')).toEqual({ body: [1, 2], kind: 'json', truncated: false });
    expect(parse('"just a string"', 'application/json').body).toBe('just a string');
    expect(parse('\uFEFF{"a":1}', 'application/json').body).toEqual({ a: 1 });
  });

  it('passes invalid JSON on as text', () => {
    expect(parse('{"broken":', 'application/json')).toEqual({ body: '{"broken":', kind: 'text', truncated: false });
  });

  it('parses a text body that is a JSON object or array (JSON sent as text/html)', () => {
    expect(parse(' {"a":1}', 'text/html').body).toEqual({ a: 1 });
    expect(parse('{"a":1}').body).toEqual({ a: 1 });
    expect(parse('42', 'text/plain')).toEqual({ body: '42', kind: 'text', truncated: false });
  });

  it('decodes text with its charset', () => {
    expect(parse(Buffer.from([0x53, 0xe3, 0x6f]), 'text/plain; charset=ISO-8859-1').body).toBe('São');
    expect(parse('São', 'text/plain; charset="utf-8"').body).toBe('São');
    expect(parse('São', 'text/plain; charset=klingon').body).toBe('São');
  });

  it('does not pass binary bodies on, and says an empty body is empty', () => {
    expect(parse(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png')).toEqual({ body: undefined, kind: 'binary', truncated: false });
    expect(parse('', 'application/json')).toEqual({ body: undefined, kind: 'empty', truncated: false });
  });

  it('cuts long text at a character boundary', () => {
    expect(parse('abcdef', 'text/plain', 4)).toEqual({ body: 'abcd', kind: 'text', truncated: true });
    // '😀' is two UTF-16 units: cutting after the first would leave half a character.
    expect(parse('abc😀def', 'text/plain', 4)).toEqual({ body: 'abc', kind: 'text', truncated: true });
  });
});
