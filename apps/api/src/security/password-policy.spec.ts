import fc from 'fast-check';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPasswordPolicy } from './password-policy.js';

/** Any code point, lone surrogates included (fast-check's `unit: 'binary'` costs ~1 s of setup). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint));

describe('checkPasswordPolicy', () => {
  it.each(['correct horse battery staple', 'Tr0ub4dor&3x', 'ten chars!', 'açaí na praia', '🔒🔑🚪🏠🌙⭐🍀🎈🎁🎉'])(
    'accepts %j',
    (password) => {
      expect(checkPasswordPolicy(password)).toBeNull();
    },
  );

  it('asks for at least 10 characters, counting code points rather than UTF-16 units', () => {
    expect(checkPasswordPolicy('')).toMatch(/at least 10 characters/);
    expect(checkPasswordPolicy('nine char')).toMatch(/at least 10 characters/);
    // Five emoji are ten UTF-16 units but five characters.
    expect(checkPasswordPolicy('🔒🔑🚪🏠🌙')).toMatch(/at least 10 characters/);
    expect(checkPasswordPolicy('x'.repeat(MIN_PASSWORD_LENGTH - 1) + 'y')).toBeNull();
  });

  it('allows at most 256 characters', () => {
    expect(checkPasswordPolicy('ab'.repeat(MAX_PASSWORD_LENGTH / 2))).toBeNull();
    expect(checkPasswordPolicy('ab'.repeat(MAX_PASSWORD_LENGTH / 2) + 'c')).toMatch(/at most 256 characters/);
  });

  it('rejects a single repeated character', () => {
    expect(checkPasswordPolicy('aaaaaaaaaaaa')).toMatch(/repeat a single character/);
    expect(checkPasswordPolicy('😀'.repeat(12))).toMatch(/repeat a single character/);
  });

  it.each(['password123', 'PASSWORD123', 'QwErTyUiOp', '1234567890', 'senha123456', 'Jornada123'])(
    'rejects the common password %j, whatever its case',
    (password) => {
      expect(checkPasswordPolicy(password)).toMatch(/most commonly used/);
    },
  );

  it('returns a message rather than throwing for a non-string', () => {
    expect(checkPasswordPolicy(undefined as unknown as string)).toBe('Enter a password.');
  });

  it('never throws and answers with null or one readable sentence', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint, maxLength: 300 }), (password) => {
        const result = checkPasswordPolicy(password);
        if (result !== null) expect(result).toMatch(/^[A-Z].*\.$/);
      }),
    );
  });
});
