/**
 * An email address out of whatever the customer typed ("meu email é Ana@Loja.com.br.").
 */
import { trimToLettersAndDigits } from './normalize-text.js';
import { type Parsed, fail, rejectUnusable, single } from './parsed.js';

/** Characters that can never be part of an address, so they split the text into candidates. */
const SEPARATORS = /[\s<>()[\]{},;:"]+/u;
const LOCAL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*$`, 'u');
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL_DOMAIN = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** Validates one candidate; returns it in canonical (NFC, lower-case) form or `null`. */
function canonicalEmail(candidate: string): string | null {
  const address = candidate.normalize('NFC').toLowerCase();
  if (address.length > 254) return null;
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (at <= 0 || local.length > 64 || !LOCAL_PART.test(local) || domain.length > 253) return null;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label)) || !TOP_LEVEL_DOMAIN.test(tld)) return null;
  return address;
}

/**
 * Finds the email address in `text`, trimmed and lower-cased (the whole address: mailbox
 * providers treat the local part case-insensitively and it makes customer lookups match).
 * Accepts it inside a sentence, inside <...>, after 'mailto:' and with spaces around '@'.
 *
 * @returns `'ambiguous'` for two different addresses, `'invalid'` when there is none or it
 * is malformed ('ana@loja', 'ana@@loja.com'). Never throws.
 */
export function parseEmail(text: string): Parsed<string> {
  const unusable = rejectUnusable(text);
  if (unusable) return unusable;
  const candidates = text
    .replace(/\s*@\s*/gu, '@')
    .split(SEPARATORS)
    .map(trimToLettersAndDigits)
    .filter((token) => token.includes('@'));
  const valid = candidates.map(canonicalEmail).filter((email): email is string => email !== null);
  return valid.length > 0 ? single(valid, fail('invalid')) : fail('invalid');
}

