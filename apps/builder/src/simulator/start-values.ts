import { COMMERCE_EVENTS, sampleCustomer, sampleEventData, type ChannelType, type FlowDocument, type Trigger } from '@jornada/flow-engine';
import type { SimulatedChannel, StartSimulationRequest } from '../api/simulation-types.js';
import type { Locale } from '../i18n/index.js';

/** What the start form holds: one trigger, and what it starts with. */
export interface StartValues {
  readonly triggerId: string;
  readonly channel: SimulatedChannel;
  readonly contactName: string;
  /** Inbound message triggers: the customer's first message. */
  readonly message: string;
  /** Commerce and manual triggers: the event / start variables, as JSON text. */
  readonly dataText: string;
}

/** The channels a draft can be simulated as: its own (the sandbox is where simulations run, not a look). */
export function simulatedChannels(document: FlowDocument): SimulatedChannel[] {
  const own = document.settings.channels.filter((channel: ChannelType): channel is SimulatedChannel => channel !== 'sandbox');
  return own.length > 0 ? [...new Set(own)] : ['whatsapp'];
}

export function defaultChannel(document: FlowDocument): SimulatedChannel {
  const channels = simulatedChannels(document);
  return channels.includes('whatsapp') ? 'whatsapp' : (channels[0] ?? 'whatsapp');
}

/** The first message a customer would send to reach an inbound trigger. */
export function sampleFirstMessage(trigger: Trigger, locale: Locale): string {
  if (trigger.type === 'inbound_message' && trigger.match.kind === 'keyword') return trigger.match.keywords[0] ?? '';
  return locale === 'pt-BR' ? 'Oi! Vocês entregam no sábado?' : 'Hi! Do you deliver on Saturdays?';
}

/** The JSON a trigger starts with: the engine's sample cart or order, or no start variables. */
export function sampleDataText(trigger: Trigger, locale: Locale): string {
  if (trigger.type === 'commerce_event') return JSON.stringify(sampleEventData(trigger.event, locale), null, 2);
  return '{}';
}

/** The form prefilled for a trigger (the draft's first when none is named). */
export function startValuesFor(document: FlowDocument, locale: Locale, triggerId?: string, keep?: Pick<StartValues, 'channel' | 'contactName'>): StartValues {
  const trigger = document.triggers.find((item) => item.id === triggerId) ?? document.triggers[0];
  return {
    triggerId: trigger?.id ?? '',
    channel: keep?.channel ?? defaultChannel(document),
    contactName: keep?.contactName ?? String(sampleCustomer(locale)['name'] ?? ''),
    message: trigger === undefined ? '' : sampleFirstMessage(trigger, locale),
    dataText: trigger === undefined ? '{}' : sampleDataText(trigger, locale),
  };
}

export type DataParse = { ok: true; data: Record<string, unknown> } | { ok: false; reason: 'json' | 'object' };

/** The JSON text of the data field, which must be an object. */
export function parseDataText(text: string): DataParse {
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? '{}' : text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'object' };
  return { ok: true, data: value as Record<string, unknown> };
}

/** The request for the form's values; undefined when the data is not a JSON object. */
export function toStartRequest(document: FlowDocument, values: StartValues): StartSimulationRequest | undefined {
  const trigger = document.triggers.find((item) => item.id === values.triggerId);
  const contactName = values.contactName.trim();
  const base = { channel: values.channel, ...(trigger === undefined ? {} : { triggerId: trigger.id }), ...(contactName === '' ? {} : { contactName }) };
  if (trigger === undefined || trigger.type === 'inbound_message') {
    const message = values.message.trim();
    return message === '' ? base : { ...base, message };
  }
  const parsed = parseDataText(values.dataText);
  if (!parsed.ok) return undefined;
  return { ...base, data: parsed.data };
}

/** Events the simulator offers to send: those the draft waits for first, then the commerce events. */
export function eventChoices(document: FlowDocument): string[] {
  const awaited = document.nodes.flatMap((node) => (node.type === 'wait_for_event' ? node.data.events : []));
  return [...new Set([...awaited, ...COMMERCE_EVENTS])];
}

/** Sample data for an event: the engine's sample order for commerce events, else an empty object. */
export function sampleEventText(name: string, locale: Locale): string {
  const commerce = (COMMERCE_EVENTS as readonly string[]).includes(name) ? (name as (typeof COMMERCE_EVENTS)[number]) : undefined;
  return commerce === undefined ? '{}' : JSON.stringify(sampleEventData(commerce, locale), null, 2);
}
