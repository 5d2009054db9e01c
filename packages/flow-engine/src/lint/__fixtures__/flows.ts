import type { z } from 'zod';
import type { EdgeSchema, FlowDocumentInput, FlowNodeSchema, TriggerSchema } from '../../schema/flow-document.schema.js';
import type { LintCode, LintIssue } from '../issue.js';

export type NodeInput = z.input<typeof FlowNodeSchema>;
export type TriggerInput = z.input<typeof TriggerSchema>;
export type EdgeInput = z.input<typeof EdgeSchema>;

/** A flow document with defaults filled in; tests pass only what they are about. */
export function flow(parts: Partial<FlowDocumentInput> = {}): FlowDocumentInput {
  return { schemaVersion: 1, name: 'Test flow', triggers: [], nodes: [], edges: [], ...parts };
}

export const inbound = (id = 't1'): TriggerInput => ({ id, type: 'inbound_message', match: { kind: 'any' } });
export const cartAbandoned = (id = 'tc'): TriggerInput => ({ id, type: 'commerce_event', event: 'cart.abandoned' });

/** An edge with an id derived from its ends, so tests need not invent ids. */
export function edge(source: string, target: string, handle = 'next'): EdgeInput {
  return { id: `e-${source}-${handle}-${target}`, source, sourceHandle: handle, target };
}

export const text = (id: string, body = 'Hello', label?: string): NodeInput => ({
  id,
  type: 'message',
  ...(label ? { label } : {}),
  data: { text: body },
});
export const end = (id = 'end'): NodeInput => ({ id, type: 'end', data: {} });

/** Trigger -> nodes in a line, each by its 'next' output. */
export function line(ids: readonly string[]): EdgeInput[] {
  return ids.slice(1).map((id, i) => edge(ids[i] ?? '', id));
}

/**
 * A flow that uses most node types correctly and must lint clean: inbound conversation with
 * a question, a condition, a menu, an HTTP call and a survey; a cart recovery that opens with
 * a template.
 */
export function cleanFlow(): FlowDocumentInput {
  const hour = { amount: 1, unit: 'hours' } as const;
  return flow({
    triggers: [inbound('t1'), { id: 't2', type: 'commerce_event', event: 'cart.abandoned', filter: 'cart.total >= 50' }],
    variables: [{ name: 'coupon', type: 'text', default: 'WELCOME' }],
    nodes: [
      { id: 'ask', type: 'question', label: 'Ask email', data: { text: 'Hi {{contact.first_name}}! Your e-mail?', kind: 'email', variable: 'email', timeout: hour } },
      { id: 'check', type: 'condition', data: { branches: [{ id: 'vip', when: 'contact.tags contains "vip"' }] } },
      { id: 'tagit', type: 'tag', data: { add: ['lead'] } },
      { id: 'menu', type: 'message', label: 'Menu', data: { text: 'Thanks {{email}}. Pick one', buttons: [{ id: 'b_track', title: 'Track order' }, { id: 'b_talk', title: 'Talk to us' }], timeout: hour } },
      { id: 'lookup', type: 'http_request', data: { method: 'GET', url: 'https://shop.example/orders?email={{email | lower}}', responseMapping: [{ variable: 'status_text', path: 'data.status' }] } },
      { id: 'status', type: 'message', data: { text: 'Your order is {{status_text}}. Code {{coupon}}' } },
      { id: 'human', type: 'handoff', data: { reason: 'Customer {{email}} asked for help', message: 'A person will answer soon.' } },
      { id: 'nps', type: 'survey', data: { kind: 'nps', text: 'How likely are you to recommend us?', variable: 'score', timeout: hour } },
      { id: 'bye', type: 'message', data: { text: 'Bye! You gave {{score}}.' } },
      { id: 'wait1', type: 'wait', data: { mode: 'duration', duration: hour } },
      { id: 'tpl', type: 'whatsapp_template', data: { name: 'cart_reminder', language: 'en_US', body: ['{{cart.total}}', '{{customer.name}}'], quickReplies: [{ index: 0, id: 'q_buy', title: 'Buy now' }] } },
      { id: 'wfe', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 1, unit: 'days' }, match: 'event.cart_token == cart.token', saveAs: 'placed' } },
      { id: 'won', type: 'conversion', data: { kind: 'cart_recovered', value: 'placed.total_price' } },
      { id: 'offer', type: 'message', data: { text: 'Here is 10% off: {{coupon}}' } },
      { id: 'set', type: 'set_variable', data: { assignments: [{ variable: 'contact.attributes.recovered', value: 'true' }] } },
      end('end'),
    ],
    edges: [
      edge('t1', 'ask'),
      edge('ask', 'check'),
      edge('ask', 'end', 'timeout'),
      edge('check', 'tagit', 'vip'),
      edge('check', 'menu', 'else'),
      edge('tagit', 'menu'),
      edge('menu', 'lookup', 'b_track'),
      edge('menu', 'human', 'b_talk'),
      edge('menu', 'end', 'timeout'),
      edge('lookup', 'status', 'success'),
      edge('lookup', 'human', 'error'),
      edge('status', 'nps'),
      edge('human', 'nps', 'resolved'),
      edge('nps', 'bye', 'promoter'),
      edge('nps', 'bye', 'passive'),
      edge('nps', 'human', 'detractor'),
      edge('nps', 'end', 'timeout'),
      edge('bye', 'end'),
      edge('t2', 'wait1'),
      edge('wait1', 'tpl'),
      edge('tpl', 'wfe'),
      edge('tpl', 'offer', 'q_buy'),
      edge('offer', 'end'),
      edge('wfe', 'won', 'received'),
      edge('wfe', 'end', 'timeout'),
      edge('won', 'set'),
      edge('set', 'end'),
    ],
  });
}

/** The issues of one code, for focused assertions. */
export function only(issues: readonly LintIssue[], code: LintCode): LintIssue[] {
  return issues.filter((i) => i.code === code);
}
