import type { Json } from '../schema/common.schema.js';
import type { FlowDocument, FlowNode } from '../schema/flow-document.schema.js';
import { JOURNEY_TEMPLATES } from '../templates/index.js';
import { smallFlow, template } from './__fixtures__/documents.js';
import { diffFlows, isEmptyDiff, type FlowDiff } from './index.js';

const EMPTY: FlowDiff = {
  nodes: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [] },
  triggers: { added: [], removed: [], changed: [] },
  variables: { added: [], removed: [], changed: [] },
  settings: [],
  meta: [],
  layoutOnly: false,
  summary: { added: 0, removed: 0, changed: 0 },
};

/** A copy of the small flow changed by `edit`. */
function edited(edit: (doc: FlowDocument) => void): FlowDocument {
  const doc = smallFlow();
  edit(doc);
  return doc;
}

function node(doc: FlowDocument, id: string): FlowNode {
  return doc.nodes.find((n) => n.id === id)!;
}

describe('diffFlows', () => {
  it('finds nothing between identical documents, and the layout did not change either', () => {
    const doc = smallFlow();
    expect(diffFlows(doc, doc)).toEqual(EMPTY);
    expect(diffFlows(doc, smallFlow())).toEqual(EMPTY);
    expect(isEmptyDiff(diffFlows(doc, smallFlow()))).toBe(true);
  });

  it('calls a move of boxes or of the viewport layout only', () => {
    const moved = edited((d) => {
      d.ui.positions['greeting'] = { x: 40, y: 200 };
      d.ui.viewport.zoom = 0.5;
    });
    expect(diffFlows(smallFlow(), moved)).toEqual({ ...EMPTY, layoutOnly: true });
  });

  it('is not layout only when something else changed too', () => {
    const diff = diffFlows(smallFlow(), edited((d) => {
      d.ui.positions['end'] = { x: 1, y: 1 };
      d.name = 'Hello';
    }));
    expect(diff.layoutOnly).toBe(false);
    expect(diff.meta).toEqual([{ path: 'name', before: 'Welcome', after: 'Hello' }]);
  });

  it('ignores the order of nodes and edges', () => {
    const reordered = edited((d) => {
      d.nodes.reverse();
      d.edges.reverse();
    });
    expect(diffFlows(smallFlow(), reordered)).toEqual(EMPTY);
  });

  it('lists added and removed nodes by id, with type and label', () => {
    const after = edited((d) => {
      d.nodes = d.nodes.filter((n) => n.id !== 'end');
      d.nodes.push({ id: 'b_ask', type: 'question', label: 'Ask email', data: { text: 'Email?', kind: 'email', variable: 'email', maxAttempts: 3 } });
      d.nodes.push({ id: 'a_bye', type: 'end', data: {} });
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.nodes.added).toEqual([{ id: 'a_bye', type: 'end' }, { id: 'b_ask', type: 'question', label: 'Ask email' }]);
    expect(diff.nodes.removed).toEqual([{ id: 'end', type: 'end' }]);
    expect(diff.summary).toEqual({ added: 2, removed: 1, changed: 0 });
  });

  it('names changed node fields by path, in document order', () => {
    const after = edited((d) => {
      const greeting = node(d, 'greeting');
      if (greeting.type !== 'message') throw new Error('fixture');
      greeting.label = 'Hi';
      greeting.data.text = 'Hi there!';
      greeting.data.buttons![1]!.title = 'Nope';
      greeting.data.footer = 'Reply with a button';
    });
    expect(diffFlows(smallFlow(), after).nodes.changed).toEqual([
      {
        id: 'greeting',
        type: 'message',
        label: 'Hi',
        fields: [
          { path: 'label', before: 'Greeting', after: 'Hi' },
          { path: 'data.text', before: 'Hello!', after: 'Hi there!' },
          { path: 'data.buttons.1.title', before: 'No', after: 'Nope' },
          { path: 'data.footer', before: undefined, after: 'Reply with a button' },
        ],
      },
    ]);
  });

  it('reports a removed field and a shorter list', () => {
    const after = edited((d) => {
      const greeting = node(d, 'greeting');
      if (greeting.type !== 'message') throw new Error('fixture');
      delete greeting.label;
      greeting.data.buttons!.pop();
    });
    const [change] = diffFlows(smallFlow(), after).nodes.changed;
    expect(change).toEqual({
      id: 'greeting',
      type: 'message',
      label: 'Greeting',
      fields: [
        { path: 'label', before: 'Greeting', after: undefined },
        { path: 'data.buttons.1', before: { id: 'no', title: 'No' }, after: undefined },
      ],
    });
  });

  it('reports a change of type as `type`, with the data as a whole', () => {
    const after = edited((d) => {
      d.nodes[1] = { id: 'end', type: 'handoff', data: { priority: 'normal', reason: 'Help' } };
    });
    expect(diffFlows(smallFlow(), after).nodes.changed).toEqual([
      {
        id: 'end',
        type: 'handoff',
        fields: [
          { path: 'type', before: 'end', after: 'handoff' },
          { path: 'data', before: {}, after: { priority: 'normal', reason: 'Help' } },
        ],
      },
    ]);
  });

  it('does not count an edge re-created with a new id', () => {
    const after = edited((d) => {
      d.edges = d.edges.map((e) => ({ ...e, id: `${e.id}-new` }));
    });
    expect(diffFlows(smallFlow(), after)).toEqual(EMPTY);
  });

  it('counts an edge whose endpoints changed as removed and added', () => {
    const after = edited((d) => {
      d.edges[2] = { id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'greeting' };
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.edges).toEqual({
      removed: [{ id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'end' }],
      added: [{ id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'greeting' }],
    });
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 0 });
  });

  it('keeps the id of a repeated connection that survived', () => {
    const before = edited((d) => d.edges.push({ id: 'e0', source: 'greeting', sourceHandle: 'yes', target: 'end' }));
    const diff = diffFlows(before, smallFlow());
    expect(diff.edges).toEqual({ added: [], removed: [{ id: 'e0', source: 'greeting', sourceHandle: 'yes', target: 'end' }] });
  });

  it('diffs triggers like nodes', () => {
    const after = edited((d) => {
      const t1 = d.triggers[0]!;
      if (t1.type !== 'inbound_message' || t1.match.kind !== 'keyword') throw new Error('fixture');
      t1.match.keywords[1] = 'hi';
      d.triggers.push({ id: 'manual', type: 'manual' });
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.triggers).toEqual({
      added: [{ id: 'manual', type: 'manual' }],
      removed: [],
      changed: [{ id: 't1', type: 'inbound_message', fields: [{ path: 'match.keywords.1', before: 'hello', after: 'hi' }] }],
    });
    expect(diffFlows(after, smallFlow()).triggers.removed).toEqual([{ id: 'manual', type: 'manual' }]);
  });

  it('lists variables added, removed and changed by name', () => {
    const before = edited((d) => d.variables.push({ name: 'old', type: 'number' }));
    const after = edited((d) => {
      d.variables[0]!.default = 'VOLTA20';
      d.variables.push({ name: 'fresh', type: 'text' });
    });
    expect(diffFlows(before, after).variables).toEqual({ added: ['fresh'], removed: ['old'], changed: ['coupon'] });
  });

  it('compares keys such as "__proto__" as plain data', () => {
    const withDefault = (json: string) => edited((d) => (d.variables[0]!.default = JSON.parse(json) as Json));
    const a = withDefault('{"__proto__": {"x": 1}}');
    expect(diffFlows(a, withDefault('{"__proto__": {"x": 1}}')).variables.changed).toEqual([]);
    expect(diffFlows(a, withDefault('{"__proto__": {"x": 2}}')).variables.changed).toEqual(['coupon']);
    expect(diffFlows(a, withDefault('{}')).variables.changed).toEqual(['coupon']);
  });

  it('reports settings and meta as whole fields', () => {
    const after = edited((d) => {
      d.settings = { channels: ['whatsapp', 'webchat'], stepBudget: 50 };
      d.description = 'Says hello';
    });
    const diff = diffFlows(smallFlow(), after);
    expect(diff.settings).toEqual([
      { path: 'channels', before: ['whatsapp'], after: ['whatsapp', 'webchat'] },
      { path: 'stepBudget', before: 200, after: 50 },
    ]);
    expect(diff.meta).toEqual([{ path: 'description', before: undefined, after: 'Says hello' }]);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 3 });
  });

  it('returns copies: editing the diff leaves the documents alone', () => {
    const before = smallFlow();
    const after = edited((d) => (d.settings.channels = ['webchat']));
    const diff = diffFlows(before, after);
    (diff.settings[0]!.before as Json[]).push('sms');
    expect(before.settings.channels).toEqual(['whatsapp']);
  });
});

describe('diffFlows on the journey templates', () => {
  it.each(JOURNEY_TEMPLATES.map((t) => t.id))('%s in pt-BR vs en: texts change, the graph does not', (id) => {
    const diff = diffFlows(template(id, 'pt-BR'), template(id, 'en'));
    expect(diff.nodes.added).toEqual([]);
    expect(diff.nodes.removed).toEqual([]);
    expect(diff.edges).toEqual({ added: [], removed: [] });
    expect(diff.triggers).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.nodes.changed.length).toBeGreaterThan(3);
    expect(diff.nodes.changed.flatMap((n) => n.fields.map((f) => f.path))).not.toContain('type');
    expect(diff.meta.map((f) => f.path)).toEqual(['name', 'description']);
    expect(diff.summary).toMatchObject({ added: 0, removed: 0 });
    expect(diff.layoutOnly).toBe(false);
  });

  it('tells two different journeys apart without throwing', () => {
    const diff = diffFlows(template('cart-recovery', 'en'), template('post-purchase', 'en'));
    expect(diff.triggers.removed.map((t) => t.id)).toEqual(['cart_abandoned']);
    expect(diff.nodes.added.length).toBeGreaterThan(0);
    expect(diff.edges.removed.length).toBeGreaterThan(0);
  });
});
