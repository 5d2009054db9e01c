import {
  COMMERCE_EVENTS,
  evaluateExpression,
  RESERVED_NAMES,
  sampleCustomer,
  sampleEventData,
  type CommerceEvent,
  type FlowDocument,
  type FlowNode,
  type FormatEnv,
  type Json,
} from '@jornada/flow-engine';
import type { Locale } from '../../i18n/index.js';

/** Where a variable comes from, the group the picker lists it under. */
export type VariableSource = 'flow' | 'answer' | 'contact' | 'event' | 'session' | 'response';

export interface VariableEntry {
  /** What to write in a template or expression: `contact.first_name`, `cart.total`. */
  readonly path: string;
  readonly source: VariableSource;
  /** The sample value the preview uses, shown next to the name. */
  readonly sample: Json | undefined;
  /** A declared variable's description, or the node that sets it (its label or id). */
  readonly detail?: string | undefined;
}

/**
 * What a field may read: the session (most fields), a commerce trigger's event data (its filter
 * runs before any session exists) or an HTTP reply (`data`, `status`) for a response mapping.
 */
export type FieldScope = 'flow' | 'filter' | 'response';

export interface VariableCatalog {
  readonly entries: readonly VariableEntry[];
  /** Sample values by root, for previews. */
  readonly scope: Readonly<Record<string, Json>>;
  /** Names a field of this scope may start with (what lint accepts). */
  readonly roots: ReadonlySet<string>;
}

/** Kinds of sample data per language: the engine's sample shop speaks English and Portuguese. */
function templateLocale(locale: Locale): 'en' | 'pt-BR' {
  return locale === 'pt-BR' ? 'pt-BR' : 'en';
}

/** How templates format numbers and dates in the preview: the builder's language, its currency. */
export function previewEnv(locale: Locale): FormatEnv {
  const timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { locale: templateLocale(locale), currency: locale === 'pt-BR' ? 'BRL' : 'USD', timezone };
}

/** Top-level variables a commerce event brings (the same roots lint accepts). */
function eventRoot(event: CommerceEvent): 'cart' | 'order' {
  return event === 'cart.abandoned' ? 'cart' : 'order';
}

interface SampleTexts {
  /** A sample typed answer to a text question, in the builder's language. */
  readonly answer: string;
  readonly comment: string;
  readonly workspace: string;
  readonly message: string;
}

const SAMPLE_TEXTS: Readonly<Record<'en' | 'pt-BR', SampleTexts>> = {
  en: { answer: 'I would like to know my delivery date', comment: 'Fast delivery, thank you!', workspace: 'Your shop', message: 'Hi' },
  'pt-BR': { answer: 'Quero saber a data de entrega', comment: 'Entrega rápida, obrigado!', workspace: 'Sua loja', message: 'Oi' },
};

/** A believable answer to a question of this kind, so a preview reads like a real message. */
function sampleAnswer(node: Extract<FlowNode, { type: 'question' }>, customer: Record<string, Json>, texts: SampleTexts): Json {
  switch (node.data.kind) {
    case 'email':
      return customer['email'] ?? null;
    case 'phone':
      return customer['phone'] ?? null;
    case 'number':
      return node.data.min ?? 2;
    case 'date':
      return '2026-12-24';
    case 'choice':
      return node.data.options?.[0]?.title ?? null;
    case 'text':
      return texts.answer;
  }
}

const SURVEY_SAMPLE = { nps: 9, csat: 5, ces: 6 } as const;

function nodeName(node: FlowNode): string {
  return node.label?.trim() || node.id;
}

function flatten(root: string, value: Json, source: VariableSource, add: (entry: VariableEntry) => void, depth = 0): void {
  add({ path: root, source, sample: value });
  if (depth > 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) flatten(`${root}.${key}`, child, source, add, depth + 1);
}

/**
 * Every variable a flow's fields can read, with sample values: declared variables (their
 * defaults), answers captured by questions and surveys, what nodes set, the contact, the
 * session and the data of the flow's commerce triggers (`cart.total`, `order.id`), built from
 * the engine's sample shop (sampleCustomer, sampleEventData).
 */
export function variableCatalog(flow: FlowDocument, locale: Locale, fieldScope: FieldScope = 'flow'): VariableCatalog {
  const lang = templateLocale(locale);
  const texts = SAMPLE_TEXTS[lang];
  const customer = sampleCustomer(lang);
  const entries: VariableEntry[] = [];
  const seen = new Set<string>();
  const scope: Record<string, Json> = {};
  const add = (entry: VariableEntry) => {
    if (seen.has(entry.path)) return;
    seen.add(entry.path);
    entries.push(entry);
  };
  const events = flow.triggers.flatMap((t) => (t.type === 'commerce_event' ? [t.event] : []));

  if (fieldScope === 'response') {
    scope['status'] = 200;
    scope['data'] = {};
    add({ path: 'data', source: 'response', sample: {} });
    add({ path: 'status', source: 'response', sample: 200 });
    return { entries, scope, roots: new Set(['data', 'status']) };
  }

  for (const event of events) {
    const root = eventRoot(event);
    if (scope[root] === undefined) scope[root] = sampleEventData(event, lang);
  }
  if (events.length > 0) scope['customer'] = customer;

  if (fieldScope === 'filter') {
    for (const root of ['cart', 'order', 'customer']) {
      const value = scope[root];
      if (value !== undefined) flatten(root, value, 'event', add);
    }
    scope['event'] = scope['cart'] ?? scope['order'] ?? {};
    add({ path: 'event', source: 'event', sample: scope['event'] });
    return { entries, scope, roots: new Set(Object.keys(scope)) };
  }

  for (const variable of flow.variables) {
    scope[variable.name] = variable.default ?? null;
    add({ path: variable.name, source: 'flow', sample: variable.default ?? null, detail: variable.description });
  }

  const contactAttributes: Record<string, Json> = {};
  const name = typeof customer['name'] === 'string' ? customer['name'] : '';
  const contact: Record<string, Json> = {
    id: 'c-sample',
    name,
    first_name: name.split(/\s+/)[0] ?? null,
    phone: customer['phone'] ?? null,
    email: customer['email'] ?? null,
    tags: [],
    attributes: contactAttributes,
  };
  scope['contact'] = contact;
  scope['workspace'] = { name: texts.workspace };
  scope['session'] = { id: 's-sample', channel: flow.settings.channels[0] ?? 'whatsapp', started_at: new Date(0).toISOString() };
  scope['message'] = { kind: 'text', text: texts.message, id: null };
  const eventName = events[0] ?? 'manual';
  scope['event'] = { name: eventName };

  const env = previewEnv(locale);
  const setAnswer = (variable: string, sample: Json, node: FlowNode) => {
    if (RESERVED_NAMES.has(variable)) return;
    if (!(variable in scope)) scope[variable] = sample;
    add({ path: variable, source: 'answer', sample, detail: nodeName(node) });
  };
  for (const node of flow.nodes) {
    switch (node.type) {
      case 'question':
        setAnswer(node.data.variable, sampleAnswer(node, customer, texts), node);
        break;
      case 'survey':
        if (node.data.variable) setAnswer(node.data.variable, SURVEY_SAMPLE[node.data.kind], node);
        if (node.data.comment?.variable) setAnswer(node.data.comment.variable, texts.comment, node);
        break;
      case 'wait_for_event': {
        const first = node.data.events[0];
        const known = events.find((event) => event === first) ?? (isCommerceEvent(first) ? first : undefined);
        if (node.data.saveAs) setAnswer(node.data.saveAs, known === undefined ? {} : sampleEventData(known, lang), node);
        break;
      }
      case 'http_request':
        for (const mapping of node.data.responseMapping ?? []) setAnswer(mapping.variable, null, node);
        break;
      case 'set_variable':
        for (const assignment of node.data.assignments) {
          // Evaluated in document order over the samples so far: `cart.total * 0.9` previews as a number.
          const value = toJson(evaluateExpression(assignment.value, scope, env));
          const attribute = /^contact\.attributes\.(.+)$/.exec(assignment.variable)?.[1];
          if (attribute !== undefined) contactAttributes[attribute] = value;
          else setAnswer(assignment.variable, value, node);
        }
        break;
      default:
    }
  }

  add({ path: 'contact.first_name', source: 'contact', sample: contact['first_name'] ?? null });
  for (const key of ['name', 'phone', 'email', 'tags']) add({ path: `contact.${key}`, source: 'contact', sample: contact[key] ?? null });
  for (const [key, value] of Object.entries(contactAttributes)) add({ path: `contact.attributes.${key}`, source: 'contact', sample: value });
  for (const root of ['cart', 'order', 'customer']) {
    const value = scope[root];
    if (value !== undefined) flatten(root, value, 'event', add);
  }
  add({ path: 'event.name', source: 'session', sample: eventName });
  add({ path: 'message.text', source: 'session', sample: texts.message });
  add({ path: 'session.channel', source: 'session', sample: flow.settings.channels[0] ?? 'whatsapp' });
  add({ path: 'workspace.name', source: 'session', sample: texts.workspace });
  return { entries, scope, roots: new Set(Object.keys(scope)) };
}

const COMMERCE: ReadonlySet<string> = new Set(COMMERCE_EVENTS);
function isCommerceEvent(name: string | undefined): name is CommerceEvent {
  return name !== undefined && COMMERCE.has(name);
}

function toJson(value: unknown): Json {
  return value === undefined ? null : (value as Json);
}
