import { FlowDocumentSchema, type FlowDocument } from '../schema/flow-document.schema.js';
import { migrateFlow } from '../migrations/migrate-flow.js';
import { describeNode, issue, sentence, type LintIssue } from './issue.js';

export type DocumentCheck = { ok: true; flow: FlowDocument } | { ok: false; issues: LintIssue[] };

interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Migrates raw input to the current schema version and validates it against the flow schema. Schema problems inside a node or trigger are
 * `invalid_config` (the builder opens that box's settings); anything else about the document
 * (its top level, edges, variables, settings) is `invalid_document`.
 */
export function checkDocument(input: unknown): DocumentCheck {
  // Older schema versions are linted as they will be stored: migrated first.
  const migrated = migrateFlow(input);
  if (!migrated.ok) {
    return { ok: false, issues: [issue('invalid_document', `The flow document is not valid: ${migrated.error}.`, { path: 'schemaVersion', params: { error: migrated.error } })] };
  }
  const parsed = FlowDocumentSchema.safeParse(migrated.document);
  if (parsed.success) return { ok: true, flow: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => fromSchemaIssue(migrated.document, i)) };
}

function fromSchemaIssue(input: unknown, schemaIssue: SchemaIssue): LintIssue {
  const segments = schemaIssue.path.map((p) => String(p));
  const path = segments.join('.');
  const [collection, position, ...rest] = segments;
  const item = collection !== undefined && position !== undefined ? itemAt(input, collection, position) : undefined;
  const within = rest.length > 0 ? ` (at ${rest.join('.')})` : '';
  if (collection === 'nodes' && item) {
    const name = describeNode({ id: item.id ?? `#${position}`, type: item.type ?? 'unknown', label: item.label });
    return issue('invalid_config', `${sentence(`the ${name}`)} is not set up correctly: ${schemaIssue.message}${within}.`, {
      ...(item.id !== undefined ? { nodeId: item.id } : {}),
      path,
      params: { node: name, error: schemaIssue.message },
    });
  }
  if (collection === 'triggers' && item) {
    const name = `trigger "${item.id ?? `#${position}`}"`;
    return issue('invalid_config', `The ${name} is not set up correctly: ${schemaIssue.message}${within}.`, {
      ...(item.id !== undefined ? { nodeId: item.id } : {}),
      path,
      params: { node: name, error: schemaIssue.message },
    });
  }
  const edgeId = collection === 'edges' ? item?.id : undefined;
  const where = path === '' ? 'The flow document is not valid' : `The flow document is not valid at "${path}"`;
  return issue('invalid_document', `${where}: ${schemaIssue.message}.`, {
    ...(edgeId !== undefined ? { edgeId } : {}),
    path,
    params: { error: schemaIssue.message },
  });
}

interface RawItem {
  id?: string;
  type?: string;
  label?: string;
}

/** Reads `input[collection][position]`'s id/type/label from untrusted input, without assuming shapes. */
function itemAt(input: unknown, collection: string, position: string): RawItem | undefined {
  const list = field(input, collection);
  if (!Array.isArray(list)) return undefined;
  const index = Number(position);
  if (!Number.isInteger(index)) return undefined;
  const raw: unknown = list[index];
  if (raw === null || typeof raw !== 'object') return {};
  const item: RawItem = {};
  const id = field(raw, 'id');
  const type = field(raw, 'type');
  const label = field(raw, 'label');
  // Only ids the schema would accept are worth focusing; anything else is part of the problem.
  if (typeof id === 'string' && id !== '') item.id = id;
  if (typeof type === 'string') item.type = type;
  if (typeof label === 'string') item.label = label;
  return item;
}

function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}
