/**
 * Reading what customers type, the way they type it: menu choices, emails, phones,
 * numbers, dates and survey scores. Every parser is pure and total: it returns a
 * {@link Parsed} result and never throws, whatever the input.
 */
export type { ParseFailure, ParseFailureReason, Parsed } from './parsed.js';
export { MAX_ANSWER_LENGTH } from './parsed.js';
export { normalizeText } from './normalize-text.js';
export type { ChoiceInput, ChoiceOption, MatchSettings } from './match-choice.js';
export { matchChoice } from './match-choice.js';
export { parseEmail } from './parse-email.js';
export { parsePhone } from './parse-phone.js';
export { parseNumber } from './parse-number.js';
export type { ParseDateOptions } from './parse-date.js';
export { parseDate } from './parse-date.js';
export { parseScore } from './parse-score.js';
