import { defineMessages } from '../i18n/define-messages.js';

/** Settings: the workspace, members and invitations, API keys, personal preferences. */
export const messages = defineMessages({
  en: {
    'settings.title': 'Settings',
    'settings.tabs': 'Settings sections',
    'settings.tab.workspace': 'Workspace',
    'settings.tab.members': 'Members',
    'settings.tab.apiKeys': 'API keys',
    'settings.tab.preferences': 'Preferences',
    'settings.preferences.title': 'Your preferences',
    'settings.preferences.description': 'These apply to you, in this browser.',
    'settings.preferences.language': 'Language of the builder',
    'settings.preferences.languageHint': 'Labels, dates and numbers follow this language.',
    'settings.preferences.sample': 'Example: {date} · {number}',
  },
  'pt-BR': {
    'settings.title': 'Configurações',
    'settings.tabs': 'Seções das configurações',
    'settings.tab.workspace': 'Espaço de trabalho',
    'settings.tab.members': 'Membros',
    'settings.tab.apiKeys': 'Chaves de API',
    'settings.tab.preferences': 'Preferências',
    'settings.preferences.title': 'Suas preferências',
    'settings.preferences.description': 'Valem para você, neste navegador.',
    'settings.preferences.language': 'Idioma do construtor',
    'settings.preferences.languageHint': 'Rótulos, datas e números seguem este idioma.',
    'settings.preferences.sample': 'Exemplo: {date} · {number}',
  },
});
