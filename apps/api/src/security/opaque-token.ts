/**
 * Opaque bearer tokens for sessions and invitations.
 *
 * Only the SHA-256 of a token is stored; a lookup hashes the presented token and finds the row
 * by that hash. A database leak then yields no usable sessions. A fast hash is right here (not
 * scrypt as for passwords): the token carries 256 random bits, so there is nothing to guess
 * offline, and every authenticated request has to hash it.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A freshly minted token: give `token` to the client, store only `hash`. */
export interface CreatedToken {
  /** 32 random bytes, base64url without padding (43 characters). */
  readonly token: string;
  /** SHA-256 of `token`, lower-case hex (64 characters). */
  readonly hash: string;
}

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Mints a new random token and its storage hash. */
export function createToken(): CreatedToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The storage hash of a presented token (SHA-256, lower-case hex), used to look it up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether a presented value has the shape `createToken` produces. Lets callers turn away junk
 * (a malformed cookie, a probe) without a database round trip; it proves nothing by itself.
 */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}
