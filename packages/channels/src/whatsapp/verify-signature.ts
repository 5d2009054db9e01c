import { createHmac, timingSafeEqual } from 'node:crypto';
import { readSingleHeader, type HttpHeaders } from './http-headers.js';

/** Meta signs every webhook POST with this header (the SHA-1 `X-Hub-Signature` is legacy). */
export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';

export type SignatureRejection =
  /** No `X-Hub-Signature-256` (a legacy SHA-1 `X-Hub-Signature` alone does not count). */
  | 'missing-signature'
  /** Not `sha256=` followed by 64 hex digits, or the header was sent twice. */
  | 'malformed-signature'
  /** Well-formed, but not the HMAC of these bytes with this secret. */
  | 'signature-mismatch';

export type SignatureVerdict = { readonly valid: true } | { readonly valid: false; readonly reason: SignatureRejection };

export interface VerifyWhatsAppSignatureInput {
  /**
   * The request body exactly as received. Meta signs the bytes it sent; parsing and
   * re-serialising the JSON (key order, spacing, `\u` escapes) changes them and must fail.
   */
  readonly rawBody: Uint8Array;
  /** The request headers; the lookup ignores case. */
  readonly headers: HttpHeaders;
  /** The Meta app secret of the channel. */
  readonly appSecret: string;
}

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Verifies a WhatsApp Cloud API webhook: `X-Hub-Signature-256` must be `sha256=` + the hex
 * HMAC-SHA256 of the raw body keyed with the app secret. The comparison takes the same time
 * whatever the bytes, so an attacker cannot find the signature byte by byte. A rejected
 * request must be answered 401/403 and never enqueued.
 */
export function verifyWhatsAppSignature({ rawBody, headers, appSecret }: VerifyWhatsAppSignatureInput): SignatureVerdict {
  if (appSecret.length === 0) {
    // With an empty key anyone can sign; this is a configuration bug, not a bad request.
    throw new TypeError('verifyWhatsAppSignature: appSecret must not be empty');
  }
  const hasHeader = Object.keys(headers).some((key) => key.toLowerCase() === WHATSAPP_SIGNATURE_HEADER);
  if (!hasHeader) return { valid: false, reason: 'missing-signature' };

  const header = readSingleHeader(headers, WHATSAPP_SIGNATURE_HEADER);
  const hex = header === undefined ? undefined : SIGNATURE_FORMAT.exec(header.trim())?.[1];
  if (hex === undefined) return { valid: false, reason: 'malformed-signature' };

  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const received = Buffer.from(hex, 'hex');
  // Both are 32 bytes here (the format check fixes the length), as timingSafeEqual requires.
  return timingSafeEqual(expected, received) ? { valid: true } : { valid: false, reason: 'signature-mismatch' };
}
