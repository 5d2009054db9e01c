// Test support: for each node and trigger type, values that switch on every optional part of its
// form (all modes, all optional sections), so a test can check the forms reach every schema field.
import type { FlowNode, NodeType, Trigger } from '@jornada/flow-engine';

type Data<T extends NodeType> = Extract<FlowNode, { type: T }>['data'];

export const FULL_NODE_DATA: { readonly [T in NodeType]: readonly Data<T>[] } = {
  message: [
    {
      text: 'Hi {{contact.first_name}}',
      media: { kind: 'document', url: 'https://example.com/a.pdf', caption: 'Your invoice', filename: 'invoice.pdf' },
      buttons: [{ id: 'button_1', title: 'Yes', aliases: ['sim'] }],
      footer: 'Reply STOP to leave',
      timeout: { amount: 2, unit: 'hours' },
    },
    {
      text: 'Pick one',
      list: { buttonLabel: 'Options', sections: [{ title: 'Shoes', rows: [{ id: 'row_1', title: 'Running', description: 'Light', aliases: ['run'] }] }] },
      timeout: { amount: 1, unit: 'days' },
    },
  ],
  question: [
    {
      text: 'Which size?',
      kind: 'choice',
      variable: 'size',
      options: [{ id: 'option_1', title: 'M', aliases: ['medium'] }],
      invalidText: 'Pick a size',
      maxAttempts: 3,
      timeout: { amount: 1, unit: 'hours' },
    },
    { text: 'How many?', kind: 'number', variable: 'quantity', min: 1, max: 10, maxAttempts: 2 },
  ],
  condition: [{ branches: [{ id: 'branch_1', label: 'Big cart', when: 'cart.total > 100' }] }],
  set_variable: [{ assignments: [{ variable: 'discount', value: 'cart.total * 0.1' }] }],
  wait: [
    { mode: 'duration', duration: { amount: 3, unit: 'days' }, interruptOnReply: true },
    { mode: 'until_time', time: '09:00' },
    { mode: 'until_date', at: 'cart.total' },
    { mode: 'business_hours' },
  ],
  wait_for_event: [{ events: ['order.created'], within: { amount: 1, unit: 'days' }, match: 'event.cart_token == cart.token', saveAs: 'order', interruptOnReply: true }],
  http_request: [
    {
      method: 'POST',
      url: 'https://api.example.com/{{contact.id}}',
      headers: [{ name: 'Authorization', value: 'Bearer x' }],
      body: '{"id": "{{contact.id}}"}',
      timeoutMs: 5000,
      responseMapping: [{ variable: 'points', path: 'data.points' }],
    },
  ],
  handoff: [{ team: 'Sales', priority: 'high', reason: 'Wants a discount', message: 'A person will answer soon' }],
  survey: [
    {
      kind: 'nps',
      text: 'Would you recommend us?',
      variable: 'nps',
      comment: { prompt: 'Why?', variable: 'why', timeout: { amount: 1, unit: 'hours' } },
      invalidText: 'From 0 to 10, please',
      maxAttempts: 2,
      timeout: { amount: 1, unit: 'days' },
    },
  ],
  tag: [{ add: ['vip'], remove: ['cold'] }],
  whatsapp_template: [
    {
      name: 'order_update',
      language: 'pt_BR',
      header: { kind: 'text', params: ['{{contact.first_name}}'] },
      body: ['{{cart.total}}'],
      urlButtons: [{ index: 0, param: 'abc' }],
      quickReplies: [{ index: 1, id: 'reply_1', title: 'Stop' }],
    },
    { name: 'promo', language: 'en_US', header: { kind: 'image', url: 'https://example.com/a.png' }, body: [] },
  ],
  jump_to_flow: [{ flowId: 'flow-2' }],
  ab_split: [
    {
      variants: [
        { id: 'variant_1', label: 'A', weight: 50 },
        { id: 'variant_2', weight: 50 },
      ],
    },
  ],
  conversion: [{ kind: 'cart_recovered', value: 'cart.total', currency: 'BRL' }],
  end: [{ reason: 'done' }],
};

export const FULL_TRIGGERS: readonly Trigger[] = [
  { id: 't1', type: 'inbound_message', match: { kind: 'keyword', keywords: ['oi'] }, channels: ['whatsapp'] },
  { id: 't1', type: 'inbound_message', match: { kind: 'regex', pattern: '^hi', flags: 'i' } },
  { id: 't1', type: 'commerce_event', event: 'cart.abandoned', filter: 'cart.total > 50' },
  { id: 't1', type: 'manual' },
];
