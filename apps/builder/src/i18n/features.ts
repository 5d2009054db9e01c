// The registry of feature catalogues: one line per feature folder that owns messages.
// Each module exports `messages = defineMessages({ en: {...}, 'pt-BR': {...} })`.
export * as common from '../ui/messages.js';
export * as app from '../app/messages.js';
export * as auth from '../auth/messages.js';
export * as flows from '../flows/messages.js';
export * as settings from '../settings/messages.js';
export * as versions from '../versions/messages.js';
export * as editor from '../editor/messages.js';
export * as inspector from '../editor/inspector/messages.js';
export * as simulator from '../simulator/messages.js';
