// Random lint-clean flows from the whole node catalogue, for the engine's property tests.
// Nodes that run straight through only link forward, so the only cycles pass a waiting node.
import fc from 'fast-check';
import { nodeOutputs, nodeWaits } from '../../graph/node-outputs.js';
import { hasErrors, lint } from '../../lint/index.js';
import type { FlowDocument, FlowNode } from '../../schema/flow-document.schema.js';
import { parseFlow } from '../../schema/parse-flow.js';
import type { EdgeTriple, NodeInput } from '../test-support/flow-builder.js';

export type NodeBody = Omit<NodeInput, 'id'>;

/** Drops undefined keys, so optional fields are either set or absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

// Every template and expression only reads built-in roots, the cart trigger's data and declared variables.
const TEMPLATES = ['Oi {{contact.first_name}}!', 'Carrinho de {{cart.total | currency}}', 'Nota {{v_num}}', 'Texto simples', 'Você disse: {{message.text}}', '{{v_text | default:"-"}}'];
const EXPRESSIONS = ['v_num > 1', 'contact.tags contains "vip"', 'message.text == "sim"', 'cart.total >= 100', 'len(v_text) > 3', 'true', 'false', 'v_num + 1', '"gold"', 'event.name', 'v_obj.status'];
const DATE_EXPRESSIONS = ['cart.abandoned_at', '"2026-03-10T10:00:00Z"', '"2026-03-12T10:00:00Z"', 'v_text', 'v_num'];
export const TITLES = ['Sim', 'Não', 'Talvez', 'Falar com atendente', 'Pix', 'Cartão', 'Boleto'];
const duration = fc.record({ amount: fc.integer({ min: 1, max: 48 }), unit: fc.constantFrom('seconds' as const, 'minutes' as const, 'hours' as const, 'days' as const) });
const template = fc.constantFrom(...TEMPLATES);
const expression = fc.constantFrom(...EXPRESSIONS);

/** `count` distinct ids with a prefix that never collides with built-in outputs. */
const ids = (prefix: string, min: number, max: number) => fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`));
const titled = (prefix: string, min: number, max: number) =>
  ids(prefix, min, max).chain((list) => fc.tuple(...list.map((id) => fc.constantFrom(...TITLES).map((title) => ({ id, title })))));

const messageNode: fc.Arbitrary<NodeBody> = fc.oneof(
  template.map((text) => ({ type: 'message', data: { text } }) as const),
  fc.record({ kind: fc.constantFrom('image' as const, 'document' as const, 'audio' as const), caption: opt(template), text: opt(template) }).map(({ kind, caption, text }) => ({
    type: 'message' as const,
    data: compact({ text, media: compact({ kind, url: 'https://cdn.test/{{contact.id}}', caption }) }),
  })),
  fc.record({ text: template, buttons: titled('b', 1, 3), timeout: opt(duration) }).map((data) => ({ type: 'message' as const, data: compact(data) })),
  fc.record({ text: template, rows: titled('r', 1, 5), timeout: opt(duration) }).map(({ text, rows, timeout }) => ({
    type: 'message' as const,
    data: compact({ text, list: { buttonLabel: 'Ver', sections: [{ rows }] }, timeout }),
  })),
);

const questionNode: fc.Arbitrary<NodeBody> = fc
  .record({
    text: template,
    kind: fc.constantFrom('text' as const, 'email' as const, 'phone' as const, 'number' as const, 'date' as const, 'choice' as const),
    variable: fc.constantFrom('v_text', 'v_num', 'answer'),
    options: titled('o', 1, 4),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    timeout: opt(duration),
    invalidText: opt(template),
  })
  .map(({ options, ...data }) => ({ type: 'question' as const, data: compact({ ...data, ...(data.kind === 'choice' ? { options } : {}) }) }));

const conditionNode: fc.Arbitrary<NodeBody> = ids('c', 1, 3).chain((list) =>
  fc.tuple(...list.map((id) => expression.map((when) => ({ id, when })))).map((branches) => ({ type: 'condition' as const, data: { branches } })),
);

const setVariableNode: fc.Arbitrary<NodeBody> = fc
  .array(fc.record({ variable: fc.constantFrom('v_text', 'v_num', 'v_obj', 'contact.attributes.level'), value: expression }), { minLength: 1, maxLength: 3 })
  .map((assignments) => ({ type: 'set_variable' as const, data: { assignments } }));

const waitNode: fc.Arbitrary<NodeBody> = fc
  .record({
    mode: fc.constantFrom('duration' as const, 'until_time' as const, 'until_date' as const, 'business_hours' as const),
    duration,
    time: fc.constantFrom('00:00', '08:30', '09:00', '18:45', '23:59'),
    at: fc.constantFrom(...DATE_EXPRESSIONS),
    interruptOnReply: opt(fc.boolean()),
  })
  .map(({ mode, duration: d, time, at, interruptOnReply }) => {
    const extra = compact({ interruptOnReply });
    switch (mode) {
      case 'duration':
        return { type: 'wait' as const, data: { mode, duration: d, ...extra } };
      case 'until_time':
        return { type: 'wait' as const, data: { mode, time, ...extra } };
      case 'until_date':
        return { type: 'wait' as const, data: { mode, at, ...extra } };
      case 'business_hours':
        return { type: 'wait' as const, data: { mode, ...extra } };
    }
  });

const waitForEventNode: fc.Arbitrary<NodeBody> = fc
  .record({
    events: fc.subarray(['order.created', 'order.paid', 'custom.event'], { minLength: 1 }),
    within: duration,
    match: opt(fc.constantFrom('event.cart_token == cart.token', 'event.total > 10', 'true')),
    saveAs: opt(fc.constantFrom('order', 'v_obj')),
    interruptOnReply: opt(fc.boolean()),
  })
  .map((data) => ({ type: 'wait_for_event' as const, data: compact(data) }));

const httpNode: fc.Arbitrary<NodeBody> = fc
  .record({
    method: fc.constantFrom('GET' as const, 'POST' as const),
    url: fc.constantFrom('https://api.test/{{v_num}}', 'https://api.test/cart/{{cart.token}}'),
    body: opt(fc.constantFrom('{"n":"{{v_num}}"}')),
    responseMapping: opt(fc.constant<Array<{ variable: string; path: string }>>([{ variable: 'v_obj', path: 'data' }, { variable: 'v_num', path: 'status' }])),
  })
  .map((data) => ({ type: 'http_request' as const, data: compact(data) }));

const handoffNode: fc.Arbitrary<NodeBody> = fc
  .record({ reason: template, priority: fc.constantFrom('low' as const, 'normal' as const, 'urgent' as const), message: opt(template), team: opt(fc.constant('support')) })
  .map((data) => ({ type: 'handoff' as const, data: compact(data) }));

const surveyNode: fc.Arbitrary<NodeBody> = fc
  .record({
    kind: fc.constantFrom('nps' as const, 'csat' as const, 'ces' as const),
    text: template,
    variable: opt(fc.constant('v_num')),
    comment: opt(fc.record({ prompt: template, timeout: opt(duration) }).map(compact)),
    maxAttempts: fc.integer({ min: 1, max: 3 }),
    timeout: opt(duration),
  })
  .map((data) => ({ type: 'survey' as const, data: compact(data) }));

const tagNode: fc.Arbitrary<NodeBody> = fc
  .record({ add: fc.subarray(['vip', 'lead', 'promoter']), remove: fc.subarray(['vip', 'detractor']) })
  .filter((d) => d.add.length + d.remove.length > 0)
  .map((data) => ({ type: 'tag' as const, data }));

const templateNode: fc.Arbitrary<NodeBody> = fc
  .record({ body: fc.array(template, { maxLength: 3 }), quickReplies: titled('q', 0, 2) })
  .map(({ body, quickReplies }) => ({
    type: 'whatsapp_template' as const,
    data: { name: 'tpl_test', language: 'pt_BR', body, quickReplies: quickReplies.map((q, index) => ({ index, ...q })) },
  }));

const abSplitNode: fc.Arbitrary<NodeBody> = ids('v', 2, 3).chain((list) =>
  fc.tuple(...list.map((id) => fc.integer({ min: 1, max: 100 }).map((weight) => ({ id, weight })))).map((variants) => ({ type: 'ab_split' as const, data: { variants } })),
);

const conversionNode: fc.Arbitrary<NodeBody> = fc
  .record({ kind: fc.constantFrom('cart_recovered' as const, 'custom' as const), value: opt(fc.constantFrom('cart.total', 'v_num', '"12,50"')), currency: opt(fc.constant('USD')) })
  .map((data) => ({ type: 'conversion' as const, data: compact(data) }));

export const NODE_ARBITRARIES: Record<NodeInput['type'], fc.Arbitrary<NodeBody>> = {
  message: messageNode,
  question: questionNode,
  condition: conditionNode,
  set_variable: setVariableNode,
  wait: waitNode,
  wait_for_event: waitForEventNode,
  http_request: httpNode,
  handoff: handoffNode,
  survey: surveyNode,
  tag: tagNode,
  whatsapp_template: templateNode,
  jump_to_flow: fc.constant({ type: 'jump_to_flow' as const, data: { flowId: 'other-flow' } }),
  ab_split: abSplitNode,
  conversion: conversionNode,
  end: fc.constant({ type: 'end' as const, data: {} }),
};

/** Nodes that wait are drawn more often, so sessions live long enough to meet many events. */
const WAITING_TYPES: ReadonlySet<string> = new Set(['message', 'question', 'wait', 'wait_for_event', 'http_request', 'handoff', 'survey']);
const nodeBodyArb: fc.Arbitrary<NodeBody> = fc.oneof(
  ...(Object.keys(NODE_ARBITRARIES) as Array<NodeInput['type']>).map((type) => ({ weight: WAITING_TYPES.has(type) ? 3 : 1, arbitrary: NODE_ARBITRARIES[type] })),
);

const TRIGGER_IDS = ['t_manual', 't_inbound', 't_cart'] as const;

/**
 * Lint-clean by design: nodes that run straight through (lint's view) only link forward, so
 * the only cycles go through a node that waits (or a template's quick replies).
 */
function assemble(bodies: NodeBody[], picks: number[], stepBudget: number): FlowDocument | undefined {
  const nodes = bodies.map((body, i) => ({ ...body, id: `n${i}` }) as NodeInput);
  const parsedNodes = parseFlow({ schemaVersion: 1, name: 'p', triggers: [], nodes, edges: [] });
  if (!parsedNodes.ok) throw new Error(`generator made an invalid node: ${JSON.stringify(parsedNodes.errors)}`);
  const typed: FlowNode[] = parsedNodes.flow.nodes;
  let cursor = 0;
  const pick = (): number => picks[cursor++ % picks.length] ?? 0;
  const edges: EdgeTriple[] = [];
  for (const id of TRIGGER_IDS) edges.push([id, 'next', `n${pick() % nodes.length}`]);
  typed.forEach((node, i) => {
    const quickReplies = new Set(node.type === 'whatsapp_template' ? (node.data.quickReplies ?? []).map((q) => q.id) : []);
    for (const handle of new Set(nodeOutputs(node))) {
      const roll = pick();
      if (roll % 5 === 0) continue; // leave ~20% of outputs open
      const free = nodeWaits(node) || quickReplies.has(handle);
      const candidates = typed.filter((target, j) => free || j > i || nodeWaits(target)).map((t) => t.id);
      const target = candidates[roll % Math.max(1, candidates.length)];
      if (target !== undefined) edges.push([node.id, handle, target]);
    }
  });
  const parsed = parseFlow({
    schemaVersion: 1,
    name: 'random flow',
    triggers: [
      { id: 't_manual', type: 'manual' },
      { id: 't_inbound', type: 'inbound_message', match: { kind: 'any' } },
      { id: 't_cart', type: 'commerce_event', event: 'cart.abandoned' },
    ],
    variables: [
      { name: 'v_text', type: 'text', default: 'olá' },
      { name: 'v_num', type: 'number', default: 0 },
      { name: 'v_obj', type: 'object' },
      { name: 'order', type: 'object' },
      { name: 'answer', type: 'text' },
    ],
    nodes,
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target })),
    settings: { stepBudget },
  });
  return parsed.ok ? parsed.flow : undefined;
}

export const flowArb: fc.Arbitrary<FlowDocument> = fc
  .record({
    bodies: fc.array(nodeBodyArb, { minLength: 1, maxLength: 9 }),
    picks: fc.array(fc.nat({ max: 1_000 }), { minLength: 8, maxLength: 40 }),
    stepBudget: fc.constantFrom(10, 15, 200),
  })
  .map(({ bodies, picks, stepBudget }) => assemble(bodies, picks, stepBudget))
  .filter((flow): flow is FlowDocument => flow !== undefined && !hasErrors(lint(flow)));
