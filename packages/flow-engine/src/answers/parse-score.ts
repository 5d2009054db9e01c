/**
 * A survey score (NPS 0-10, CSAT 1-5) out of how customers actually answer: '9',
 * 'nota 9', 'dou 10!', '🔟', '9️⃣', '10/10', 'nove', '⭐⭐⭐⭐'.
 */
import { replaceEmojiDigits } from './emoji-digits.js';
import { normalizeText, words } from './normalize-text.js';
import { type Parsed, fail, ok, rejectUnusable, single } from './parsed.js';

const NUMBER = /\d+(?:[.,]\d+)?/gu;
/** 'N/M', 'N de M', 'N em M', 'N of M', 'N out of M': the scale, not a second answer. */
const OUT_OF = /(?<!\d)(\d+)\s*(?:\/|\bde\b|\bem\b|\bout of\b|\bof\b)\s*(\d+)/gu;
/** 'de 0 a 10', '1-5', 'from 0 to 10': the scale stated back, when it is exactly [min, max]. */
const SCALE = /(?:\b(?:de|from)\s+)?(?<!\d)(\d+)\s*(?:\ba\b|\bate\b|\bto\b|-)\s*(\d+)(?!\d)/gu;
const STAR = /[\u2B50\u2605\u{1F31F}]/gu;

const NUMBER_WORDS = new Map<string, number>([
  ['zero', 0],
  ['um', 1], ['uma', 1], ['one', 1],
  ['dois', 2], ['duas', 2], ['two', 2],
  ['tres', 3], ['three', 3],
  ['quatro', 4], ['four', 4],
  ['cinco', 5], ['five', 5],
  ['seis', 6], ['six', 6],
  ['sete', 7], ['seven', 7],
  ['oito', 8], ['eight', 8],
  ['nove', 9], ['nine', 9],
  ['dez', 10], ['ten', 10],
]);
/** Words that are usually articles ("dou uma nota dez"), so they yield to another number word. */
const ARTICLE_LIKE = new Set(['um', 'uma', 'one']);

function digitScores(normalized: string, min: number, max: number): number[] {
  const withoutScale = normalized
    .replace(SCALE, (whole, low: string, high: string) => (Number(low) === min && Number(high) === max ? ' ' : whole))
    .replace(OUT_OF, (whole, score: string, scale: string) => (Number(scale) === max ? score : whole));
  return [...withoutScale.matchAll(NUMBER)].map((match) => Number(match[0].replace(',', '.')));
}

function wordScores(normalized: string): number[] {
  const found = words(normalized).filter((word) => NUMBER_WORDS.has(word));
  const meaningful = found.some((word) => !ARTICLE_LIKE.has(word)) ? found.filter((word) => !ARTICLE_LIKE.has(word)) : found;
  return meaningful.map((word) => NUMBER_WORDS.get(word) ?? Number.NaN);
}

/**
 * Reads a score between `min` and `max` inclusive. Digits win over number words
 * ('zero' to 'dez' / 'ten'), which win over counting star emoji. A trailing scale equal to
 * `max` is ignored ('10/10', '9 de 10'). Decimal scores are `'invalid'` (surveys expect
 * whole numbers; asking again beats rounding).
 *
 * @returns `'out_of_range'` outside [min, max], `'ambiguous'` for two different numbers
 * ('8 ou 9'), `'invalid'` when there is no score. Never throws.
 */
export function parseScore(text: string, min: number, max: number): Parsed<number> {
  const unusable = rejectUnusable(text);
  if (unusable) return unusable;
  const normalized = normalizeText(replaceEmojiDigits(text));
  const digits = digitScores(normalized, min, max);
  const fromWords = digits.length > 0 ? [] : wordScores(normalized);
  const stars = text.match(STAR)?.length ?? 0;
  const candidates = digits.length > 0 ? digits : fromWords.length > 0 ? fromWords : stars > 0 ? [stars] : [];

  const score = single(candidates, fail('invalid'));
  if (!score.ok) return score;
  if (!Number.isInteger(score.value)) return fail('invalid');
  if (!(score.value >= min && score.value <= max)) return fail('out_of_range');
  return ok(score.value);
}
