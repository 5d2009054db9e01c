import type { BusinessHoursSettings } from '@jornada/flow-engine';
import type { ContactInput } from '../contacts/contact-state.js';

/** The demo workspace a fresh installation starts with: a Brazilian shop. */
export const DEMO_WORKSPACE = {
  name: 'Demo',
  slug: 'demo',
  locale: 'pt-BR',
  timezone: 'America/Sao_Paulo',
  currency: 'BRL',
  country: 'BR',
  businessHours: {
    days: {
      mon: [{ start: '09:00', end: '18:00' }],
      tue: [{ start: '09:00', end: '18:00' }],
      wed: [{ start: '09:00', end: '18:00' }],
      thu: [{ start: '09:00', end: '18:00' }],
      fri: [{ start: '09:00', end: '18:00' }],
      sat: [{ start: '09:00', end: '13:00' }],
    },
  } satisfies BusinessHoursSettings,
} as const;

export interface DemoContact extends ContactInput {
  /** Channel ids the contact is known by. */
  readonly identities: readonly { readonly channel: string; readonly externalId: string }[];
}

/** Sample customers (fictitious; example.com addresses) to try searches and the simulator on. */
export const DEMO_CONTACTS: readonly DemoContact[] = [
  {
    name: 'Ana Souza',
    phone: '+55 11 98765-4321',
    email: 'ana.souza@example.com',
    tags: ['vip', 'newsletter'],
    attributes: { city: 'São Paulo', first_purchase_category: 'moda' },
    optIn: true,
    identities: [{ channel: 'whatsapp', externalId: '+5511987654321' }],
  },
  {
    name: 'João Pereira',
    phone: '+55 21 99876-5432',
    email: 'joao.pereira@example.com',
    tags: ['cliente-recorrente'],
    attributes: { city: 'Rio de Janeiro', first_purchase_category: 'casa' },
    optIn: true,
    identities: [{ channel: 'whatsapp', externalId: '+5521998765432' }],
  },
  {
    name: 'Maria Conceição',
    phone: '+55 31 97654-3210',
    tags: [],
    attributes: { city: 'Belo Horizonte' },
    optIn: false,
    identities: [{ channel: 'whatsapp', externalId: '+5531976543210' }],
  },
  {
    name: 'Lucas Oliveira',
    email: 'lucas.oliveira@example.com',
    tags: ['webchat'],
    attributes: {},
    identities: [{ channel: 'email', externalId: 'lucas.oliveira@example.com' }],
  },
];
