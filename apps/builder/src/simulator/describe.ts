import type { COMMERCE_EVENTS, FlowDocument, Trigger } from '@jornada/flow-engine';
import type { SimulatedChannel } from '../api/simulation-types.js';
import type { Translate } from '../i18n/index.js';

/** A commerce event in words ("Order created"); any other event by its name. */
export function eventName(name: string, t: Translate): string {
  switch (name as (typeof COMMERCE_EVENTS)[number]) {
    case 'cart.abandoned':
      return t('simulator.event.cart.abandoned');
    case 'order.created':
      return t('simulator.event.order.created');
    case 'order.paid':
      return t('simulator.event.order.paid');
    case 'order.shipped':
      return t('simulator.event.order.shipped');
    case 'order.delivered':
      return t('simulator.event.order.delivered');
    case 'order.cancelled':
      return t('simulator.event.order.cancelled');
    default:
      return name;
  }
}

export function channelName(channel: SimulatedChannel, t: Translate): string {
  return t(`simulator.channel.${channel}`);
}

/** A trigger as the start form lists it. */
export function triggerName(trigger: Trigger, t: Translate): string {
  switch (trigger.type) {
    case 'inbound_message': {
      const match = trigger.match;
      if (match.kind === 'keyword') return t('simulator.start.trigger.inbound.keyword', { keywords: match.keywords.slice(0, 4).join(', ') });
      if (match.kind === 'regex') return t('simulator.start.trigger.inbound.regex', { pattern: match.pattern });
      return t(`simulator.start.trigger.inbound.${match.kind}`);
    }
    case 'commerce_event':
      return t('simulator.start.trigger.commerce', { event: eventName(trigger.event, t) });
    case 'manual':
      return t('simulator.start.trigger.manual');
  }
}

/** A box of the draft by its label, else its kind; a trigger by what starts it. */
export function nodeName(document: FlowDocument, nodeId: string, t: Translate): string {
  const node = document.nodes.find((item) => item.id === nodeId);
  if (node !== undefined) return node.label?.trim() || t(`simulator.node.${node.type}`);
  const trigger = document.triggers.find((item) => item.id === nodeId);
  if (trigger !== undefined) return triggerName(trigger, t);
  return t('simulator.node.unknown', { id: nodeId });
}

/**
 * The output a box left by, in the words of the box: a button's or branch's title when the
 * output is one of its ids (buttons, list rows, condition branches, A/B variants), else the
 * handle itself ("timeout", "else", "invalid").
 */
export function outputName(document: FlowDocument, nodeId: string, output: string): string {
  const node = document.nodes.find((item) => item.id === nodeId);
  return node === undefined ? output : (findTitle(node.data, output) ?? output);
}

function findTitle(value: unknown, id: string, depth = 0): string | undefined {
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findTitle(item, id, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if (record['id'] === id) {
    const title = record['title'] ?? record['label'];
    if (typeof title === 'string' && title.trim() !== '') return title;
  }
  for (const child of Object.values(record)) {
    if (typeof child !== 'object' || child === null) continue;
    const found = findTitle(child, id, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
