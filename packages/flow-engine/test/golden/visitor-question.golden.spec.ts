import * as fs from 'node:fs';
import { defineGoldenSuite } from './golden-suite.js';
import type { Scenario, ScriptStep } from './transcript.js';

// A Friday morning in São Paulo: Marina writes to Loja Azul on WhatsApp.
const START = '2026-11-27T10:15:00-03:00';
const HI = { say: 'Oi' } as const;

const PRODUCT: ScriptStep = { tap: 'product', title: 'Dúvida sobre produto' };
const ORDER: ScriptStep = { tap: 'order', title: 'Onde está meu pedido' };
const HUMAN: ScriptStep = { tap: 'human', title: 'Falar com atendente' };
const csat = (score: 1 | 2 | 3 | 4 | 5): ScriptStep => ({ pick: `score_${score}`, title: String(score) });
/** An anonymous webchat visitor: no phone, no email on the contact. */
const WEBCHAT = { channel: 'webchat', contact: { phone: null } } as const;

const scenarios: Scenario[] = [
  {
    name: 'faq-shipping-helped',
    title: 'Menu → common questions → delivery time; it helped; a late, stale menu timer changes nothing.',
    startAt: START,
    opening: HI,
    steps: [
      { after: '1m' },
      PRODUCT,
      { after: '1m' },
      { pick: 'shipping', title: 'Prazo de entrega' },
      { after: '2m' },
      { tap: 'yes', title: 'Sim, obrigado!' },
      { after: '30m' },
      { fireStale: 'menu' },
    ],
  },
  {
    name: 'faq-returns-not-helped-csat-positive',
    title: 'Returns answer did not help: she writes her question, support takes over (bot silent), resolves; CSAT 5.',
    startAt: START,
    opening: HI,
    steps: [
      PRODUCT,
      { pick: 'returns', title: 'Trocas e devoluções' },
      { after: '1m' },
      { tap: 'no', title: 'Não, quero ajuda' },
      { after: '2m' },
      { say: 'Comprei um vestido que veio com defeito. Posso trocar por outro tamanho?' },
      { after: '5m' },
      { say: 'Alguém aí?' },
      { after: '20m' },
      { agent: 'resolved' },
      { after: '3m' },
      csat(5),
    ],
  },
  {
    name: 'faq-payment-no-answer',
    title: 'Payment methods answer, then no reply to "did it help?" for 30 min: the session ends quietly.',
    startAt: START,
    opening: HI,
    steps: [PRODUCT, { pick: 'payment', title: 'Formas de pagamento' }, { fire: 'timer' }],
  },
  {
    name: 'faq-something-else-then-silence',
    title: '"Outra dúvida" asks her to write it; she never does: goodbye after 30 min.',
    startAt: START,
    opening: HI,
    steps: [PRODUCT, { after: '1m' }, { pick: 'something_else', title: 'Outra dúvida' }, { fire: 'timer' }],
  },
  {
    name: 'faq-no-choice-timeout',
    title: 'She opens the common questions but picks nothing: goodbye after 30 min.',
    startAt: START,
    opening: HI,
    steps: [PRODUCT, { fire: 'timer' }],
  },
  {
    name: 'faq-typed-question-handed-back',
    title: 'At the topics list she types her question instead: support gets it, hands back; the menu times out.',
    startAt: START,
    opening: HI,
    steps: [
      PRODUCT,
      { after: '1m' },
      { say: 'Vocês têm loja física em Curitiba?' },
      { after: '15m' },
      { agent: 'handed_back' },
      { fire: 'timer' },
    ],
  },
  {
    name: 'menu-typed-question-csat-neutral',
    title: 'She types at the menu instead of tapping: her words become the handoff reason; CSAT typed as "3".',
    startAt: START,
    opening: HI,
    steps: [{ after: '1m' }, { say: 'Vocês entregam em Manaus?' }, { after: '40m' }, { agent: 'resolved' }, { after: '1m' }, { say: '3' }],
  },
  {
    name: 'order-found-follow-up-csat-timeout',
    title: 'Order 1043 is found and its status shown; her follow-up goes to support; she never rates (CSAT times out).',
    startAt: START,
    opening: HI,
    steps: [
      ORDER,
      { after: '1m' },
      { say: '1043' },
      { http: { ok: true, status: 200, body: { id: 1043, status: 'Em transporte', tracking_url: 'https://rastreio.lojaazul.com.br/BR123456789BR' } } },
      { after: '2m' },
      { say: 'E se eu não estiver em casa na entrega?' },
      { after: '30m' },
      { agent: 'resolved' },
      { fire: 'timer' },
    ],
  },
  {
    name: 'order-number-in-a-sentence',
    title: 'She writes "meu pedido é o #1043": the number is read, sent URL-safe, and shown once.',
    startAt: START,
    opening: HI,
    steps: [
      ORDER,
      { after: '1m' },
      { say: 'meu pedido é o #1043' },
      { http: { ok: true, status: 200, body: { id: 1043, status: 'Em separação', tracking_url: null } } },
      { after: '1m' },
      { say: 'sim' },
    ],
  },
  {
    name: 'handed-back-then-support-not-orders',
    title: 'After the orders team hands back, asking for a person goes to support, not to orders again.',
    startAt: START,
    opening: HI,
    steps: [
      ORDER,
      { say: '1043' },
      { http: { ok: false, status: 503, body: { error: 'unavailable' } } },
      { after: '10m' },
      { agent: 'handed_back' },
      { after: '1m' },
      { tap: 'human', title: 'Falar com atendente' },
    ],
  },
  {
    name: 'order-lookup-error-csat-negative',
    title: 'The store API times out: the orders team takes over with high priority; CSAT 1 typed.',
    startAt: START,
    opening: HI,
    steps: [
      ORDER,
      { say: '1043' },
      { http: { ok: false, error: 'timeout after 5000 ms' } },
      { after: '1h' },
      { agent: 'resolved' },
      { after: '5m' },
      { say: '1' },
    ],
  },
  {
    name: 'order-not-found-handed-back',
    title: 'An unknown order number (404) goes to the orders team, who hand back to the menu; she leaves.',
    startAt: START,
    opening: HI,
    steps: [
      { say: '2' },
      { say: '99999' },
      { http: { ok: false, status: 404, body: { error: 'not_found' } } },
      { after: '10m' },
      { agent: 'handed_back' },
      { fire: 'timer' },
    ],
  },
  {
    name: 'order-number-never-given',
    title: 'Asked for the order number she sends three stickers: the orders team is called without a number (the "lookup failed" wording is a reported template oddity).',
    startAt: START,
    opening: HI,
    steps: [ORDER, { media: 'sticker' }, { media: 'sticker' }, { media: 'sticker' }],
  },
  {
    name: 'order-number-timeout',
    title: 'She asks about an order but never sends the number: goodbye after 30 min.',
    startAt: START,
    opening: HI,
    steps: [ORDER, { fire: 'timer' }],
  },
  {
    name: 'webchat-email-capture-csat-neutral',
    title: 'Anonymous webchat visitor asks for a person: an invalid then a valid email is captured; CSAT buttons, 3.',
    startAt: START,
    ...WEBCHAT,
    opening: { say: 'Olá' },
    steps: [
      HUMAN,
      { after: '1m' },
      { say: 'marina arroba gmail' },
      { after: '1m' },
      { say: 'meu e-mail é Marina.Souza@Gmail.com' },
      { after: '25m' },
      { agent: 'resolved' },
      { tap: 'score_3', title: '3' },
    ],
  },
  {
    name: 'webchat-email-invalid-twice-csat-invalid',
    title: 'Webchat: two answers that are not emails go to support anyway; two CSAT answers that are not scores end it.',
    startAt: START,
    ...WEBCHAT,
    opening: { say: 'Olá' },
    steps: [
      HUMAN,
      { say: 'não tenho' },
      { say: 'prefiro não informar' },
      { after: '10m' },
      { agent: 'resolved' },
      { say: 'foi ótimo' },
      { say: 'muito bom mesmo' },
    ],
  },
  {
    name: 'webchat-email-timeout',
    title: 'Webchat: she does not answer the email question; after 30 min support is called anyway.',
    startAt: START,
    ...WEBCHAT,
    opening: { say: 'Olá' },
    steps: [HUMAN, { fire: 'timer' }],
  },
  {
    name: 'en-faq-shipping-not-helped-csat-4',
    title: 'English store: delivery answer did not help, her question goes to support; resolved; CSAT 4.',
    locale: 'en',
    startAt: '2026-11-27T10:15:00-05:00',
    opening: { say: 'Hi' },
    steps: [
      { tap: 'product', title: 'Product question' },
      { pick: 'shipping', title: 'Delivery time' },
      { tap: 'no', title: 'No, I need help' },
      { say: 'Can I change the delivery address of my order?' },
      { after: '15m' },
      { agent: 'resolved' },
      { pick: 'score_4', title: '4' },
    ],
  },
];

defineGoldenSuite('visitor-question', scenarios, fs);
