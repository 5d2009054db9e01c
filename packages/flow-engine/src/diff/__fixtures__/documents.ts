import { parseFlow } from '../../schema/parse-flow.js';
import type { FlowDocument, FlowDocumentInput } from '../../schema/flow-document.schema.js';
import type { TemplateLocale } from '../../templates/index.js';
import { JOURNEY_TEMPLATES } from '../../templates/index.js';

/** Parses (defaults applied) or fails the test with the errors. */
export function parsed(input: FlowDocumentInput): FlowDocument {
  const result = parseFlow(input);
  if (!result.ok) throw new Error(`invalid fixture: ${JSON.stringify(result.errors)}`);
  return result.flow;
}

/** A journey template built in a locale, as a parsed document. */
export function template(id: (typeof JOURNEY_TEMPLATES)[number]['id'], locale: TemplateLocale): FlowDocument {
  const found = JOURNEY_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return parsed(found.build(locale));
}

/** A small flow touching every category: trigger -> greeting (two buttons) -> end. */
export function smallFlow(): FlowDocument {
  return parsed({
    schemaVersion: 1,
    name: 'Welcome',
    triggers: [{ id: 't1', type: 'inbound_message', match: { kind: 'keyword', keywords: ['oi', 'hello'] } }],
    nodes: [
      {
        id: 'greeting',
        type: 'message',
        label: 'Greeting',
        data: { text: 'Hello!', buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
      },
      { id: 'end', type: 'end', data: {} },
    ],
    edges: [
      { id: 'e1', source: 't1', sourceHandle: 'next', target: 'greeting' },
      { id: 'e2', source: 'greeting', sourceHandle: 'yes', target: 'end' },
      { id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'end' },
    ],
    variables: [{ name: 'coupon', type: 'text', default: 'VOLTA10' }],
    settings: { channels: ['whatsapp'], stepBudget: 200 },
    ui: { positions: { t1: { x: 0, y: 0 }, greeting: { x: 0, y: 180 }, end: { x: 0, y: 360 } }, viewport: { x: 0, y: 0, zoom: 1 } },
  });
}
