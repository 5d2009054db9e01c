// Property-based: random operation sequences on the journey templates. Each accepted operation
// gives a document parseFlow accepts unchanged and its inverse gives back the document before;
// a refused one changes nothing; undoing the whole sequence gives back the template.
import fc from 'fast-check';
import { nodeOutputs, TRIGGER_HANDLE } from '../graph/node-outputs.js';
import { parseFlow } from '../schema/parse-flow.js';
import type { FlowDocument, FlowNode } from '../schema/flow-document.schema.js';
import { JOURNEY_TEMPLATES, type TemplateLocale } from '../templates/index.js';
import { frozen, template } from './__fixtures__/documents.js';
import { applyOperation, applyOperations, applyOperationWithInverse } from './apply-operation.js';
import type { FlowOperation } from './flow-operation.js';

interface Seed {
  kind: (typeof KINDS)[number];
  a: number;
  b: number;
  c: number;
  text: string;
  x: number;
  y: number;
}

const KINDS = [
  'add_node',
  'label',
  'edit_data',
  'add_trigger',
  'update_trigger',
  'connect',
  'add_elements',
  'remove',
  'move',
  'variables',
  'update_flow',
  'batch',
  // Operations meant to be refused.
  'duplicate_node',
  'self_loop',
  'remove_missing',
] as const;

const seedArb: fc.Arbitrary<Seed> = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  text: fc.string({ minLength: 1, maxLength: 10 }),
  x: fc.integer({ min: -5_000, max: 5_000 }),
  y: fc.integer({ min: -5_000, max: 5_000 }),
});

const pick = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];

/** A node of a few shapes, with outputs (buttons, branches) to connect and later remove. */
function newNode(id: string, seed: Seed): FlowNode {
  switch (seed.b % 5) {
    case 0:
      return { id, type: 'end', data: {} };
    case 1:
      return { id, type: 'message', data: { text: seed.text.trim() === '' ? 'Hi' : seed.text, buttons: [{ id: `${id}_y`, title: 'Yes' }, { id: `${id}_n`, title: 'No' }] } };
    case 2:
      return { id, type: 'condition', data: { branches: [{ id: `${id}_vip`, when: 'contact.tags contains "vip"' }, { id: `${id}_big`, when: 'cart.total > 100' }] } };
    case 3:
      return { id, type: 'tag', data: { add: ['vip'], remove: [] } };
    default:
      return { id, type: 'wait', data: { mode: 'duration', duration: { amount: 1 + (seed.c % 48), unit: 'hours' }, interruptOnReply: seed.c % 2 === 0 } };
  }
}

/** New data for a node of the same type: buttons, branches or replies may appear or go. */
function editedData(node: FlowNode, seed: Seed): FlowNode['data'] {
  switch (node.type) {
    case 'message':
      return node.data.buttons?.length ? { ...node.data, buttons: node.data.buttons.slice(0, 1 + (seed.c % node.data.buttons.length)) } : { ...node.data, text: seed.text };
    case 'condition':
      return { branches: node.data.branches.length > 1 ? node.data.branches.slice(1) : [...node.data.branches, { id: `b${String(seed.c)}`, when: 'true' }] };
    case 'wait':
      return { ...node.data, interruptOnReply: !node.data.interruptOnReply };
    case 'question':
      return { ...node.data, timeout: node.data.timeout ? undefined : { amount: 1, unit: 'days' } };
    default:
      return node.data;
  }
}

function operationFor(doc: FlowDocument, seed: Seed, serial: number): FlowOperation {
  const id = `g${String(serial)}`;
  const node = pick(doc.nodes, seed.a);
  const sources = [...doc.nodes, ...doc.triggers];
  switch (seed.kind) {
    case 'add_node':
      return { type: 'add_node', node: newNode(id, seed), position: { x: seed.x, y: seed.y } };
    case 'label':
      return { type: 'update_node', nodeId: node?.id ?? 'none', label: seed.c % 3 === 0 ? null : seed.text };
    case 'edit_data':
      return node ? { type: 'update_node', nodeId: node.id, data: editedData(node, seed) } : { type: 'update_node', nodeId: 'none' };
    case 'add_trigger':
      return { type: 'add_trigger', trigger: seed.c % 2 ? { id, type: 'manual' } : { id, type: 'commerce_event', event: 'order.paid' }, position: { x: seed.x, y: seed.y } };
    case 'update_trigger': {
      const trigger = pick(doc.triggers, seed.a);
      return { type: 'update_trigger', trigger: { id: trigger?.id ?? 'none', type: 'inbound_message', match: { kind: 'keyword', keywords: [seed.text] } } };
    }
    case 'connect': {
      const source = pick(sources, seed.a);
      const handles = source === undefined ? [] : 'data' in source ? nodeOutputs(source) : [TRIGGER_HANDLE];
      const target = pick(doc.nodes, seed.c);
      return { type: 'connect', edge: { id, source: source?.id ?? 'none', sourceHandle: pick(handles, seed.b) ?? 'next', target: target?.id ?? 'none' } };
    }
    case 'add_elements':
      return {
        type: 'add_elements',
        nodes: [{ id: `${id}_a`, type: 'tag', data: { add: [seed.text], remove: [] } }, newNode(`${id}_b`, seed)],
        edges: [{ id: `${id}_e`, source: `${id}_a`, sourceHandle: 'next', target: `${id}_b` }],
        positions: { [`${id}_a`]: { x: seed.x, y: seed.y } },
      };
    case 'remove': {
      const edge = pick(doc.edges, seed.b);
      const trigger = pick(doc.triggers, seed.c);
      return {
        type: 'remove_elements',
        ...(node && seed.c % 2 === 0 ? { nodeIds: [node.id] } : {}),
        ...(edge && seed.b % 2 === 0 ? { edgeIds: [edge.id] } : {}),
        ...(trigger && seed.c % 5 === 1 ? { triggerIds: [trigger.id] } : {}),
      };
    }
    case 'move': {
      const target = pick(sources, seed.a);
      const other = pick(sources, seed.b);
      return {
        type: 'move',
        positions: target ? { [target.id]: { x: seed.x, y: seed.y } } : {},
        ...(other && seed.c % 3 === 0 ? { clear: [other.id] } : {}),
      };
    }
    case 'variables':
      return {
        type: 'set_variables',
        variables: seed.c % 2 === 0 ? doc.variables.slice(1) : [...doc.variables.filter((v) => v.name !== `v${id}`), { name: `v${id}`, type: 'number', default: seed.x }],
      };
    case 'update_flow':
      return {
        type: 'update_flow',
        ...(seed.c % 2 === 0 && seed.text.trim() !== '' ? { name: seed.text } : {}),
        ...(seed.c % 3 === 0 ? { description: seed.c % 2 ? null : seed.text } : {}),
        ...(seed.c % 4 === 0 ? { settings: { stepBudget: 10 + (seed.b % 500) } } : {}),
      };
    case 'batch':
      return {
        type: 'batch',
        operations: [
          { type: 'add_node', node: newNode(id, seed), position: { x: seed.x, y: seed.y } },
          ...(node ? [{ type: 'update_node' as const, nodeId: node.id, label: seed.text }] : []),
          { type: 'move', positions: { [id]: { x: seed.y, y: seed.x } } },
        ],
      };
    case 'duplicate_node':
      return { type: 'add_node', node: { id: node?.id ?? doc.triggers[0]?.id ?? 'x', type: 'end', data: {} }, position: { x: 0, y: 0 } };
    case 'self_loop':
      return { type: 'connect', edge: { id, source: node?.id ?? 'x', sourceHandle: node ? (nodeOutputs(node)[0] ?? 'next') : 'next', target: node?.id ?? 'x' } };
    case 'remove_missing':
      return { type: 'remove_elements', nodeIds: [`missing_${String(serial)}`] };
  }
}

const docArb = fc.tuple(fc.constantFrom(...JOURNEY_TEMPLATES.map((t) => t.id)), fc.constantFrom<TemplateLocale>('pt-BR', 'en'));

describe('operations (property)', () => {
  it('apply then invert gives back the document; applied documents parse; refusals change nothing', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(docArb, fc.array(seedArb, { minLength: 1, maxLength: 30, size: 'medium' }), ([templateId, locale], seeds) => {
        const start = frozen(template(templateId, locale));
        let doc = start;
        const done: FlowOperation[] = [];
        const undo: FlowOperation[] = [];
        seeds.forEach((seed, serial) => {
          const op = frozen(operationFor(doc, seed, serial));
          const before = structuredClone(doc);
          const result = applyOperationWithInverse(doc, op);
          if (!result.ok) {
            refused++;
            expect(doc).toEqual(before);
            expect(result.error.message).not.toBe('');
            return;
          }
          accepted++;
          const parsed = parseFlow(result.document);
          expect(parsed.ok).toBe(true);
          if (parsed.ok) expect(parsed.flow).toEqual(result.document);
          const undone = applyOperation(frozen(result.document), frozen(result.inverse));
          expect(undone).toEqual({ ok: true, document: before });
          expect(doc).toEqual(before);
          done.push(op);
          undo.push(result.inverse);
          doc = result.document;
        });
        // The accepted operations replay to the same document, one by one or as one batch.
        expect(applyOperations(start, done)).toEqual({ ok: true, document: doc });
        expect(applyOperation(start, { type: 'batch', operations: done })).toEqual({ ok: true, document: doc });
        // Undo of everything, newest first, gives back the template.
        expect(applyOperations(doc, undo.reverse())).toEqual({ ok: true, document: start });
      }),
      { numRuns: 100 },
    );
    // The generator is useful only if both paths are exercised in earnest.
    expect(accepted).toBeGreaterThan(600);
    expect(refused).toBeGreaterThan(150);
  });
});
