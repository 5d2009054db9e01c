import type { FormatEnv } from '../types.js';

export const PT: FormatEnv = { locale: 'pt-BR', currency: 'BRL', timezone: 'America/Sao_Paulo' };
export const EN: FormatEnv = { locale: 'en', currency: 'USD', timezone: 'America/New_York' };
