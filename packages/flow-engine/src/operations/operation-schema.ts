import { z } from 'zod';
import { MAX_BATCH_DEPTH } from './apply-operation.js';
import type { FlowOperation, FlowOperationType } from './flow-operation.js';

/** Every operation type, in the order of the FlowOperation union. */
export const FLOW_OPERATION_TYPES = [
  'add_node',
  'update_node',
  'add_trigger',
  'update_trigger',
  'connect',
  'add_elements',
  'remove_elements',
  'move',
  'set_variables',
  'update_flow',
  'batch',
] as const satisfies readonly FlowOperationType[];

// Compile-time check that the list names every type of the union.
type Missing = Exclude<FlowOperationType, (typeof FLOW_OPERATION_TYPES)[number]>;
const everyType: [Missing] extends [never] ? true : Missing = true;
void everyType;

/** Most operations one request (or one `readFlowOperations` call) may carry. */
export const MAX_OPERATIONS = 500;

const point = z.strictObject({ x: z.number(), y: z.number() });
/** Nodes, triggers, edges and variables: their content is the reducer's to check (422, not 400). */
const element = z.record(z.string(), z.unknown());
const ids = z.array(z.string());
const indexList = z.array(z.number().int().min(0));

const operationSchema: z.ZodType = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('add_node'), node: element, position: point }),
    z.strictObject({ type: z.literal('update_node'), nodeId: z.string(), label: z.string().nullable().optional(), data: element.optional() }),
    z.strictObject({ type: z.literal('add_trigger'), trigger: element, position: point }),
    z.strictObject({ type: z.literal('update_trigger'), trigger: element }),
    z.strictObject({ type: z.literal('connect'), edge: element }),
    z.strictObject({
      type: z.literal('add_elements'),
      triggers: z.array(element).optional(),
      nodes: z.array(element).optional(),
      edges: z.array(element).optional(),
      positions: z.record(z.string(), point).optional(),
      indexes: z.strictObject({ triggers: indexList.optional(), nodes: indexList.optional(), edges: indexList.optional() }).optional(),
    }),
    z.strictObject({ type: z.literal('remove_elements'), nodeIds: ids.optional(), triggerIds: ids.optional(), edgeIds: ids.optional() }),
    z.strictObject({ type: z.literal('move'), positions: z.record(z.string(), point), clear: ids.optional() }),
    z.strictObject({ type: z.literal('set_variables'), variables: z.array(element) }),
    z.strictObject({ type: z.literal('update_flow'), name: z.string().optional(), description: z.string().nullable().optional(), settings: element.optional() }),
    z.strictObject({ type: z.literal('batch'), operations: z.array(operationSchema) }),
  ]),
);

export interface OperationShapeProblem {
  /** Dotted path from the list, e.g. `3.edge` or `0.operations.1.type` ('' for the list itself). */
  path: string;
  message: string;
}

export type ReadOperationsResult = { ok: true; operations: FlowOperation[] } | { ok: false; errors: OperationShapeProblem[] };

/**
 * Reads untrusted operations (an API body): a list of 1..MAX_OPERATIONS operations of known
 * types whose fields have the right shapes. It does not judge their content against a
 * document (ids, node data, handles): that is `applyOperation`'s job, and its refusals are
 * of another kind (the request is well formed, the edit is not possible).
 */
export function readFlowOperations(input: unknown): ReadOperationsResult {
  if (!Array.isArray(input)) return fail('', 'expected a list of operations');
  if (input.length === 0) return fail('', 'send at least one operation');
  if (input.length > MAX_OPERATIONS) return fail('', `at most ${String(MAX_OPERATIONS)} operations per request (got ${String(input.length)})`);
  const errors: OperationShapeProblem[] = [];
  input.forEach((item: unknown, i) => {
    // Checked before zod recurses, so a tower of batches cannot exhaust the stack.
    const tooDeep = deeperThan(item, MAX_BATCH_DEPTH, String(i));
    if (tooDeep !== undefined) {
      errors.push({ path: tooDeep, message: `batches may be nested ${String(MAX_BATCH_DEPTH)} deep at most` });
      return;
    }
    const unknownType = unknownTypeAt(item, String(i));
    if (unknownType !== undefined) {
      errors.push(unknownType);
      return;
    }
    const parsed = operationSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) errors.push({ path: [String(i), ...issue.path.map(String)].join('.'), message: issue.message });
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, operations: input as FlowOperation[] };
}

function fail(path: string, message: string): ReadOperationsResult {
  return { ok: false, errors: [{ path, message }] };
}

const TYPES: ReadonlySet<string> = new Set(FLOW_OPERATION_TYPES);

/** A clear message for the most likely mistake, an unknown type, at any batch depth. */
function unknownTypeAt(item: unknown, path: string): OperationShapeProblem | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { path, message: 'each operation must be an object' };
  const type = (item as { type?: unknown }).type;
  if (typeof type !== 'string' || !TYPES.has(type)) {
    return {
      path: `${path}.type`,
      message: `${type === undefined ? 'type is required' : `"${String(type)}" is not an operation`}; expected one of ${FLOW_OPERATION_TYPES.join(', ')}`,
    };
  }
  const inner = (item as { operations?: unknown }).operations;
  if (type === 'batch' && Array.isArray(inner)) {
    for (const [i, child] of inner.entries()) {
      const problem = unknownTypeAt(child, `${path}.operations.${String(i)}`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

/** The path of a batch nested deeper than `limit`, or undefined. Stops as soon as it knows. */
function deeperThan(item: unknown, limit: number, path: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const inner = (item as { type?: unknown; operations?: unknown }).operations;
  if ((item as { type?: unknown }).type !== 'batch' || !Array.isArray(inner)) return undefined;
  if (limit === 0) return path;
  for (const [i, child] of inner.entries()) {
    const found = deeperThan(child, limit - 1, `${path}.operations.${String(i)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
