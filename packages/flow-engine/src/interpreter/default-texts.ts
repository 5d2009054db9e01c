// Customer-facing words the engine says on its own when a node does not set them.
// Marketers override each per node; these keep a flow polite in the workspace's language.

type Key =
  | 'choose_option'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_number'
  | 'invalid_date'
  | 'invalid_text'
  | 'invalid_score'
  | 'list_button'
  | 'score_labels';

const TEXTS: Record<'en' | 'pt-BR', Record<Key, string>> = {
  en: {
    choose_option: 'Please choose one of the options.',
    invalid_email: "That doesn't look like an email address. Could you type it again? (e.g. name@example.com)",
    invalid_phone: "That doesn't look like a phone number. Could you type it again with the area code?",
    invalid_number: 'Please answer with a number.',
    invalid_date: 'Please answer with a date, e.g. 12/25/2026.',
    invalid_text: 'Please answer with a text message.',
    invalid_score: 'Please answer with a number from {min} to {max}.',
    list_button: 'Options',
    score_labels: 'Choose a score',
  },
  'pt-BR': {
    choose_option: 'Por favor, escolha uma das opções.',
    invalid_email: 'Esse não parece um e-mail. Pode digitar de novo? (ex.: nome@exemplo.com)',
    invalid_phone: 'Esse não parece um telefone. Pode digitar de novo com o DDD?',
    invalid_number: 'Por favor, responda com um número.',
    invalid_date: 'Por favor, responda com uma data, ex.: 25/12/2026.',
    invalid_text: 'Por favor, responda com uma mensagem de texto.',
    invalid_score: 'Por favor, responda com um número de {min} a {max}.',
    list_button: 'Opções',
    score_labels: 'Escolha uma nota',
  },
};

/** The default text for `key` in `locale` (pt-BR for any Portuguese, English otherwise). */
export function defaultText(locale: string, key: Key, params: Record<string, string | number> = {}): string {
  const lang = locale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
