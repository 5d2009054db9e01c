import { cleanup, render } from '@testing-library/react';
import { FlowNodeSchema, NODE_TYPES, type FlowNode, type NodeType } from '@jornada/flow-engine';
import { flowFields, genericPath, nodeDataFields, triggerFields } from './schema-paths.js';
import { FULL_NODE_DATA, FULL_TRIGGERS } from './testing/full-samples.js';
import { InspectorHarness } from './testing/inspector-harness.js';
import { flowWith } from './testing/sample-flows.js';

// Ids of buttons, rows, options, branches, variants and quick replies are generated when an item
// is added (they name the node's outputs, so edges keep pointing at them); nobody types them.
const GENERATED = /(^|\.)id$/;
// Form controls that are not schema fields: the kind of replies a message offers (buttons, list
// or none) and the switches that add an optional part (`timeout.enabled`).
const UI_ONLY = new Set(['replies', 'label']);

function renderedPaths(): Set<string> {
  const paths = [...document.querySelectorAll('[data-path]')].map((element) => genericPath(element.getAttribute('data-path') ?? ''));
  return new Set(paths.map((path) => path.replace(/\.enabled$/, '')));
}

function pathsForNode(type: NodeType): Set<string> {
  const seen = new Set<string>();
  for (const data of FULL_NODE_DATA[type]) {
    const node = { id: 'n1', type, data } as FlowNode;
    render(<InspectorHarness document={flowWith({ nodes: [node] })} selection={{ kind: 'node', id: 'n1' }} />);
    renderedPaths().forEach((path) => seen.add(path));
    cleanup();
  }
  return seen;
}

describe('inspector forms against the schema', () => {
  it.each(NODE_TYPES.map((type) => [type]))('the %s samples are valid nodes', (type) => {
    for (const data of FULL_NODE_DATA[type]) expect(FlowNodeSchema.safeParse({ id: 'n1', type, data }).error?.issues ?? []).toEqual([]);
  });

  it.each(NODE_TYPES.map((type) => [type]))('the %s form edits every field of its schema, and only schema fields', (type) => {
    const rendered = pathsForNode(type);
    const fields = nodeDataFields(type);
    const missing = fields.filter((field) => field.leaf && !GENERATED.test(field.path) && !rendered.has(field.path)).map((field) => field.path);
    expect(missing).toEqual([]);
    const known = new Set(fields.map((field) => field.path));
    expect([...rendered].filter((path) => !known.has(path) && !UI_ONLY.has(path))).toEqual([]);
  });

  it('the trigger form edits every field of every trigger type', () => {
    const rendered = new Set<string>();
    for (const trigger of FULL_TRIGGERS) {
      render(<InspectorHarness document={flowWith({ triggers: [trigger] })} selection={{ kind: 'trigger', id: trigger.id }} />);
      renderedPaths().forEach((path) => rendered.add(path));
      cleanup();
    }
    const fields = (['inbound_message', 'commerce_event', 'manual'] as const).flatMap((type) => triggerFields(type));
    expect(fields.filter((field) => field.leaf && !GENERATED.test(field.path) && !rendered.has(field.path)).map((field) => field.path)).toEqual([]);
    const known = new Set(fields.map((field) => field.path));
    expect([...rendered].filter((path) => !known.has(path))).toEqual([]);
  });

  it('the flow settings edit the name, description, settings and every part of a variable', () => {
    render(<InspectorHarness document={flowWith({ variables: [{ name: 'coupon', type: 'text', default: 'OFF10', description: 'The code' }] })} selection={{ kind: 'flow' }} />);
    const rendered = renderedPaths();
    const own = flowFields().filter((field) => field.leaf && /^(name|description|settings\.|variables\.)/.test(field.path));
    expect(own.map((field) => field.path).filter((path) => !rendered.has(path))).toEqual([]);
    expect(own.length).toBeGreaterThanOrEqual(7);
  });
});
