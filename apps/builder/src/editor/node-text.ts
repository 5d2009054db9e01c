import type { Duration } from '@jornada/flow-engine';
import type { FlowNode, NodeType, Trigger } from '@jornada/flow-engine';
import type { MessageKey } from '../i18n/index.js';
import type { Translate } from '../i18n/translator.js';
import type { NodeDefaults, NodeFamily, TriggerType } from './node-catalog.js';
import type { OutputPort } from './projection.js';

// Typed tables of message keys: a missing key is a type error here, and the loose call below
// only spares each caller a switch.
export const TYPE_KEYS = {
  message: 'editor.type.message',
  question: 'editor.type.question',
  condition: 'editor.type.condition',
  set_variable: 'editor.type.set_variable',
  wait: 'editor.type.wait',
  wait_for_event: 'editor.type.wait_for_event',
  http_request: 'editor.type.http_request',
  handoff: 'editor.type.handoff',
  survey: 'editor.type.survey',
  tag: 'editor.type.tag',
  whatsapp_template: 'editor.type.whatsapp_template',
  jump_to_flow: 'editor.type.jump_to_flow',
  ab_split: 'editor.type.ab_split',
  conversion: 'editor.type.conversion',
  end: 'editor.type.end',
} as const satisfies Record<NodeType, MessageKey>;

export const HINT_KEYS = {
  message: 'editor.hint.message',
  question: 'editor.hint.question',
  condition: 'editor.hint.condition',
  set_variable: 'editor.hint.set_variable',
  wait: 'editor.hint.wait',
  wait_for_event: 'editor.hint.wait_for_event',
  http_request: 'editor.hint.http_request',
  handoff: 'editor.hint.handoff',
  survey: 'editor.hint.survey',
  tag: 'editor.hint.tag',
  whatsapp_template: 'editor.hint.whatsapp_template',
  jump_to_flow: 'editor.hint.jump_to_flow',
  ab_split: 'editor.hint.ab_split',
  conversion: 'editor.hint.conversion',
  end: 'editor.hint.end',
} as const satisfies Record<NodeType, MessageKey>;

export const TRIGGER_KEYS = {
  commerce_event: 'editor.trigger.commerce_event',
  inbound_message: 'editor.trigger.inbound_message',
  manual: 'editor.trigger.manual',
} as const satisfies Record<TriggerType, MessageKey>;

export const TRIGGER_HINT_KEYS = {
  commerce_event: 'editor.triggerHint.commerce_event',
  inbound_message: 'editor.triggerHint.inbound_message',
  manual: 'editor.triggerHint.manual',
} as const satisfies Record<TriggerType, MessageKey>;

export const FAMILY_KEYS = {
  trigger: 'editor.family.trigger',
  message: 'editor.family.message',
  logic: 'editor.family.logic',
  timing: 'editor.family.timing',
  integration: 'editor.family.integration',
  people: 'editor.family.people',
  outcome: 'editor.family.outcome',
} as const satisfies Record<NodeFamily, MessageKey>;

const OUTPUT_KEYS: Readonly<Record<string, MessageKey>> = {
  next: 'editor.output.next',
  other: 'editor.output.other',
  invalid: 'editor.output.invalid',
  timeout: 'editor.output.timeout',
  else: 'editor.output.else',
  reply: 'editor.output.reply',
  received: 'editor.output.received',
  success: 'editor.output.success',
  error: 'editor.output.error',
  resolved: 'editor.output.resolved',
  returned: 'editor.output.returned',
  detractor: 'editor.output.detractor',
  passive: 'editor.output.passive',
  promoter: 'editor.output.promoter',
  negative: 'editor.output.negative',
  neutral: 'editor.output.neutral',
  positive: 'editor.output.positive',
  difficult: 'editor.output.difficult',
  easy: 'editor.output.easy',
};

const DURATION_KEYS = {
  seconds: 'editor.duration.seconds',
  minutes: 'editor.duration.minutes',
  hours: 'editor.duration.hours',
  days: 'editor.duration.days',
} as const satisfies Record<Duration['unit'], MessageKey>;

export const EVENT_KEYS: Readonly<Record<string, MessageKey>> = {
  'cart.abandoned': 'editor.event.cart.abandoned',
  'order.created': 'editor.event.order.created',
  'order.paid': 'editor.event.order.paid',
  'order.shipped': 'editor.event.order.shipped',
  'order.delivered': 'editor.event.order.delivered',
  'order.cancelled': 'editor.event.order.cancelled',
};

type LooseTranslate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

/** `t` for keys picked from the tables above (their params are checked by the catalogue test). */
export function loose(t: Translate): LooseTranslate {
  return t as unknown as LooseTranslate;
}

export function typeName(t: Translate, type: NodeType): string {
  return loose(t)(TYPE_KEYS[type]);
}

export function triggerTypeName(t: Translate, type: TriggerType): string {
  return loose(t)(TRIGGER_KEYS[type]);
}

export function durationText(t: Translate, duration: Duration): string {
  return loose(t)(DURATION_KEYS[duration.unit], { count: duration.amount });
}

export function eventName(t: Translate, event: string): string {
  const key = EVENT_KEYS[event];
  return key === undefined ? event : loose(t)(key);
}

/** What an output handle reads as on the box: the marketer's words, else the fixed output's name. */
export function outputName(t: Translate, port: Pick<OutputPort, 'id' | 'label'>): string {
  if (port.label !== null) return port.label;
  const key = OUTPUT_KEYS[port.id];
  return key === undefined ? port.id : loose(t)(key);
}

/** A box's name in lists (problems, dialogs): its label, else its type. */
export function elementName(t: Translate, element: FlowNode | Trigger): string {
  if ('data' in element) return element.label?.trim() ? element.label : typeName(t, element.type);
  return triggerTypeName(t, element.type);
}

/** The words a new box starts with, in the editor's language. */
export function nodeDefaults(t: Translate): NodeDefaults {
  return {
    message: t('editor.defaults.message'),
    question: t('editor.defaults.question'),
    survey: t('editor.defaults.survey'),
    handoffReason: t('editor.defaults.handoffReason'),
    tag: t('editor.defaults.tag'),
    branch: t('editor.defaults.branch'),
    variantA: t('editor.defaults.variantA'),
    variantB: t('editor.defaults.variantB'),
  };
}
