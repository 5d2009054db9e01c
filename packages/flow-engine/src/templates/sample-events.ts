import type { Json } from '../schema/common.schema.js';
import type { CommerceEvent } from '../schema/flow-document.schema.js';
import type { TemplateLocale } from './journey-template.js';

/** One order of the sample shop, consistent across its events (ids, cart token, totals). */
const SAMPLE = {
  cartToken: 'cart-7f3a9c',
  orderId: 'ord-1042',
  orderNumber: '1042',
  total: 259.8,
  trackingNumber: 'BR123456789BR',
} as const;

function items(locale: TemplateLocale): Json[] {
  const pt = locale === 'pt-BR';
  return [
    { title: pt ? 'Tênis de corrida Leve' : 'Lightweight running shoe', quantity: 1, price: 199.9, image_url: 'https://example.com/images/running-shoe.jpg' },
    { title: pt ? 'Meias esportivas (3 pares)' : 'Sports socks (3 pairs)', quantity: 1, price: 59.9, image_url: 'https://example.com/images/socks.jpg' },
  ];
}

/**
 * Sample data of a commerce event, shaped like what the commerce integrations deliver: what the
 * builder's simulator starts a commerce-triggered flow with (a sample abandoned cart, a sample
 * order), and the follow-up events it offers to send. The events of one sample order refer to
 * each other the way the journey templates match them (`event.cart_token == cart.token`,
 * `event.order_id == order.id`).
 */
export function sampleEventData(event: CommerceEvent, locale: TemplateLocale = 'en'): Record<string, Json> {
  const currency = locale === 'pt-BR' ? 'BRL' : 'USD';
  const order = { id: SAMPLE.orderId, order_id: SAMPLE.orderId, number: SAMPLE.orderNumber, total: SAMPLE.total, currency, cart_token: SAMPLE.cartToken, items: items(locale) };
  switch (event) {
    case 'cart.abandoned':
      return { token: SAMPLE.cartToken, total: SAMPLE.total, currency, recovery_path: `cart/c/${SAMPLE.cartToken}?key=sample`, items: items(locale) };
    case 'order.created':
    case 'order.paid':
    case 'order.delivered':
      return order;
    case 'order.shipped':
      return { ...order, tracking_number: SAMPLE.trackingNumber, tracking_path: `track/${SAMPLE.trackingNumber}`, tracking_url: `https://example.com/track/${SAMPLE.trackingNumber}` };
    case 'order.cancelled':
      return { ...order, reason: locale === 'pt-BR' ? 'pagamento recusado' : 'payment declined' };
  }
}

/** The sample customer of those events. */
export function sampleCustomer(locale: TemplateLocale = 'en'): Record<string, Json> {
  return locale === 'pt-BR'
    ? { name: 'Ana Souza', email: 'ana.souza@example.com', phone: '+5511987654321' }
    : { name: 'Ana Smith', email: 'ana.smith@example.com', phone: '+14155550123' };
}
