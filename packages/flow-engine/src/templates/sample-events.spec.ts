import { describe, expect, it } from '@jest/globals';
import { COMMERCE_EVENTS } from '../schema/flow-document.schema.js';
import { evaluateSource } from '../interpreter/compiled.js';
import { sampleCustomer, sampleEventData } from './sample-events.js';

const env = { locale: 'en', currency: 'USD', timezone: 'UTC' };

describe('sample commerce events', () => {
  it('has data for every commerce event, in both languages', () => {
    for (const event of COMMERCE_EVENTS) {
      expect(Object.keys(sampleEventData(event, 'en')).length).toBeGreaterThan(0);
      expect(sampleEventData(event, 'pt-BR')['currency']).toBe('BRL');
    }
    expect(sampleCustomer('pt-BR')['phone']).toMatch(/^\+55/);
  });

  it('links the sample order to the sample cart the way the cart-recovery journey matches them', () => {
    const scope = { cart: sampleEventData('cart.abandoned'), event: sampleEventData('order.created') };
    expect(evaluateSource('event.cart_token == cart.token', scope, env)).toBe(true);
  });

  it('links the shipping and delivery events to the order the way the post-purchase journey matches them', () => {
    const order = sampleEventData('order.created');
    for (const event of ['order.shipped', 'order.delivered'] as const) {
      expect(evaluateSource('event.order_id == order.id', { order, event: sampleEventData(event) }, env)).toBe(true);
    }
  });
});
