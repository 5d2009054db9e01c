/**
 * Password hashing with scrypt, stored as a self-describing string so the cost can be raised
 * later without a migration: old hashes keep verifying, and `needsRehash` tells the login path
 * to re-hash them with the current parameters once the plain password is at hand.
 *
 * Format: `scrypt$v=1$n=32768,r=8,p=1$<salt>$<hash>`, salt and hash in unpadded standard
 * base64 (as in the PHC string format).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters as written in the stored string. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly n: number;
  /** Block size. */
  readonly r: number;
  /** Parallelisation. */
  readonly p: number;
}

/**
 * The parameters new hashes get. N=2^15, r=8 uses 32 MiB and takes about 100 ms on the
 * reference machine: slow and memory-hard enough to make offline guessing expensive, fast
 * enough that a login stays snappy. Raise them here; `needsRehash` does the rest.
 */
export const CURRENT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ n: 2 ** 15, r: 8, p: 1 });

const FORMAT_VERSION = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

/**
 * Longest password (in UTF-16 units) we will hash at all. The policy allows far less; this only
 * stops an oversized request body from reaching NFKC normalisation and the KDF.
 */
const MAX_HASHABLE_LENGTH = 4096;

/**
 * Bounds on parameters read back from a stored string. A corrupted or planted row must not make
 * verification allocate gigabytes or spin for minutes: 128·N·r is scrypt's memory use.
 */
const MAX_SCRYPT_MEMORY_BYTES = 256 * 1024 * 1024;
const MAX_P = 16;
/** Cap on N·r·p, scrypt's running time: 64 times today's cost, a few seconds at most. */
const MAX_SCRYPT_WORK = 2 ** 24;

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

/**
 * Hashes a password for storage with a fresh 16-byte random salt and the current parameters.
 *
 * The password is NFKC-normalised first (NIST SP 800-63B) so the same password typed on
 * keyboards that produce composed or decomposed characters verifies the same. This choice is
 * baked into every stored hash: do not change the normalisation form.
 *
 * @throws TypeError when `password` is not a string, RangeError when it is absurdly long.
 */
export async function hashPassword(password: string): Promise<string> {
  if (typeof password !== 'string') throw new TypeError('password must be a string');
  if (password.length > MAX_HASHABLE_LENGTH) throw new RangeError('password is too long to hash');
  const salt = randomBytes(SALT_BYTES);
  const hash = await deriveKey(password, salt, CURRENT_SCRYPT_PARAMS, HASH_BYTES);
  return formatHash({ params: CURRENT_SCRYPT_PARAMS, salt, hash });
}

/**
 * Checks a password against a stored hash in constant time with respect to the hash contents.
 * Never throws: a malformed, truncated or out-of-bounds stored string verifies as `false`.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (typeof password !== 'string' || password.length > MAX_HASHABLE_LENGTH) return false;
  const parsed = parseHash(stored);
  if (parsed === null) return false;
  try {
    const candidate = await deriveKey(password, parsed.salt, parsed.params, parsed.hash.length);
    return timingSafeEqual(candidate, parsed.hash);
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash should be replaced by a fresh `hashPassword` after a successful login:
 * true when it is unreadable or any of its parameters is weaker than the current ones.
 */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (parsed === null) return true;
  const { n, r, p } = parsed.params;
  return (
    n < CURRENT_SCRYPT_PARAMS.n ||
    r < CURRENT_SCRYPT_PARAMS.r ||
    p < CURRENT_SCRYPT_PARAMS.p ||
    parsed.salt.length < SALT_BYTES ||
    parsed.hash.length < HASH_BYTES
  );
}

let decoyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification and resolves `false`. Call it when the login
 * email matches no account, so response time does not reveal which emails are registered.
 * The decoy hash is computed on first use (that one call takes twice as long).
 */
export async function verifyPasswordForUnknownAccount(password: string): Promise<false> {
  decoyHash ??= hashPassword('jornada-decoy-password');
  await verifyPassword(password, await decoyHash);
  return false;
}

function deriveKey(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.n,
    r: params.r,
    p: params.p,
    // Node's default cap (32 MiB) is exactly what N=2^15,r=8 needs, and OpenSSL counts a little
    // more than 128·N·r, so give twice the nominal figure.
    maxmem: 2 * 128 * params.n * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

function formatHash({ params, salt, hash }: ParsedHash): string {
  return `scrypt$v=${FORMAT_VERSION}$n=${params.n},r=${params.r},p=${params.p}$${toB64(salt)}$${toB64(hash)}`;
}

const PARAMS_PATTERN = /^n=(\d{1,10}),r=(\d{1,4}),p=(\d{1,4})$/;

function parseHash(stored: unknown): ParsedHash | null {
  // The longest legitimate string is well under 200 characters; refuse to split huge inputs.
  if (typeof stored !== 'string' || stored.length > 512) return null;
  const parts = stored.split('$');
  if (parts.length !== 5) return null;
  const [algorithm, version, paramText, saltText, hashText] = parts;
  if (algorithm !== 'scrypt' || version !== `v=${FORMAT_VERSION}`) return null;
  const match = PARAMS_PATTERN.exec(paramText ?? '');
  if (match === null) return null;
  const n = Number(match[1]);
  const r = Number(match[2]);
  const p = Number(match[3]);
  if (!isValidParams(n, r, p)) return null;
  const salt = fromB64(saltText ?? '');
  const hash = fromB64(hashText ?? '');
  if (salt === null || hash === null) return null;
  if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) return null;
  return { params: { n, r, p }, salt, hash };
}

function isValidParams(n: number, r: number, p: number): boolean {
  // Bound n before the bitwise power-of-two test, which works on 32-bit integers.
  const nIsPowerOfTwo = n >= 2 && n <= 2 ** 21 && (n & (n - 1)) === 0;
  return (
    nIsPowerOfTwo &&
    r >= 1 &&
    p >= 1 &&
    p <= MAX_P &&
    128 * n * r <= MAX_SCRYPT_MEMORY_BYTES &&
    n * r * p <= MAX_SCRYPT_WORK
  );
}

function toB64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}

const B64_PATTERN = /^[A-Za-z0-9+/]+$/;

/** Decodes unpadded base64, rejecting anything that does not re-encode to the same text. */
function fromB64(text: string): Buffer | null {
  if (!B64_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return toB64(bytes) === text ? bytes : null;
}
