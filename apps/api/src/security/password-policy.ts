/**
 * What a new password must satisfy. Length is what makes a password strong (NIST SP 800-63B);
 * composition rules ("one digit, one symbol") only produce `Password1!`, so there are none.
 */

/** Fewest characters (Unicode code points) a password may have. */
export const MIN_PASSWORD_LENGTH = 10;
/** Most characters a password may have: generous for passphrases, bounded for the KDF. */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * The most common passwords that are long enough to pass the length rule, from public leak
 * rankings (plus a few Portuguese ones, our first market, and our own name). Compared
 * case-insensitively. A short list on purpose: a full breach corpus belongs in a later,
 * separate check (e.g. k-anonymity against Have I Been Pwned).
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '123456789a',
  '1234567890a',
  '123456789abc',
  '1234qwerasdf',
  '123qweasdzxc',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'a123456789',
  'aa12345678',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'admin12345',
  'administrator',
  'baseball123',
  'changeme123',
  'football123',
  'iloveyou12',
  'iloveyou123',
  'jornada123',
  'jornada1234',
  'letmein123',
  'monkey1234',
  'passw0rd123',
  'password01',
  'password12',
  'password123',
  'password1234',
  'princess123',
  'qazwsxedc123',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'qwertyuiop',
  'qwertyuiop123',
  'senha12345',
  'senha123456',
  'starwars123',
  'sunshine123',
  'superman123',
  'trustno1234',
  'welcome123',
  'zaq12wsxcde3',
]);

/**
 * Checks a new password (at sign-up, reset or change) against the policy.
 *
 * @returns `null` when the password is acceptable, otherwise one sentence to show the person.
 */
export function checkPasswordPolicy(password: string): string | null {
  if (typeof password !== 'string') return 'Enter a password.';
  // Count what the person typed: code points after the same normalisation hashing applies,
  // so an emoji or an accented letter counts as one character.
  const characters = [...password.normalize('NFKC')];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters. A few words in a row make a strong, memorable password.`;
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (characters.every((character) => character === characters[0])) {
    return 'Do not repeat a single character. Try a few words in a row instead.';
  }
  if (COMMON_PASSWORDS.has(characters.join('').toLowerCase())) {
    return 'This password is one of the most commonly used and easy to guess. Choose another.';
  }
  return null;
}
