import { parseFlow } from '../../schema/parse-flow.js';
import type { FlowDocumentInput } from '../../schema/flow-document.schema.js';
import { start } from '../engine.js';

const context = {
  sessionId: 's',
  flowId: 'f',
  flowVersion: 1,
  channel: 'whatsapp' as const,
  contact: { id: 'c', first_name: 'Ana', tags: [], attributes: {} },
  workspace: { timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR' },
};

function sendsOf(data: Record<string, unknown>) {
  const doc = {
    schemaVersion: 1,
    name: 'media',
    triggers: [{ id: 't', type: 'manual' }],
    nodes: [{ id: 'm', type: 'message', data }],
    edges: [{ id: 'e', source: 't', sourceHandle: 'next', target: 'm' }],
  } as FlowDocumentInput;
  const parsed = parseFlow(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const result = start({ flow: parsed.flow, trigger: { type: 'manual' }, context, now: new Date('2026-11-27T12:00:00Z') });
  return result.effects.flatMap((e) => (e.type === 'send' ? [e.message] : []));
}

describe('message node with media', () => {
  it('sends the text as the caption when no caption is set', () => {
    expect(sendsOf({ text: 'Oi {{contact.first_name}}', media: { kind: 'image', url: 'https://x/p.jpg' } })).toEqual([
      { kind: 'media', mediaType: 'image', url: 'https://x/p.jpg', caption: 'Oi Ana' },
    ]);
  });

  it('keeps the text when the media has a caption of its own (regression: the text was dropped)', () => {
    expect(sendsOf({ text: 'Veja o catálogo', media: { kind: 'document', url: 'https://x/c.pdf', caption: 'Catálogo', filename: 'c.pdf' } })).toEqual([
      { kind: 'media', mediaType: 'document', url: 'https://x/c.pdf', caption: 'Catálogo', filename: 'c.pdf' },
      { kind: 'text', text: 'Veja o catálogo' },
    ]);
  });
});
