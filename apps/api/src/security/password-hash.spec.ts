import crypto from 'node:crypto';
import fc from 'fast-check';
import {
  CURRENT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
  verifyPasswordForUnknownAccount,
} from './password-hash.js';

/** Any code point, lone surrogates included (fast-check's `unit: 'binary'` costs ~1 s of setup). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

/** Builds a stored string with Node directly: an oracle for the format, and cheap (small N). */
function oracleHash(password: string, { n = 1024, r = 8, p = 1, salt = crypto.randomBytes(16), keyLength = 32 } = {}): string {
  const hash = crypto.scryptSync(password.normalize('NFKC'), salt, keyLength, { N: n, r, p });
  const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');
  return `scrypt$v=1$n=${n},r=${r},p=${p}$${b64(salt)}$${b64(hash)}`;
}

// Real-cost scrypt takes ~100 ms: these tests hash with the production parameters only a few
// times and use small-N strings from the oracle everywhere else.
describe('hashPassword / verifyPassword', () => {
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('writes a self-describing string with the current parameters, a 16-byte salt and a 32-byte hash', () => {
    const match = /^scrypt\$v=1\$n=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(first);
    expect(match).not.toBeNull();
    const [, n, r, p, salt, hash] = match!;
    expect({ n: Number(n), r: Number(r), p: Number(p) }).toEqual(CURRENT_SCRYPT_PARAMS);
    expect(CURRENT_SCRYPT_PARAMS.n).toBeGreaterThanOrEqual(2 ** 15);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
  });

  it('salts every hash differently', () => {
    expect(second).not.toBe(first);
  });

  it('verifies the right password and rejects a wrong one, both through timingSafeEqual', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    await expect(verifyPassword('correct horse battery', first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', second)).resolves.toBe(false);
    expect(compare).toHaveBeenCalledTimes(2);
  });

  it('verifies strings written by scrypt directly, with their own parameters and lengths', async () => {
    await expect(verifyPassword('hunter2 hunter2', oracleHash('hunter2 hunter2'))).resolves.toBe(true);
    await expect(verifyPassword('hunter2 hunter2', oracleHash('hunter2 hunter3'))).resolves.toBe(false);
    const other = oracleHash('a long passphrase', { n: 2048, r: 4, p: 2, salt: crypto.randomBytes(24), keyLength: 64 });
    await expect(verifyPassword('a long passphrase', other)).resolves.toBe(true);
  });

  it('treats canonically equivalent spellings as the same password (NFKC)', async () => {
    const stored = oracleHash('café au lait');
    await expect(verifyPassword('cafe\u0301 au lait', stored)).resolves.toBe(true);
    await expect(verifyPassword('\uFB01ve \uFB01ngers', oracleHash('five fingers'))).resolves.toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another algorithm', '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g'],
    ['unknown version', oracleHash('x').replace('v=1', 'v=2')],
    ['missing field', oracleHash('x').split('$').slice(0, 4).join('$')],
    ['extra field', `${oracleHash('x')}$extra`],
    ['params out of order', oracleHash('x').replace('n=1024,r=8,p=1', 'r=8,n=1024,p=1')],
    ['n not a power of two', oracleHash('x').replace('n=1024', 'n=1000')],
    ['n of one', oracleHash('x').replace('n=1024', 'n=1')],
    ['n too large for memory', oracleHash('x').replace('n=1024', 'n=1073741824')],
    ['n beyond 32 bits', oracleHash('x').replace('n=1024', 'n=4294968320')],
    ['too much work overall', oracleHash('x').replace('n=1024,r=8,p=1', 'n=131072,r=16,p=16')],
    ['r of zero', oracleHash('x').replace('r=8', 'r=0')],
    ['p too large', oracleHash('x').replace('p=1', 'p=17')],
    ['negative number', oracleHash('x').replace('p=1', 'p=-1')],
    ['padded base64', `${oracleHash('x')}=`],
    ['base64url characters', oracleHash('x').replace(/\$([^$]*)$/, '$_-$1')],
    ['empty salt', oracleHash('x').replace(/\$[^$]*\$([^$]*)$/, (_all, hash: string) => `$$${hash}`)],
    ['short salt', oracleHash('x', { salt: crypto.randomBytes(4) })],
    ['short hash', oracleHash('x', { keyLength: 8 })],
    ['huge string', `scrypt$v=1$n=1024,r=8,p=1$${'A'.repeat(100_000)}$AAAA`],
  ])('returns false, without throwing, for a malformed stored string (%s)', async (_label, stored) => {
    await expect(verifyPassword('x', stored)).resolves.toBe(false);
  });

  it('returns false for non-string or oversized input instead of throwing', async () => {
    const stored = oracleHash('x');
    await expect(verifyPassword(undefined as unknown as string, stored)).resolves.toBe(false);
    await expect(verifyPassword('x', null as unknown as string)).resolves.toBe(false);
    await expect(verifyPassword('x'.repeat(5000), stored)).resolves.toBe(false);
  });

  it('never throws on arbitrary stored strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: anyCodePoint, maxLength: 100 }), async (stored) => {
        expect(await verifyPassword('password', stored)).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary strings shaped like a stored hash', async () => {
    // Mostly real base64 of plausible lengths, so many cases reach the KDF, plus some junk.
    const b64 = fc.oneof(
      fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString('base64').replace(/=+$/, '')),
      fc.string({ unit: fc.constantFrom(...'AZaz09+/=_-$.'), maxLength: 50 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 2, 3, 256, 1000, 1024),
        fc.integer({ min: -1, max: 8 }),
        fc.integer({ min: -1, max: 4 }),
        b64,
        b64,
        async (n, r, p, salt, hash) => {
          const result = await verifyPassword('password', `scrypt$v=1$n=${n},r=${r},p=${p}$${salt}$${hash}`);
          expect(typeof result).toBe('boolean');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses to hash non-strings and absurdly long input', async () => {
    await expect(hashPassword(42 as unknown as string)).rejects.toThrow(TypeError);
    await expect(hashPassword('x'.repeat(5000))).rejects.toThrow(RangeError);
  });
});

describe('needsRehash', () => {
  /** A well-formed string with random bytes: needsRehash only reads the parameters and lengths. */
  function storedWith({ n, r, p }: { n: number; r: number; p: number }, saltBytes = 16, hashBytes = 32): string {
    const b64 = (length: number): string => crypto.randomBytes(length).toString('base64').replace(/=+$/, '');
    return `scrypt$v=1$n=${n},r=${r},p=${p}$${b64(saltBytes)}$${b64(hashBytes)}`;
  }

  it('is false for a hash with the current parameters', async () => {
    expect(needsRehash(storedWith(CURRENT_SCRYPT_PARAMS))).toBe(false);
    expect(needsRehash(await hashPassword('fresh password'))).toBe(false);
  });

  it('is true when any parameter or length is weaker than the current one', () => {
    const { n, r, p } = CURRENT_SCRYPT_PARAMS;
    expect(needsRehash(storedWith({ n: n / 2, r, p }))).toBe(true);
    expect(needsRehash(storedWith({ n, r: r - 1, p }))).toBe(true);
    expect(needsRehash(storedWith({ n, r, p }, 8))).toBe(true);
    expect(needsRehash(storedWith({ n, r, p }, 16, 16))).toBe(true);
    expect(needsRehash(oracleHash('x'))).toBe(true);
  });

  it('is false for stronger parameters and true for unreadable strings', () => {
    const { n, r, p } = CURRENT_SCRYPT_PARAMS;
    expect(needsRehash(storedWith({ n: n * 2, r, p: p + 1 }, 32, 64))).toBe(false);
    expect(needsRehash('')).toBe(true);
    expect(needsRehash('plaintext-password')).toBe(true);
  });
});

describe('verifyPasswordForUnknownAccount', () => {
  it('runs a real scrypt verification and resolves false', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    await expect(verifyPasswordForUnknownAccount('jornada-decoy-password')).resolves.toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    compare.mockRestore();
  });
});
