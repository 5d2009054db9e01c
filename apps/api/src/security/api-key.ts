/**
 * Workspace API keys, shown to the person once at creation: `jrn_<prefix>_<secret>`.
 *
 * The key has two halves with different jobs:
 * - the 8-character prefix is stored in clear. It is the lookup key (find the row by prefix,
 *   then check the secret), and it makes a key recognisable in logs, the settings page and a
 *   leaked-secret report ("jrn_k3x9m2pq_… was revoked") without revealing anything usable;
 * - the 32-byte secret is never stored: only the SHA-256 of the whole key is. A leaked database
 *   therefore yields no working key. A fast hash suffices because the secret carries 256
 *   random bits (nothing to guess offline), and keys are checked on every API request.
 *
 * The `jrn_` marker lets secret scanners (GitHub, gitleaks) recognise leaked keys.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A freshly created key: show `key` once, store `prefix` and `hash`. */
export interface CreatedApiKey {
  /** The full key, `jrn_<prefix>_<secret>`. Never stored, never logged. */
  readonly key: string;
  /** The public 8-character prefix; store it with a unique index for lookups. */
  readonly prefix: string;
  /** SHA-256 of the full key, lower-case hex. */
  readonly hash: string;
}

/** The two halves of a presented key. */
export interface ParsedApiKey {
  readonly prefix: string;
  readonly secret: string;
}

/**
 * Prefix alphabet: lower-case letters and digits without the look-alikes 0/o and 1/l, and
 * without `_` so the prefix can never be confused with the separators. 32 symbols, so one
 * random byte masked to 5 bits picks one without bias.
 */
const PREFIX_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const PREFIX_LENGTH = 8;
const SECRET_BYTES = 32;
/** Anchored and fixed-length: the secret may itself contain `_` and `-` (base64url). */
const API_KEY_PATTERN = /^jrn_([a-km-np-z2-9]{8})_([A-Za-z0-9_-]{43})$/;
const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** Creates a new API key with a random prefix and secret. */
export function createApiKey(): CreatedApiKey {
  const prefix = Array.from(randomBytes(PREFIX_LENGTH), (byte) => PREFIX_ALPHABET[byte & 31]).join('');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  const key = `jrn_${prefix}_${secret}`;
  return { key, prefix, hash: sha256Hex(key) };
}

/**
 * Splits a presented key into prefix and secret, or `null` when it is not exactly the format
 * `createApiKey` produces (surrounding whitespace included). Never throws.
 */
export function parseApiKey(presented: string): ParsedApiKey | null {
  // Checked before the regex so a huge header value costs nothing.
  if (typeof presented !== 'string' || presented.length !== 4 + PREFIX_LENGTH + 1 + 43) return null;
  const match = API_KEY_PATTERN.exec(presented);
  if (match === null) return null;
  const [, prefix, secret] = match;
  if (prefix === undefined || secret === undefined) return null;
  return { prefix, secret };
}

/**
 * Whether a presented key matches the hash stored for its prefix. The comparison is constant
 * time; a malformed key or stored hash is `false`, never an exception.
 */
export function verifyApiKey(presented: string, storedHash: string): boolean {
  if (parseApiKey(presented) === null) return false;
  if (typeof storedHash !== 'string' || !SHA256_HEX_PATTERN.test(storedHash)) return false;
  const presentedDigest = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(presentedDigest, Buffer.from(storedHash, 'hex'));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
