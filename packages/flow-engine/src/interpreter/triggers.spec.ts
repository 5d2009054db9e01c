import { describe, expect, it } from '@jest/globals';
import type { Trigger } from '../schema/flow-document.schema.js';
import { matchTrigger, triggerSpecificity } from './triggers.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';

const inbound = (match: Extract<Trigger, { type: 'inbound_message' }>['match'], channels?: Extract<Trigger, { type: 'inbound_message' }>['channels']): Trigger =>
  ({ id: 't', type: 'inbound_message', match, ...(channels ? { channels } : {}) }) as Trigger;

describe('triggerSpecificity', () => {
  it('ranks keyword/regex over first contact over any', () => {
    const ranks = [inbound({ kind: 'keyword', keywords: ['oi'] }), inbound({ kind: 'regex', pattern: 'x' }), inbound({ kind: 'first_contact' }), inbound({ kind: 'any' })].map(triggerSpecificity);
    expect(ranks[0]).toBe(ranks[1]);
    expect(ranks[1]).toBeGreaterThan(ranks[2] as number);
    expect(ranks[2]).toBeGreaterThan(ranks[3] as number);
  });

  it('prefers a per-channel default over the catch-all, but never over a more specific kind', () => {
    const whatsappDefault = triggerSpecificity(inbound({ kind: 'any' }, ['whatsapp']));
    expect(whatsappDefault).toBeGreaterThan(triggerSpecificity(inbound({ kind: 'any' })));
    expect(whatsappDefault).toBeLessThan(triggerSpecificity(inbound({ kind: 'first_contact' })));
    expect(triggerSpecificity(inbound({ kind: 'keyword', keywords: ['oi'] }, ['sms']))).toBeGreaterThan(triggerSpecificity(inbound({ kind: 'keyword', keywords: ['oi'] })));
  });

  it('is 0 for triggers that never answer a message', () => {
    expect(triggerSpecificity({ id: 'm', type: 'manual' } as Trigger)).toBe(0);
  });
});

describe('matchTrigger with channels', () => {
  const flow = { triggers: [inbound({ kind: 'any' }, ['sms'])] } as unknown as FlowDocument;
  const candidate = (channel: 'sms' | 'whatsapp') => ({ type: 'inbound_message' as const, message: { kind: 'text' as const, text: 'hello' }, channel, firstContact: false });

  it('fires a per-channel default only on its channels', () => {
    expect(matchTrigger(flow, candidate('sms'))?.id).toBe('t');
    expect(matchTrigger(flow, candidate('whatsapp'))).toBeUndefined();
  });
});
