import type { JourneyTemplate, TemplateLocale } from './journey-template.js';
import { edges, gridPositions } from './journey-template.js';

const TEXTS = {
  'pt-BR': {
    name: 'Recuperação de carrinho',
    description: 'Uma hora depois do abandono, lembra do carrinho por WhatsApp; sem compra em 23 horas, manda um cupom. Quem pede para parar não recebe mais.',
    language: 'pt_BR',
    stop: 'Parar lembretes',
    optOut: 'Tudo bem! Não vamos mais enviar lembretes deste carrinho. 💚',
    handoffReason: 'Respondeu ao lembrete de carrinho ({{cart.total | currency}}): "{{message.text}}"',
    handoffMessage: 'Já chamei alguém do nosso time para falar com você sobre o seu carrinho. ⏳',
  },
  en: {
    name: 'Cart recovery',
    description: 'An hour after a cart is abandoned, a WhatsApp reminder; no order within 23 hours, a coupon. Anyone who asks to stop gets nothing more.',
    language: 'en_US',
    stop: 'Stop reminders',
    optOut: 'All right! We will not send more reminders about this cart. 💚',
    handoffReason: 'Replied to the cart reminder ({{cart.total | currency}}): "{{message.text}}"',
    handoffMessage: 'Someone from our team will talk to you about your cart shortly. ⏳',
  },
} as const;

/** The opt-out words customers really send, compared without case or accents. */
const OPT_OUT = 'message.id == "stop" || normalize(message.text) in ["parar", "pare", "sair", "stop", "cancelar", "nao quero", "unsubscribe"]';
/** A customer who asked to stop before never gets another cart reminder. */
const OPTED_OUT_BEFORE = 'contact.tags contains "cart_reminders_opt_out" || contact.attributes.cart_reminders == false';
const ORDER_FOR_THIS_CART = 'event.cart_token == cart.token';

/**
 * Journey 2: cart.abandoned -> wait 1 h -> template with the cart link -> up to 23 h for an
 * order (converted: thank and record the revenue) -> else a reminder with a coupon.
 * Every business-initiated message is an approved template: outside WhatsApp's 24-hour
 * window nothing else may be sent. Replies reopen the window (opt-out or a person).
 */
export const cartRecoveryTemplate: JourneyTemplate = {
  id: 'cart-recovery',
  name: { 'pt-BR': TEXTS['pt-BR'].name, en: TEXTS.en.name },
  description: { 'pt-BR': TEXTS['pt-BR'].description, en: TEXTS.en.description },
  build(locale: TemplateLocale) {
    const t = TEXTS[locale];
    const stopButton = [{ index: 1, id: 'stop', title: t.stop }];
    return {
      schemaVersion: 1,
      name: t.name,
      description: t.description,
      triggers: [{ id: 'cart_abandoned', type: 'commerce_event', event: 'cart.abandoned' }],
      variables: [
        { name: 'coupon_code', type: 'text', default: 'VOLTA10', description: 'Coupon offered in the second reminder.' },
        { name: 'coupon_discount', type: 'text', default: '10%' },
        { name: 'order', type: 'object', description: 'The order that recovered the cart.' },
      ],
      nodes: [
        {
          id: 'check_opt_out',
          type: 'condition',
          label: 'Opted out before?',
          data: { branches: [{ id: 'opted_out', label: 'Asked to stop earlier', when: OPTED_OUT_BEFORE }] },
        },
        { id: 'wait_1h', type: 'wait', label: 'Wait 1 hour', data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
        {
          id: 'reminder',
          type: 'whatsapp_template',
          label: 'Cart reminder',
          data: {
            name: 'abandoned_cart_reminder',
            language: t.language,
            header: { kind: 'image', url: '{{cart.items[0].image_url}}' },
            body: ['{{contact.first_name | default:""}}', '{{cart.items[0].title}}'],
            urlButtons: [{ index: 0, param: '{{cart.recovery_path}}' }],
            quickReplies: stopButton,
          },
        },
        {
          id: 'wait_order',
          type: 'wait_for_event',
          label: 'Order within 23 h?',
          data: { events: ['order.created'], within: { amount: 23, unit: 'hours' }, match: ORDER_FOR_THIS_CART, saveAs: 'order', interruptOnReply: true },
        },
        {
          id: 'coupon',
          type: 'whatsapp_template',
          label: 'Reminder with coupon',
          data: {
            name: 'abandoned_cart_coupon',
            language: t.language,
            body: ['{{contact.first_name | default:""}}', '{{coupon_discount}}', '{{coupon_code}}'],
            urlButtons: [{ index: 0, param: '{{cart.recovery_path}}' }],
            quickReplies: stopButton,
          },
        },
        {
          id: 'wait_order_2',
          type: 'wait_for_event',
          label: 'Order within 24 h?',
          data: { events: ['order.created'], within: { amount: 24, unit: 'hours' }, match: ORDER_FOR_THIS_CART, saveAs: 'order', interruptOnReply: true },
        },
        { id: 'converted', type: 'conversion', label: 'Cart recovered', data: { kind: 'cart_recovered', value: 'order.total' } },
        {
          id: 'thank',
          type: 'whatsapp_template',
          label: 'Thank you',
          data: { name: 'purchase_thank_you', language: t.language, body: ['{{contact.first_name | default:""}}', '{{order.number}}'] },
        },
        {
          id: 'is_opt_out',
          type: 'condition',
          label: 'Asked to stop?',
          data: { branches: [{ id: 'opt_out', label: 'Opt-out', when: OPT_OUT }] },
        },
        { id: 'tag_opt_out', type: 'tag', label: 'Tag opt-out', data: { add: ['cart_reminders_opt_out'], remove: [] } },
        {
          id: 'save_opt_out',
          type: 'set_variable',
          label: 'No more cart reminders',
          data: { assignments: [{ variable: 'contact.attributes.cart_reminders', value: 'false' }] },
        },
        { id: 'confirm_opt_out', type: 'message', label: 'Confirm opt-out', data: { text: t.optOut } },
        {
          id: 'to_person',
          type: 'handoff',
          label: 'Sales team',
          data: { team: 'sales', priority: 'normal', reason: t.handoffReason, message: t.handoffMessage },
        },
        { id: 'tag_lost', type: 'tag', label: 'Not recovered', data: { add: ['cart_not_recovered'], remove: [] } },
        { id: 'done', type: 'end', label: 'End', data: {} },
      ],
      edges: edges([
        ['cart_abandoned', 'next', 'check_opt_out'],
        ['check_opt_out', 'opted_out', 'done'],
        ['check_opt_out', 'else', 'wait_1h'],
        ['wait_1h', 'next', 'reminder'],
        ['reminder', 'next', 'wait_order'],
        ['reminder', 'stop', 'tag_opt_out'],
        ['wait_order', 'received', 'converted'],
        ['wait_order', 'timeout', 'coupon'],
        ['wait_order', 'reply', 'is_opt_out'],
        ['coupon', 'next', 'wait_order_2'],
        ['coupon', 'stop', 'tag_opt_out'],
        ['wait_order_2', 'received', 'converted'],
        ['wait_order_2', 'timeout', 'tag_lost'],
        ['wait_order_2', 'reply', 'is_opt_out'],
        ['converted', 'next', 'thank'],
        ['thank', 'next', 'done'],
        ['is_opt_out', 'opt_out', 'tag_opt_out'],
        ['is_opt_out', 'else', 'to_person'],
        ['tag_opt_out', 'next', 'save_opt_out'],
        ['save_opt_out', 'next', 'confirm_opt_out'],
        ['confirm_opt_out', 'next', 'done'],
        ['tag_lost', 'next', 'done'],
      ]),
      ui: {
        positions: gridPositions([
          ['cart_abandoned'],
          ['check_opt_out'],
          ['wait_1h'],
          ['reminder'],
          ['wait_order'],
          ['converted', 'coupon', 'is_opt_out'],
          ['thank', 'wait_order_2', 'tag_opt_out', 'to_person'],
          ['tag_lost', 'save_opt_out'],
          ['done', 'confirm_opt_out'],
        ]),
        viewport: { x: 0, y: 0, zoom: 0.8 },
      },
    };
  },
};
