import crypto, { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createApiKey, parseApiKey, verifyApiKey } from './api-key.js';

/** Any code point, lone surrogates included (fast-check's `unit: 'binary'` costs ~1 s of setup). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

describe('createApiKey', () => {
  it('creates jrn_<8-char prefix>_<32-byte base64url secret> and hashes the whole key', () => {
    const { key, prefix, hash } = createApiKey();
    expect(key).toMatch(/^jrn_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`jrn_${prefix}_`)).toBe(true);
    expect(Buffer.from(key.slice(13), 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).not.toContain(key.slice(13));
  });

  it('draws prefixes from the unambiguous alphabet, and never repeats a key', () => {
    const keys = Array.from({ length: 500 }, () => createApiKey());
    expect(new Set(keys.map(({ key }) => key)).size).toBe(500);
    for (const { prefix } of keys) expect(prefix).toMatch(/^[abcdefghijkmnpqrstuvwxyz23456789]{8}$/);
  });
});

describe('parseApiKey', () => {
  it('splits a key into prefix and secret, even when the secret contains _ and -', () => {
    const secret = `${'_'.repeat(20)}-${'A'.repeat(22)}`;
    expect(parseApiKey(`jrn_abcd2345_${secret}`)).toEqual({ prefix: 'abcd2345', secret });
    const { key, prefix } = createApiKey();
    expect(parseApiKey(key)).toEqual({ prefix, secret: key.slice(13) });
  });

  it.each([
    ['empty', ''],
    ['another marker', `sk_${createApiKey().key.slice(3)}`],
    ['upper-case marker', createApiKey().key.replace('jrn_', 'JRN_')],
    ['surrounding whitespace', ` ${createApiKey().key}`],
    ['trailing newline', `${createApiKey().key}\n`],
    ['short prefix', 'jrn_abc234_' + 'A'.repeat(45)],
    ['prefix with an ambiguous letter', 'jrn_abcdefgl_' + 'A'.repeat(43)],
    ['prefix with upper case', 'jrn_ABCDEFGH_' + 'A'.repeat(43)],
    ['short secret', 'jrn_abcd2345_' + 'A'.repeat(42)],
    ['long secret', 'jrn_abcd2345_' + 'A'.repeat(44)],
    ['padded secret', 'jrn_abcd2345_' + 'A'.repeat(42) + '='],
    ['standard base64 secret', 'jrn_abcd2345_' + 'A'.repeat(42) + '+'],
    ['missing separator', 'jrn_abcd2345' + 'A'.repeat(44)],
  ])('rejects a malformed key (%s)', (_label, presented) => {
    expect(parseApiKey(presented)).toBeNull();
  });

  it('returns null for non-strings', () => {
    expect(parseApiKey(undefined as unknown as string)).toBeNull();
    expect(parseApiKey({ length: 56 } as unknown as string)).toBeNull();
  });

  it('never throws on arbitrary strings, and whatever it accepts reassembles to the input', () => {
    const nearKey = fc
      .tuple(fc.string({ maxLength: 10 }), fc.string({ unit: fc.constantFrom(...'abz29AZ_-=+ l0'), maxLength: 60 }))
      .map(([head, tail]) => `jrn_${head}${tail}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: anyCodePoint }), nearKey), (presented) => {
        const parsed = parseApiKey(presented);
        if (parsed !== null) expect(`jrn_${parsed.prefix}_${parsed.secret}`).toBe(presented);
      }),
    );
  });
});

describe('verifyApiKey', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('accepts the key that matches the stored hash, comparing in constant time', () => {
    const { key, hash } = createApiKey();
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    expect(verifyApiKey(key, hash)).toBe(true);
    expect(compare).toHaveBeenCalledTimes(1);
  });

  it('rejects another key, a tampered secret or prefix, also in constant time', () => {
    const { key, hash } = createApiKey();
    const other = createApiKey();
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    expect(verifyApiKey(other.key, hash)).toBe(false);
    const lastChar = key.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyApiKey(`${key.slice(0, -1)}${lastChar}`, hash)).toBe(false);
    // The secret moved under another prefix does not verify: the hash binds both halves.
    expect(verifyApiKey(`jrn_${other.prefix}_${key.slice(13)}`, hash)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['empty', ''],
    ['upper-case hex', 'A'.repeat(64)],
    ['too short', 'a'.repeat(63)],
    ['not hex', 'g'.repeat(64)],
    ['not a string', null],
  ])('returns false for a malformed stored hash (%s)', (_label, storedHash) => {
    expect(verifyApiKey(createApiKey().key, storedHash as string)).toBe(false);
  });

  it('returns false for a malformed presented key without throwing', () => {
    const { key, hash } = createApiKey();
    expect(verifyApiKey(` ${key}`, hash)).toBe(false);
    expect(verifyApiKey(undefined as unknown as string, hash)).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint }), (presented) => {
        expect(verifyApiKey(presented, hash)).toBe(false);
      }),
    );
  });
});
