import type { Json } from '@jornada/flow-engine';

/** Text bodies are cut here: they land in session variables and the run log, not in storage. */
export const MAX_TEXT_BODY_CHARS = 64 * 1024;

export interface ParsedBody {
  readonly body: Json | undefined;
  readonly kind: 'json' | 'text' | 'binary' | 'empty';
  readonly truncated: boolean;
}

const JSON_TYPE = /^application\/(.+\+)?json$/;
const TEXT_TYPE = /^(text\/.+|application\/((.+\+)?xml|x-www-form-urlencoded|javascript|ecmascript|graphql))$/;

/**
 * The body as the flow sees it (`data` in response mappings):
 * - JSON content types are parsed (UTF-8, as RFC 8259 requires); invalid JSON is passed as text;
 * - text types and a missing type are decoded with their charset; a text body that is a JSON
 *   object or array is parsed too, because many shop backends send JSON as text/html;
 * - anything else (images, PDFs…) is not passed on: `binary`;
 * - text longer than `maxTextChars` is cut at a character boundary (`truncated`).
 */
export function parseResponseBody({ bytes, contentType, maxTextChars = MAX_TEXT_BODY_CHARS }: { bytes: Buffer; contentType: string | undefined; maxTextChars?: number }): ParsedBody {
  if (bytes.length === 0) return { body: undefined, kind: 'empty', truncated: false };
  const { mediaType, charset } = parseContentType(contentType);
  const isJson = JSON_TYPE.test(mediaType);
  if (!isJson && mediaType !== '' && !TEXT_TYPE.test(mediaType)) return { body: undefined, kind: 'binary', truncated: false };
  const text = decode(bytes, isJson ? 'utf-8' : charset);
  const trimmed = text.trimStart();
  if (isJson || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseJson(text);
    if (json !== undefined) return { body: json, kind: 'json', truncated: false };
  }
  if (text.length <= maxTextChars) return { body: text, kind: 'text', truncated: false };
  // Never split a surrogate pair: cut before a dangling high surrogate.
  const cut = isHighSurrogate(text.charCodeAt(maxTextChars - 1)) ? maxTextChars - 1 : maxTextChars;
  return { body: text.slice(0, cut), kind: 'text', truncated: true };
}

function parseContentType(header: string | undefined): { mediaType: string; charset: string } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charsetParam = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('charset='));
  const charset = charsetParam?.slice('charset='.length).replace(/^"|"$/g, '') ?? 'utf-8';
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Strips a BOM; invalid sequences become U+FFFD. An unknown charset label: UTF-8 is the best guess. */
function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined; // invalid, or nested too deep for the parser
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
