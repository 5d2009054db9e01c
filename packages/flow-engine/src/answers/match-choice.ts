/**
 * Which of a menu's options a customer picked: a button tap, the option's number, its
 * title/alias typed loosely, or a sentence that mentions exactly one option.
 */
import { replaceEmojiDigits } from './emoji-digits.js';
import { normalizeText, words } from './normalize-text.js';
import { type Parsed, fail, ok, rejectUnusable, single } from './parsed.js';

/** One option of a question; `aliases` are extra accepted answers ("s", "yes" for "Sim"). */
export interface ChoiceOption {
  id: string;
  title: string;
  aliases?: string[];
}

/**
 * `byNumber: false` when the options were never shown numbered (a template's quick replies):
 * then a typed '1' is an answer of its own, not "the first button".
 */
export interface MatchSettings {
  byNumber?: boolean;
}

/** What came back from the channel: typed text and/or the id of a tapped button/list row. */
export interface ChoiceInput {
  text?: string;
  buttonId?: string;
}

const NUMBER_WORDS = 'opcao|opcoes|opc|op|option|opt|numero|number|num|nro|no|n|item|alternativa';
/** The whole answer is an option number: '2', '2)', '#2', 'opção 2', 'nº 2'. */
const NUMBER_ONLY = new RegExp(`^(?:(?:${NUMBER_WORDS})\\s*[.:#°]?\\s*)?#?\\s*(\\d{1,3})$`, 'u');
/** An explicit 'opção 2' inside a sentence ('quero a opção 2, por favor'). */
const NUMBER_IN_SENTENCE = /(?:^|[^\p{L}\p{N}])(?:opcao|option|numero|number)\s*[.:#°]?\s*(\d{1,3})(?!\d)/gu;

/** Comparable key of a title or answer; emoji-only text keeps its emoji so '👍' can match '👍'. */
function keyOf(text: string): string {
  return normalizeText(text) || text.replace(/[\s\uFE0F]/gu, '');
}

interface Span {
  id: string;
  start: number;
  end: number;
}

/** Every place where `needle` occurs in `haystack` as a run of whole words. */
function wordRuns(haystack: readonly string[], needle: readonly string[], id: string): Span[] {
  const spans: Span[] = [];
  if (needle.length === 0) return spans;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, i) => haystack[start + i] === word)) spans.push({ id, start, end: start + needle.length });
  }
  return spans;
}

/**
 * Options whose full title (or alias) appears in the answer as whole words. A mention
 * inside a longer mention of another option does not count ("Pessoa" inside
 * "falar com uma pessoa"), so the more specific option wins.
 */
function mentionedOptions(answer: string, options: readonly ChoiceOption[]): string[] {
  const answerWords = words(answer);
  // One-word aliases ('não', 's') count only as the whole answer: inside a sentence they are
  // ordinary words ("e se eu não estiver em casa?" is a question, not a "no").
  const labels = (option: ChoiceOption): string[] => [
    option.title,
    ...(option.aliases ?? []).filter((alias) => words(normalizeText(alias)).length > 1),
  ];
  const spans = options.flatMap((option) =>
    labels(option).flatMap((label) => wordRuns(answerWords, words(normalizeText(label)), option.id)),
  );
  const outermost = spans.filter(
    (span) => !spans.some((other) => other !== span && other.start <= span.start && span.end <= other.end && other.end - other.start > span.end - span.start),
  );
  return outermost.map((span) => span.id);
}

function byPosition(position: number, options: readonly ChoiceOption[]): Parsed<string> {
  const option = options[position - 1];
  return option && position >= 1 ? ok(option.id) : fail('out_of_range');
}

/**
 * Matches a customer's answer to one of `options` and returns the option's id.
 *
 * In order: a tapped button/list row (`buttonId` equal to an option id); an answer equal to
 * a title or alias ignoring case, accents and surrounding punctuation/emoji ('sim!' ->
 * 'Sim'); the option's 1-based number ('2', '2)', '#2', 'opção 2', '2️⃣'); an answer that
 * mentions exactly one option's title as whole words ('quero falar com uma pessoa').
 * Titles are tried before numbers so an option titled '10' is not read as "option 10".
 * A `buttonId` that matches no id is read as text when no text came with it.
 *
 * @returns the option id; `'out_of_range'` for a number beyond the list, `'ambiguous'`
 * when several options match, `'empty'`/`'invalid'` otherwise. Never throws.
 */
export function matchChoice(input: ChoiceInput, options: readonly ChoiceOption[], settings: MatchSettings = {}): Parsed<string> {
  const tapped = input.buttonId !== undefined ? options.find((option) => option.id === input.buttonId) : undefined;
  if (tapped) return ok(tapped.id);

  const text = input.text !== undefined && input.text.trim() !== '' ? input.text : input.buttonId;
  const unusable = rejectUnusable(text);
  if (unusable || text === undefined) return unusable ?? fail('empty');

  const answer = keyOf(replaceEmojiDigits(text));
  const exact = options.filter((option) => [option.title, ...(option.aliases ?? [])].some((label) => keyOf(label) === answer));
  if (exact.length > 0) return single(exact.map((option) => option.id), fail('invalid'));

  const byNumber = settings.byNumber ?? true;
  const number = byNumber ? NUMBER_ONLY.exec(answer) : null;
  if (number) return byPosition(Number(number[1]), options);

  const mentioned = single(mentionedOptions(answer, options), fail('invalid'));
  if (mentioned.ok || mentioned.reason === 'ambiguous') return mentioned;

  if (!byNumber) return fail('invalid');
  const numbers = [...answer.matchAll(NUMBER_IN_SENTENCE)].map((match) => Number(match[1]));
  const position = single(numbers, fail('invalid'));
  return position.ok ? byPosition(position.value, options) : position;
}
