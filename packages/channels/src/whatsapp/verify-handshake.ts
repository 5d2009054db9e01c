import { createHash, timingSafeEqual } from 'node:crypto';

export type HandshakeRejection =
  /** `hub.mode` is not `subscribe`. */
  | 'wrong-mode'
  /** `hub.verify_token` is missing or differs from the channel's token. */
  | 'token-mismatch'
  /** `hub.challenge` is missing, empty, or not a plain token. */
  | 'invalid-challenge';

export type HandshakeVerdict =
  /** Answer 200 with `challenge` as the whole body (text/plain). */
  | { readonly valid: true; readonly challenge: string }
  /** Answer 403; never echo anything back. */
  | { readonly valid: false; readonly reason: HandshakeRejection };

export interface VerifyWhatsAppHandshakeInput {
  /** The query string of the GET request, parsed (`new URL(url).searchParams`). */
  readonly query: URLSearchParams;
  /** The verify token configured on the channel and in the Meta app dashboard. */
  readonly verifyToken: string;
}

/** Meta sends a number; allow any short printable token, nothing that could become markup. */
const CHALLENGE_FORMAT = /^[A-Za-z0-9._~-]{1,256}$/;

/**
 * Checks Meta's webhook subscription handshake: `GET ?hub.mode=subscribe&hub.verify_token=…
 * &hub.challenge=…`. When the mode is `subscribe` and the token matches (compared in constant
 * time), the endpoint proves it is ours by answering the challenge.
 */
export function verifyWhatsAppHandshake({ query, verifyToken }: VerifyWhatsAppHandshakeInput): HandshakeVerdict {
  if (verifyToken.length === 0) {
    throw new TypeError('verifyWhatsAppHandshake: verifyToken must not be empty');
  }
  if (query.getAll('hub.mode').join() !== 'subscribe') return { valid: false, reason: 'wrong-mode' };

  const tokens = query.getAll('hub.verify_token');
  if (tokens.length !== 1 || !constantTimeEquals(tokens[0] ?? '', verifyToken)) {
    return { valid: false, reason: 'token-mismatch' };
  }

  const challenges = query.getAll('hub.challenge');
  const challenge = challenges.length === 1 ? challenges[0] : undefined;
  if (challenge === undefined || !CHALLENGE_FORMAT.test(challenge)) return { valid: false, reason: 'invalid-challenge' };
  return { valid: true, challenge };
}

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
function constantTimeEquals(received: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
}
