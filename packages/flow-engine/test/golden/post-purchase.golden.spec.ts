import * as fs from 'node:fs';
import type { Json } from '../../src/schema/common.schema.js';
import { defineGoldenSuite } from './golden-suite.js';
import type { Scenario, ScriptStep } from './transcript.js';

// Marina buys on Black Friday afternoon; the order ships the next day and arrives 4 days later.
const START = '2026-11-27T14:30:00-03:00';

const order = (category: string, overrides: { id?: string; number?: string; total?: number; title?: string } = {}): Record<string, Json> => ({
  order: {
    id: overrides.id ?? 'o_1043',
    number: overrides.number ?? '1043',
    total: overrides.total ?? 349.9,
    items: [{ title: overrides.title ?? 'Tênis Runner Azul', category, quantity: 1, price: overrides.total ?? 349.9 }],
  },
});

const shipped = (orderId = 'o_1043', tracking = 'BR123456789BR', path = `rastreio/${tracking}`): ScriptStep => ({
  event: 'order.shipped',
  data: { order_id: orderId, tracking_number: tracking, tracking_path: path },
});
const delivered = (orderId = 'o_1043'): ScriptStep => ({ event: 'order.delivered', data: { order_id: orderId } });

/** Shipped a day later, delivered four days after that, NPS invite three days after delivery. */
const UNTIL_INVITE: ScriptStep[] = [{ after: '1d' }, shipped(), { after: '4d' }, delivered(), { fire: 'timer' }];
const YES: ScriptStep = { tap: 'nps_yes', title: 'Claro!' };
const NO: ScriptStep = { tap: 'nps_no', title: 'Agora não' };

const scenarios: Scenario[] = [
  {
    name: 'promoter-shoes',
    title: 'Shipping of another order is not hers; she taps "Claro!", gives 10 with a comment: tagged, review asked, shoe offer (category "Calçados").',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [
      { after: '20h' },
      shipped('o_0999', 'BR000000000BR'),
      { after: '4h' },
      shipped(),
      { after: '4d' },
      delivered(),
      { fire: 'timer' },
      { after: '2h' },
      YES,
      { after: '1m' },
      { say: '10' },
      { after: '2m' },
      { say: 'Entrega super rápida e o tênis é lindo!' },
    ],
  },
  {
    name: 'promoter-clothes-from-contact-attribute',
    title: 'The contact’s first-purchase category (Vestuário) wins over the order’s item: clothes offer; "nota 9" with a comment.',
    startAt: START,
    contact: { attributes: { first_purchase_category: 'Vestuário' } },
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { after: '30m' }, YES, { say: 'nota 9' }, { say: 'Gostei muito do atendimento' }],
  },
  {
    name: 'promoter-default-offer',
    title: 'An order of home goods: promoter ("dou 10!") gets the default offer; no comment within 1 h.',
    startAt: START,
    opening: { event: 'order.created', data: order('Casa & Decoração', { title: 'Luminária de mesa', total: 189 }) },
    steps: [...UNTIL_INVITE, YES, { say: 'dou 10!' }, { fire: 'timer' }],
  },
  {
    name: 'passive-without-comment',
    title: 'Score 8, no comment within the hour: the passive thank-you still goes out.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, YES, { say: '8' }, { fire: 'timer' }],
  },
  {
    name: 'detractor-with-comment',
    title: 'Score 3 with a comment: customer success takes over with high priority, then resolves.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [
      ...UNTIL_INVITE,
      { after: '1h' },
      YES,
      { say: '3' },
      { after: '4m' },
      { say: 'A entrega atrasou uma semana e ninguém me avisou.' },
      { after: '2h' },
      { agent: 'resolved' },
    ],
  },
  {
    name: 'detractor-without-comment',
    title: 'Score 2 and no comment within the hour: the person gets the score and "(sem comentário)", not the score echoed as a comment.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { after: '1h' }, YES, { say: '2' }, { fire: 'timer' }],
  },
  {
    name: 'typed-2-at-invite-is-an-answer',
    title: 'She types "2" at the invitation: it is not "the second button" (Agora não); the survey follows.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { after: '1h' }, { say: '2' }],
  },
  {
    name: 'not-shipped-alert',
    title: 'The order is not shipped within 7 days: the orders team is alerted (nothing is said to the customer).',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [{ fire: 'timer' }, { after: '3h' }, { agent: 'resolved' }],
  },
  {
    name: 'not-delivered-in-30-days',
    title: 'Shipped but no delivery event within 30 days: the journey ends without an NPS invite.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [{ after: '1d' }, shipped(), { fire: 'timer' }],
  },
  {
    name: 'nps-declined',
    title: 'She taps "Agora não" on the invite: a polite thanks, no survey.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { after: '5h' }, NO],
  },
  {
    name: 'invite-tap-timeout',
    title: 'No tap within 3 days: the journey ends; a tap a day later reaches no session.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { fire: 'timer' }, { after: '1d' }, YES],
  },
  {
    name: 'reply-text-instead-of-tap',
    title: 'She answers the invite with text instead of a button: the survey is asked; 7 with a comment is passive.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, { after: '3h' }, { say: 'Oi! Pode perguntar' }, { say: '7' }, { say: 'O tênis é bom, mas a caixa chegou amassada' }],
  },
  {
    name: 'invalid-nps-answers',
    title: 'Two answers that are not a 0-10 score ("11", "ótimo"): the survey gives up and the journey ends.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, YES, { say: '11' }, { say: 'ótimo' }],
  },
  {
    name: 'nps-unanswered',
    title: 'She taps "Claro!" but never gives a score: the survey times out after a day.',
    startAt: START,
    opening: { event: 'order.created', data: order('Calçados') },
    steps: [...UNTIL_INVITE, YES, { fire: 'timer' }],
  },
  {
    name: 'en-promoter-apparel',
    title: 'English store: an apparel order, promoter 9 with a comment: review request and the clothes offer in English.',
    locale: 'en',
    startAt: '2026-11-27T14:30:00-05:00',
    opening: { event: 'order.created', data: order('Apparel', { id: 'o_5001', number: '5001', total: 79.5, title: 'Linen Shirt' }) },
    steps: [
      { after: '1d' },
      shipped('o_5001', '1Z999AA10123456784', 'track/1Z999AA10123456784'),
      { after: '3d' },
      delivered('o_5001'),
      { fire: 'timer' },
      { tap: 'nps_yes', title: 'Sure!' },
      { say: '9' },
      { say: 'Great fit, fast delivery.' },
    ],
  },
];

defineGoldenSuite('post-purchase', scenarios, fs);
