import { parseEmail, parsePhone } from '@jornada/flow-engine';
import { ApiError } from '../http/api-error.js';

/**
 * Contact fields from untrusted input to their stored form: phones in E.164 (read with the
 * workspace's country, the way people type them), emails trimmed and lower-cased, names in
 * NFC (so accent-insensitive search sees one form), tags trimmed and de-duplicated.
 */

/** E.164, or a 400 naming `field`. */
export function parsePhoneField(text: string, country: string | null, field = 'phone'): string {
  const parsed = parsePhone(text, country ?? '');
  if (parsed.ok) return parsed.value;
  const why = parsed.reason === 'ambiguous' ? 'it holds more than one number' : country === null ? 'write it with its country code (+55…)' : `not a valid number for ${country} or with a country code`;
  throw invalidField(field, `${field} is not a valid phone number: ${why}`);
}

/** Lower-cased address, or a 400 naming `field`. */
export function parseEmailField(text: string, field = 'email'): string {
  const parsed = parseEmail(text);
  if (parsed.ok) return parsed.value;
  throw invalidField(field, parsed.reason === 'ambiguous' ? `${field} holds more than one address` : `${field} is not a valid email address`);
}

export function normalizeName(name: string): string | null {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  return trimmed === '' ? null : trimmed;
}

/** What flows read as contact.first_name: the first word of the name. */
export function firstNameOf(name: string | null): string | null {
  const first = name?.split(' ', 1)[0];
  return first === undefined || first === '' ? null : first.slice(0, 100);
}

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.normalize('NFC').trim()).filter((tag) => tag !== ''))];
}

/** Identity channels: the messaging channels flows run on, plus email. */
export const IDENTITY_CHANNELS = ['whatsapp', 'sms', 'email', 'telegram', 'messenger', 'instagram', 'webchat', 'sandbox'] as const;
export type IdentityChannel = (typeof IDENTITY_CHANNELS)[number];

const PHONE_CHANNELS: ReadonlySet<string> = new Set(['whatsapp', 'sms']);

/** A channel's id for a contact in stored form: E.164 for phone channels, an address for email, else trimmed. */
export function parseExternalId(channel: IdentityChannel, externalId: string, country: string | null): string {
  if (PHONE_CHANNELS.has(channel)) return parsePhoneField(externalId, country, 'externalId');
  if (channel === 'email') return parseEmailField(externalId, 'externalId');
  const trimmed = externalId.trim();
  if (trimmed === '' || /\p{Cc}/u.test(trimmed)) throw invalidField('externalId', 'externalId must be a non-empty provider id without control characters');
  return trimmed;
}

/**
 * Accented Latin letters and their plain forms: the table of jornada_fold() in SQL (migration
 * 1795416231981), which the trigram index idx_contacts_name_folded_trgm is built on. Change
 * both together (a new migration) or searches stop matching.
 */
const FOLD_FROM = 'áàâãäåéèêëíìîïóòôõöúùûüçñýÿÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝ';
const FOLD_TO = 'aaaaaaeeeeiiiiooooouuuucnyyaaaaaaeeeeiiiiooooouuuucny';
const FOLD = new Map([...FOLD_FROM].map((char, index) => [char, FOLD_TO[index] ?? char]));

/**
 * A search term as jornada_fold() writes names: lower case, accents of Latin letters removed,
 * spaces collapsed (`  JOÃO  da ` -> `joao da`), so "joao" finds "João" and "conceição" finds
 * "Conceicao".
 */
export function foldForSearch(term: string): string {
  let folded = '';
  for (const char of term.normalize('NFC').toLowerCase().trim().replace(/\s+/gu, ' ')) folded += FOLD.get(char) ?? char;
  return folded;
}

export function invalidField(field: string, message: string): ApiError {
  return new ApiError({ status: 400, code: 'validation_failed', message: `Invalid request: ${message}.`, details: [{ field, message }] });
}
