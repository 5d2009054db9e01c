/**
 * Arbitrary text for "never throws" properties. fast-check's `unit: 'binary'` costs ~1s of
 * setup per test file, so any code point (lone surrogates included) is generated directly,
 * mixed with fragments that look like customer answers to reach the interesting branches.
 */
import fc from 'fast-check';

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));

const fragment = fc.constantFrom(
  ' ', '.', ',', '/', '-', '@', '+', '(', ')', '#', '0', '1', '9', '12', '31', '2026', '1.234', '5,5',
  'R$', 'de', 'dez', 'dezembro', 'December', 'hoje', 'amanhã', 'opção', 'nota', 'sim', 'não',
  '👍', '2️⃣', '🔟', '⭐', '\u00A0', 'ana', 'loja.com', '+55', '(11)', '98765-4321',
);

/** Any string: random code points, graphemes, or a soup of answer-like fragments. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: anyCodePoint }),
  fc.string({ unit: 'grapheme' }),
  fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join('')),
);
