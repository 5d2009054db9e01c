import type { FlowNode, NodeType, Trigger } from '@jornada/flow-engine';
import { NODE_TYPES } from '@jornada/flow-engine';

/** What a palette entry adds: a node of a type, or a trigger of a type. */
export type TriggerType = Trigger['type'];
export const TRIGGER_TYPES: readonly TriggerType[] = ['commerce_event', 'inbound_message', 'manual'];

/**
 * Families group the palette and give each box its colour, so a flow reads at a glance:
 * what talks to the customer, what decides, what waits, what calls out, what ends.
 */
export type NodeFamily = 'trigger' | 'message' | 'logic' | 'timing' | 'integration' | 'people' | 'outcome';

export const NODE_FAMILY: Readonly<Record<NodeType, NodeFamily>> = {
  message: 'message',
  question: 'message',
  whatsapp_template: 'message',
  survey: 'message',
  condition: 'logic',
  ab_split: 'logic',
  set_variable: 'logic',
  jump_to_flow: 'logic',
  wait: 'timing',
  wait_for_event: 'timing',
  http_request: 'integration',
  tag: 'integration',
  handoff: 'people',
  conversion: 'outcome',
  end: 'outcome',
};

/** Families in palette order. */
export const FAMILY_ORDER: readonly NodeFamily[] = ['trigger', 'message', 'logic', 'timing', 'integration', 'people', 'outcome'];

export type PaletteItem = { kind: 'trigger'; type: TriggerType; family: 'trigger' } | { kind: 'node'; type: NodeType; family: NodeFamily };

/** Every entry of the palette: the 3 trigger types, then the 15 node types by family. */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  ...TRIGGER_TYPES.map((type): PaletteItem => ({ kind: 'trigger', type, family: 'trigger' })),
  ...FAMILY_ORDER.flatMap((family) => NODE_TYPES.filter((type) => NODE_FAMILY[type] === family).map((type): PaletteItem => ({ kind: 'node', type, family }))),
];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh element id (letters, digits, "_": valid for the schema's IdSchema), e.g. `message_k3f9a2`. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}_${suffix}`;
}

/** Texts a new box starts with, in the editor's language (the marketer edits them in the inspector). */
export interface NodeDefaults {
  message: string;
  question: string;
  survey: string;
  handoffReason: string;
  tag: string;
  branch: string;
  variantA: string;
  variantB: string;
}

/**
 * A new node of `type` whose data is valid for the schema, so a box dropped on the canvas is
 * already a working step (an empty message would only add a lint error to fix first).
 */
export function createNode(type: NodeType, texts: NodeDefaults, id: string = newId(type)): FlowNode {
  switch (type) {
    case 'message':
      return { id, type, data: { text: texts.message } };
    case 'question':
      return { id, type, data: { text: texts.question, kind: 'text', variable: 'answer', maxAttempts: 3, timeout: { amount: 1, unit: 'days' } } };
    case 'condition':
      return { id, type, data: { branches: [{ id: newId('branch'), label: texts.branch, when: 'contact.tags contains "vip"' }] } };
    case 'set_variable':
      return { id, type, data: { assignments: [{ variable: 'segment', value: '"vip"' }] } };
    case 'wait':
      return { id, type, data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } };
    case 'wait_for_event':
      return { id, type, data: { events: ['order.created'], within: { amount: 1, unit: 'days' } } };
    case 'http_request':
      return { id, type, data: { method: 'GET', url: 'https://example.com/api', timeoutMs: 10_000 } };
    case 'handoff':
      return { id, type, data: { priority: 'normal', reason: texts.handoffReason } };
    case 'survey':
      return { id, type, data: { kind: 'nps', text: texts.survey, maxAttempts: 2, timeout: { amount: 1, unit: 'days' } } };
    case 'tag':
      return { id, type, data: { add: [texts.tag], remove: [] } };
    case 'whatsapp_template':
      return { id, type, data: { name: 'template_name', language: 'pt_BR', body: [] } };
    case 'jump_to_flow':
      return { id, type, data: { flowId: 'choose-a-flow' } };
    case 'ab_split':
      return {
        id,
        type,
        data: {
          variants: [
            { id: newId('variant'), label: texts.variantA, weight: 50 },
            { id: newId('variant'), label: texts.variantB, weight: 50 },
          ],
        },
      };
    case 'conversion':
      return { id, type, data: { kind: 'cart_recovered' } };
    case 'end':
      return { id, type, data: {} };
  }
}

/** A new trigger of `type`. */
export function createTrigger(type: TriggerType, id: string = newId(type === 'commerce_event' ? 'trigger' : type)): Trigger {
  switch (type) {
    case 'commerce_event':
      return { id, type, event: 'cart.abandoned' };
    case 'inbound_message':
      return { id, type, match: { kind: 'any' } };
    case 'manual':
      return { id, type };
  }
}
