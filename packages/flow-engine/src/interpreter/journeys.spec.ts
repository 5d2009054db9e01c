// The three journey templates, run along their typical paths: they must behave as designed,
// lint clean, and keep the stored session state small.
import { hasErrors, lint } from '../lint/index.js';
import { parseFlow } from '../schema/parse-flow.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import type { StartTrigger } from '../session/events.js';
import { parseSessionState } from '../session/session-state.js';
import { JOURNEY_TEMPLATES, type TemplateLocale } from '../templates/index.js';
import { Conversation, effectsOf, endReason, external, listTap, sentTexts, tap, type ContextOverrides } from './test-support/session.js';

const MAX_STATE_BYTES = 4 * 1024;

function template(id: string, locale: TemplateLocale = 'pt-BR'): FlowDocument {
  const found = JOURNEY_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  const parsed = parseFlow(found.build(locale));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flow;
}

/** Every state along the way is valid after a JSON round trip and stays small. */
function expectSmallValidStates(c: Conversation): void {
  for (const result of c.results) {
    const json = JSON.stringify(result.state);
    expect(new TextEncoder().encode(json).length).toBeLessThan(MAX_STATE_BYTES);
    expect(parseSessionState(JSON.parse(json)).ok).toBe(true);
  }
}

const CART = {
  token: 'cart-tok-1',
  total: 349.8,
  recovery_path: 'checkout/recover/cart-tok-1',
  items: [
    { title: 'Tênis Corrida Azul', quantity: 1, price: 299.9, image_url: 'https://cdn.loja.com/p/tenis-azul.jpg' },
    { title: 'Meia esportiva (3 pares)', quantity: 1, price: 49.9, image_url: 'https://cdn.loja.com/p/meia.jpg' },
  ],
};

const ORDER = {
  id: 'ord-1',
  number: '10023',
  total: 349.8,
  items: [{ title: 'Tênis Corrida Azul', category: 'Calçados', price: 299.9 }],
};

const whatsappContact: ContextOverrides = { contact: { id: 'contact-1', name: 'Maria Silva', phone: '+5511987654321', tags: [], attributes: {} } };

describe('journey templates', () => {
  it.each(JOURNEY_TEMPLATES.flatMap((t) => (['pt-BR', 'en'] as const).map((locale) => [t.id, locale] as const)))('%s (%s) lints without errors', (id, locale) => {
    expect(hasErrors(lint(template(id, locale)))).toBe(false);
  });

  describe('visitor question', () => {
    const inbound: StartTrigger = { type: 'inbound_message', message: { kind: 'text', text: 'oi' } };

    it('order lookup: menu -> order number -> HTTP -> status -> helped -> thanks', () => {
      const c = Conversation.start(template('visitor-question'), { trigger: inbound, context: { contact: { name: 'Maria Silva' } } });
      expect(sentTexts(c.last.effects)[0]).toContain('Oi, Maria!');
      expect(c.state.wait).toMatchObject({ nodeId: 'menu' });
      c.tap('order', 'Onde está meu pedido');
      expect(c.state.wait).toMatchObject({ nodeId: 'ask_order' });
      c.text('#10023');
      const [request] = effectsOf(c.last.effects, 'http_request');
      expect(request?.url).toBe('https://api.example-store.com/orders/10023');
      c.step({ type: 'effect_result', effectId: request?.id ?? '', ok: true, status: 200, body: { status: 'enviado', tracking_url: 'https://rastreio/x' } });
      expect(sentTexts(c.last.effects)[0]).toBe('Seu pedido #10023 está: *enviado*. Acompanhe a entrega aqui: https://rastreio/x');
      c.tap('yes', 'Sim, obrigado!');
      expect(endReason(c.last)).toBe('end_node');
      expectSmallValidStates(c);
    });

    it('person: menu -> email -> handoff -> resolved -> CSAT list tap', () => {
      const c = Conversation.start(template('visitor-question'), { trigger: inbound });
      c.tap('human', 'Falar com atendente');
      expect(c.state.wait).toMatchObject({ nodeId: 'ask_email' });
      c.text('maria@example.com');
      expect(effectsOf(c.last.effects, 'set_contact')).toEqual([{ type: 'set_contact', attributes: { email: 'maria@example.com' } }]);
      expect(effectsOf(c.last.effects, 'handoff')).toEqual([expect.objectContaining({ team: 'support' })]);
      expect(c.state.status).toBe('handoff');
      expect(c.text('alô?').outcome).toBe('ignored');
      c.step({ type: 'conversation', action: 'resolved' });
      expect(c.state.wait).toMatchObject({ nodeId: 'csat' });
      c.step(listTap('score_5', '5'));
      expect(effectsOf(c.last.effects, 'record_survey')).toEqual([expect.objectContaining({ kind: 'csat', score: 5 })]);
      expect(c.state.vars['csat_score']).toBe(5);
      expect(endReason(c.last)).toBe('end_node');
      expectSmallValidStates(c);
    });

    it('a typed question that matches no button goes to a person with that question', () => {
      const c = Conversation.start(template('visitor-question'), { trigger: inbound, context: whatsappContact });
      c.text('vocês entregam em Manaus?');
      expect(effectsOf(c.last.effects, 'handoff')).toEqual([expect.objectContaining({ reason: 'vocês entregam em Manaus?' })]);
      expectSmallValidStates(c);
    });
  });

  describe('cart recovery', () => {
    const trigger: StartTrigger = { type: 'commerce_event', event: 'cart.abandoned', data: { cart: CART, customer: { email: 'maria@example.com' } } };

    it('no order: reminder, coupon, then tagged as not recovered', () => {
      const c = Conversation.start(template('cart-recovery'), { trigger, context: whatsappContact });
      expect(c.state.wait).toMatchObject({ kind: 'timer', nodeId: 'wait_1h' });
      c.fireTimer();
      expect(effectsOf(c.last.effects, 'send')[0]?.message).toMatchObject({ kind: 'template', name: 'abandoned_cart_reminder', body: ['Maria', 'Tênis Corrida Azul'] });
      expect(c.state.wait).toMatchObject({ kind: 'event', nodeId: 'wait_order' });
      c.fireTimer();
      expect(effectsOf(c.last.effects, 'send')[0]?.message).toMatchObject({ name: 'abandoned_cart_coupon', body: ['Maria', '10%', 'VOLTA10'] });
      c.step(external('order.created', { cart_token: 'other-cart' }));
      expect(c.last.outcome).toBe('ignored');
      c.fireTimer();
      expect(effectsOf(c.last.effects, 'tag')).toEqual([{ type: 'tag', add: ['cart_not_recovered'], remove: [] }]);
      expect(endReason(c.last)).toBe('end_node');
      expectSmallValidStates(c);
    });

    it('order for this cart: conversion with the order total, thank you', () => {
      const c = Conversation.start(template('cart-recovery'), { trigger, context: whatsappContact });
      c.fireTimer();
      c.step(external('order.created', { cart_token: 'cart-tok-1', total: 349.8, number: '10023' }));
      expect(effectsOf(c.last.effects, 'record_conversion')).toEqual([expect.objectContaining({ kind: 'cart_recovered', value: 349.8, currency: 'BRL' })]);
      expect(effectsOf(c.last.effects, 'send')[0]?.message).toMatchObject({ name: 'purchase_thank_you', body: ['Maria', '10023'] });
      expectSmallValidStates(c);
    });

    it('"Stop reminders" tapped during the wait: opt-out from the template route', () => {
      const c = Conversation.start(template('cart-recovery'), { trigger, context: whatsappContact });
      c.fireTimer();
      c.step(tap('stop', 'Parar lembretes'));
      expect(effectsOf(c.last.effects, 'tag')).toEqual([{ type: 'tag', add: ['cart_reminders_opt_out'], remove: [] }]);
      expect(effectsOf(c.last.effects, 'set_contact')).toEqual([{ type: 'set_contact', attributes: { cart_reminders: false } }]);
      expect(endReason(c.last)).toBe('end_node');
      expectSmallValidStates(c);
    });

    it('a typed reply goes to a person unless it is an opt-out word', () => {
      const c = Conversation.start(template('cart-recovery'), { trigger, context: whatsappContact });
      c.fireTimer();
      c.text('tem outra cor?');
      expect(effectsOf(c.last.effects, 'handoff')).toEqual([expect.objectContaining({ team: 'sales', reason: expect.stringContaining('tem outra cor?') })]);

      const d = Conversation.start(template('cart-recovery'), { trigger, context: whatsappContact });
      d.fireTimer();
      d.text('Pare');
      expect(effectsOf(d.last.effects, 'tag')).toEqual([expect.objectContaining({ add: ['cart_reminders_opt_out'] })]);
    });
  });

  describe('post-purchase', () => {
    const trigger: StartTrigger = { type: 'commerce_event', event: 'order.created', data: { order: ORDER, customer: { email: 'maria@example.com' } } };

    function toNpsInvite(): Conversation {
      const c = Conversation.start(template('post-purchase'), { trigger, context: whatsappContact });
      c.step(external('order.shipped', { order_id: 'ord-1', tracking_number: 'BR123', tracking_path: 't/BR123' }));
      c.step(external('order.delivered', { order_id: 'ord-1' }));
      c.fireTimer();
      return c;
    }

    it('shipped, delivered, NPS invite tapped, detractor with a comment goes to a person', () => {
      const c = toNpsInvite();
      expect(effectsOf(c.last.effects, 'send')[0]?.message).toMatchObject({ name: 'nps_invite' });
      expect(c.state.wait).toMatchObject({ kind: 'timer', nodeId: 'wait_tap' });
      c.step(tap('nps_yes', 'Claro!'));
      expect(c.state.wait).toMatchObject({ nodeId: 'nps', phase: 'answer' });
      c.text('4');
      expect(c.state.wait).toMatchObject({ nodeId: 'nps', phase: 'comment', score: 4 });
      c.text('Chegou atrasado');
      expect(effectsOf(c.last.effects, 'record_survey')).toEqual([expect.objectContaining({ score: 4, comment: 'Chegou atrasado' })]);
      expect(effectsOf(c.last.effects, 'handoff')).toEqual([
        expect.objectContaining({ team: 'customer-success', priority: 'high', reason: 'NPS 4 no pedido 10023. Comentário: Chegou atrasado' }),
      ]);
      expectSmallValidStates(c);
    });

    it('promoter: tagged, review request and an offer by category', () => {
      const c = toNpsInvite();
      c.step(tap('nps_yes', 'Claro!'));
      c.text('10');
      c.fireTimer(); // no comment
      expect(effectsOf(c.last.effects, 'tag')).toEqual([{ type: 'tag', add: ['promoter'], remove: ['detractor'] }]);
      expect(sentTexts(c.last.effects).join('\n')).toContain('PASSO15');
      expect(endReason(c.last)).toBe('end_node');
      expectSmallValidStates(c);
    });

    it('not shipped in 7 days alerts the orders team', () => {
      const c = Conversation.start(template('post-purchase'), { trigger, context: whatsappContact });
      c.fireTimer();
      expect(effectsOf(c.last.effects, 'handoff')).toEqual([expect.objectContaining({ team: 'orders', reason: 'Pedido 10023 não foi enviado em 7 dias.' })]);
      expectSmallValidStates(c);
    });
  });
});
