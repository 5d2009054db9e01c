import { createHash } from 'node:crypto';
import { createToken, hashToken, isWellFormedToken } from './opaque-token.js';

describe('createToken', () => {
  it('mints 32 random bytes as base64url and stores their SHA-256 hex', () => {
    const { token, hash } = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createToken().token));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  it('finds a stored token again from the presented one, and only from it', () => {
    const { token, hash } = createToken();
    expect(hashToken(token)).toBe(hash);
    expect(hashToken(`${token} `)).not.toBe(hash);
    expect(hashToken(token.toUpperCase())).not.toBe(hash);
  });

  it('hashes any string, including empty and non-ASCII ones', () => {
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashToken('ção')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('isWellFormedToken', () => {
  it('accepts minted tokens and rejects anything else', () => {
    expect(isWellFormedToken(createToken().token)).toBe(true);
    for (const junk of ['', 'abc', `${createToken().token}=`, `${createToken().token.slice(1)}+`, 'a'.repeat(44), 42, null]) {
      expect(isWellFormedToken(junk)).toBe(false);
    }
  });
});
