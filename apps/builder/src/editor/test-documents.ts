import { JOURNEY_TEMPLATES, parseFlow, type FlowDocument } from '@jornada/flow-engine';

/** A journey template as a parsed document, for the editor's unit tests. */
export function templateDocument(id: string): FlowDocument {
  const template = JOURNEY_TEMPLATES.find((candidate) => candidate.id === id);
  if (template === undefined) throw new Error(`no template ${id}`);
  const parsed = parseFlow(template.build('en'));
  if (!parsed.ok) throw new Error(`template ${id} does not parse`);
  return parsed.flow;
}

/** A document with one node of every type and a trigger of every type (defaults of the palette). */
export function emptyDocument(): FlowDocument {
  const parsed = parseFlow({ schemaVersion: 1, name: 'Test', triggers: [], nodes: [], edges: [] });
  if (!parsed.ok) throw new Error('empty document does not parse');
  return parsed.flow;
}
