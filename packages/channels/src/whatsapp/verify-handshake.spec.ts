import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyWhatsAppHandshake } from './verify-handshake.js';

interface HandshakeVector {
  readonly url: string;
  readonly query: Readonly<Record<string, string>>;
  readonly expected_response_when_token_matches: { readonly status: number; readonly body: string };
}

const vector = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../test/fixtures/providers/whatsapp-webhook-verification.request.json'), 'utf8'),
) as HandshakeVector;
const query = new URL(vector.url).searchParams;
const verifyToken = vector.query['hub.verify_token'] ?? '';

function withParam(name: string, value: string | null): URLSearchParams {
  const changed = new URLSearchParams(query);
  if (value === null) changed.delete(name);
  else changed.set(name, value);
  return changed;
}

describe('verifyWhatsAppHandshake', () => {
  it('answers the recorded challenge when the token matches', () => {
    expect(verifyWhatsAppHandshake({ query, verifyToken })).toEqual({
      valid: true,
      challenge: vector.expected_response_when_token_matches.body,
    });
  });

  it('rejects a token that differs, even by case or a suffix', () => {
    for (const configured of ['another-token', verifyToken.toUpperCase(), `${verifyToken}x`, verifyToken.slice(1)]) {
      expect(verifyWhatsAppHandshake({ query, verifyToken: configured })).toEqual({ valid: false, reason: 'token-mismatch' });
    }
  });

  it('rejects a missing or repeated token', () => {
    expect(verifyWhatsAppHandshake({ query: withParam('hub.verify_token', null), verifyToken })).toEqual({
      valid: false,
      reason: 'token-mismatch',
    });
    const repeated = new URLSearchParams(query);
    repeated.append('hub.verify_token', 'other');
    expect(verifyWhatsAppHandshake({ query: repeated, verifyToken })).toEqual({ valid: false, reason: 'token-mismatch' });
  });

  it('rejects any mode other than subscribe', () => {
    for (const mode of [null, '', 'unsubscribe', 'SUBSCRIBE']) {
      expect(verifyWhatsAppHandshake({ query: withParam('hub.mode', mode), verifyToken })).toEqual({
        valid: false,
        reason: 'wrong-mode',
      });
    }
  });

  it('rejects a missing or unsafe challenge instead of echoing it', () => {
    for (const challenge of [null, '', '<script>alert(1)</script>', 'a b', 'x'.repeat(257)]) {
      expect(verifyWhatsAppHandshake({ query: withParam('hub.challenge', challenge), verifyToken })).toEqual({
        valid: false,
        reason: 'invalid-challenge',
      });
    }
  });

  it('refuses an empty configured token as a configuration error', () => {
    expect(() => verifyWhatsAppHandshake({ query: withParam('hub.verify_token', ''), verifyToken: '' })).toThrow(TypeError);
  });
});
