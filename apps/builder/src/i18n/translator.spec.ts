import type { Message } from './define-messages.js';
import { detectLocale } from './locales.js';
import { createTranslator } from './translator.js';

describe('createTranslator', () => {
  it('translates and interpolates, formatting numbers per locale', () => {
    expect(createTranslator('en').t('flows.count', { count: 1234 })).toBe('1,234 flows');
    expect(createTranslator('pt-BR').t('flows.count', { count: 1234 })).toBe('1.234 fluxos');
    expect(createTranslator('pt-BR').t('common.moreActions', { name: 'Carrinho' })).toBe('Mais ações para Carrinho');
  });

  it('picks plural forms with Intl.PluralRules, and the zero form for 0', () => {
    const { t } = createTranslator('en');
    expect(t('flows.count', { count: 0 })).toBe('No flows');
    expect(t('flows.count', { count: 1 })).toBe('1 flow');
    expect(t('flows.count', { count: 2 })).toBe('2 flows');
    const pt = createTranslator('pt-BR').t;
    expect(pt('flows.count', { count: 0 })).toBe('Nenhum fluxo');
    expect(pt('flows.count', { count: 1 })).toBe('1 fluxo');
    expect(pt('flows.count', { count: 5 })).toBe('5 fluxos');
  });

  it('falls back to English, then to the key, for a stale catalogue', () => {
    const catalogues: Record<'en' | 'pt-BR', Record<string, Message>> = { en: { 'x.only': 'Only English' }, 'pt-BR': {} };
    const t = createTranslator('pt-BR', catalogues).t as (key: string) => string;
    expect(t('x.only')).toBe('Only English');
    expect(t('x.missing')).toBe('x.missing');
  });

  it('formats dates, relative times and lists per locale', () => {
    const at = Date.UTC(2026, 10, 27, 15, 0);
    expect(createTranslator('en').format.date(at, { dateStyle: 'long', timeZone: 'UTC' })).toBe('November 27, 2026');
    expect(createTranslator('pt-BR').format.date(at, { dateStyle: 'long', timeZone: 'UTC' })).toBe('27 de novembro de 2026');
    expect(createTranslator('en').format.relative(at - 3 * 60_000, at)).toBe('3 minutes ago');
    expect(createTranslator('pt-BR').format.relative(at - 86_400_000, at)).toBe('ontem');
    expect(createTranslator('pt-BR').format.list(['a', 'b', 'c'])).toBe('a, b e c');
    expect(createTranslator('pt-BR').format.currency(1234.5, 'BRL')).toBe('R$\u00a01.234,50');
  });
});

describe('detectLocale', () => {
  it('prefers the stored choice, then the first browser language we speak', () => {
    expect(detectLocale({ stored: 'pt-BR', browserLanguages: ['en-US'] })).toBe('pt-BR');
    expect(detectLocale({ stored: 'fr', browserLanguages: ['de-DE', 'pt-PT', 'en'] })).toBe('pt-BR');
    expect(detectLocale({ stored: null, browserLanguages: ['en-GB', 'pt-BR'] })).toBe('en');
    expect(detectLocale({ stored: null, browserLanguages: ['ja'] })).toBe('en');
  });
});
