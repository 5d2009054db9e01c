import { parseFlow } from '../../schema/parse-flow.js';
import type { FlowDocument, FlowDocumentInput } from '../../schema/flow-document.schema.js';
import { JOURNEY_TEMPLATES, type TemplateLocale } from '../../templates/index.js';

/** Parses (defaults applied) or fails the test with the errors. */
export function parsed(input: FlowDocumentInput): FlowDocument {
  const result = parseFlow(input);
  if (!result.ok) throw new Error(`invalid fixture: ${JSON.stringify(result.errors)}`);
  return result.flow;
}

/** A journey template built in a locale, as a parsed document. */
export function template(id: string, locale: TemplateLocale = 'en'): FlowDocument {
  const found = JOURNEY_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return parsed(found.build(locale));
}

/** Freezes a document all the way down, so any mutation by the code under test throws. */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}

/**
 * trigger t1 -> greeting (buttons yes/no) ; yes -> ask (email question), no -> bye (end);
 * ask: next -> bye. A manual trigger t2 is not connected (allowed: lint reports it).
 */
export function smallFlow(): FlowDocument {
  return frozen(
    parsed({
      schemaVersion: 1,
      name: 'Welcome',
      description: 'Greets visitors',
      triggers: [
        { id: 't1', type: 'inbound_message', match: { kind: 'keyword', keywords: ['hello'] } },
        { id: 't2', type: 'manual' },
      ],
      nodes: [
        { id: 'greeting', type: 'message', label: 'Greeting', data: { text: 'Hello!', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] } },
        { id: 'ask', type: 'question', data: { text: 'Your email?', kind: 'email', variable: 'email' } },
        { id: 'bye', type: 'end', data: {} },
      ],
      edges: [
        { id: 'e1', source: 't1', sourceHandle: 'next', target: 'greeting' },
        { id: 'e2', source: 'greeting', sourceHandle: 'yes', target: 'ask' },
        { id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'bye' },
        { id: 'e4', source: 'ask', sourceHandle: 'next', target: 'bye' },
      ],
      variables: [{ name: 'email', type: 'text' }],
      ui: { positions: { t1: { x: 0, y: 0 }, greeting: { x: 0, y: 180 }, ask: { x: 0, y: 360 }, bye: { x: 320, y: 360 } } },
    }),
  );
}
