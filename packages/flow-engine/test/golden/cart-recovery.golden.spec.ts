import * as fs from 'node:fs';
import type { Json } from '../../src/schema/common.schema.js';
import { defineGoldenSuite } from './golden-suite.js';
import type { Scenario } from './transcript.js';

// Black Friday 2026, 09:00 in São Paulo: Marina leaves a pair of sneakers in her cart.
const START = '2026-11-27T09:00:00-03:00';
const TOKEN = 'ct_8f2a91';

const cart = (overrides: { token?: string; total?: number; title?: string; path?: string; image?: string } = {}): Record<string, Json> => ({
  cart: {
    token: overrides.token ?? TOKEN,
    total: overrides.total ?? 349.9,
    recovery_path: overrides.path ?? `carrinho/recuperar/${TOKEN}`,
    items: [
      {
        title: overrides.title ?? 'Tênis Runner Azul',
        quantity: 1,
        price: overrides.total ?? 349.9,
        image_url: overrides.image ?? 'https://cdn.lojaazul.com.br/produtos/tenis-runner-azul.jpg',
      },
    ],
  },
});

const order = (number: string, total: number, token = TOKEN): Record<string, Json> => ({
  order_id: `o_${number}`,
  number,
  total,
  cart_token: token,
});

const EN_CART = cart({
  token: 'ct_en01',
  total: 129,
  title: 'Trail Runner Sneakers',
  path: 'cart/recover/ct_en01',
  image: 'https://cdn.blueharbor.example/products/trail-runner.jpg',
});

const OPEN = { event: 'cart.abandoned', data: cart() } as const;
const STOP = { tap: 'stop', title: 'Parar lembretes' } as const;

const scenarios: Scenario[] = [
  {
    name: 'converted-in-first-window',
    title: 'Reminder after 1 h; an order for another cart is not hers; her order 6 h later recovers the cart and she is thanked.',
    startAt: START,
    opening: OPEN,
    steps: [
      { fire: 'timer' },
      { after: '5h' },
      { event: 'order.created', data: order('1042', 89.9, 'ct_other') },
      { after: '1h' },
      { event: 'order.created', data: order('1043', 349.9) },
    ],
  },
  {
    name: 'converted-after-coupon',
    title: 'No order within 23 h: the coupon reminder goes out; she buys the next morning with it.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { fire: 'timer' }, { after: '2h' }, { event: 'order.created', data: order('1057', 314.91) }],
  },
  {
    name: 'not-recovered',
    title: 'Reminder, coupon, silence: the cart is tagged as not recovered and the journey ends.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { fire: 'timer' }, { fire: 'timer' }],
  },
  {
    name: 'opt-out-typed-parar',
    title: 'She answers the reminder with "PARAR": tagged, attribute saved, confirmation, no coupon.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { after: '2h' }, { say: 'PARAR' }],
  },
  {
    name: 'opt-out-tap-stop-on-reminder',
    title: 'She taps the reminder’s "Parar lembretes" quick reply during the 23 h wait.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { after: '30m' }, STOP],
  },
  {
    name: 'opt-out-tap-stop-on-coupon',
    title: 'She taps "Parar lembretes" on the coupon template: the coupon’s stop path is taken.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { fire: 'timer' }, { after: '1h' }, STOP],
  },
  {
    name: 'opt-out-typed-after-coupon',
    title: 'She writes "Não quero" after the coupon: opt-out words are matched without case or accents.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { fire: 'timer' }, { after: '3h' }, { say: 'Não quero' }],
  },
  {
    name: 'question-goes-to-a-person',
    title: 'She asks about a size: the sales team takes over, the bot stays silent, the agent resolves it.',
    startAt: START,
    opening: OPEN,
    steps: [
      { fire: 'timer' },
      { after: '20m' },
      { say: 'Esse tênis tem no tamanho 38?' },
      { after: '2m' },
      { say: 'Alô?' },
      { after: '10m' },
      { agent: 'resolved' },
    ],
  },
  {
    name: 'typed-number-is-not-a-button',
    title: 'She types "1" after the reminder: quick replies are never numbered, so it is a question for a person, not an opt-out.',
    startAt: START,
    opening: OPEN,
    steps: [{ fire: 'timer' }, { after: '5m' }, { say: '1' }],
  },
  {
    name: 'already-opted-out',
    title: 'She asked to stop reminders on an earlier cart: a new abandoned cart sends her nothing.',
    startAt: START,
    contact: { tags: ['cart_reminders_opt_out'] },
    opening: OPEN,
    steps: [],
  },
  {
    name: 'already-opted-out-by-attribute',
    title: 'Her contact record says no cart reminders (set by an agent or an import): nothing is sent.',
    startAt: START,
    contact: { attributes: { cart_reminders: false } },
    opening: OPEN,
    steps: [],
  },
  {
    name: 'stale-timers-ignored',
    title: 'Timer jobs delivered twice (at-least-once queue) and a reply during the first hour change nothing.',
    startAt: START,
    opening: OPEN,
    steps: [
      { after: '10m' },
      { say: 'oi' },
      { fire: 'timer' },
      { fireStale: 'wait_1h' },
      { fire: 'timer' },
      { fireStale: 'wait_order' },
      { after: '1h' },
      { fireStale: 'wait_1h' },
      { fire: 'timer' },
      { fireStale: 'wait_order_2' },
    ],
  },
  {
    name: 'en-question-goes-to-a-person',
    title: 'English store: reminder, then a question goes to the sales team with the cart value in dollars.',
    locale: 'en',
    startAt: '2026-11-27T09:00:00-05:00',
    opening: {
      event: 'cart.abandoned',
      data: EN_CART,
    },
    steps: [{ fire: 'timer' }, { after: '45m' }, { say: 'Do you ship to Canada?' }, { after: '15m' }, { agent: 'handed_back' }],
  },
  {
    name: 'en-converted-in-first-window',
    title: 'English store: the order within the first window is recorded in USD and thanked.',
    locale: 'en',
    startAt: '2026-11-27T09:00:00-05:00',
    opening: {
      event: 'cart.abandoned',
      data: EN_CART,
    },
    steps: [{ fire: 'timer' }, { after: '3h' }, { event: 'order.created', data: order('5001', 129, 'ct_en01') }],
  },
];

defineGoldenSuite('cart-recovery', scenarios, fs);
