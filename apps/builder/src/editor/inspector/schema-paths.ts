import { FlowDocumentSchema, FlowNodeSchema, TriggerSchema, type NodeType, type Trigger } from '@jornada/flow-engine';

// Reads the engine's zod schemas without importing zod: the inspector only needs the shape of a
// schema (which fields exist, where lists are) and its `.describe()` texts, both visible on
// zod 4's `_zod.def` and `description`.
interface SchemaDef {
  readonly type: string;
  readonly shape?: Readonly<Record<string, SchemaLike>>;
  readonly element?: SchemaLike;
  readonly innerType?: SchemaLike;
  readonly options?: readonly SchemaLike[];
  readonly in?: SchemaLike;
}

interface SchemaLike {
  readonly _zod: { readonly def: SchemaDef };
  readonly description?: string | undefined;
}

/**
 * A field of a schema: its path with list items written `*` ('buttons.*.title'), its help text,
 * and whether it is a leaf (a value a form edits) or a container (a list, a group of options).
 */
export interface SchemaField {
  readonly path: string;
  readonly description: string | undefined;
  readonly leaf: boolean;
}

/**
 * Every field of a schema: an object's keys, list items, the fields of every option of a union.
 * Optional and default wrappers are looked through; the outermost description wins (that is
 * where `.describe()` put it).
 */
export function schemaFields(schema: unknown): SchemaField[] {
  const fields = new Map<string, SchemaField>();
  walk(schema as SchemaLike, '', undefined, fields);
  return [...fields.values()];
}

function walk(schema: SchemaLike, path: string, outer: string | undefined, fields: Map<string, SchemaField>): void {
  const description = outer ?? schema.description;
  const def = schema._zod.def;
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  const add = (leaf: boolean) => {
    const known = fields.get(path);
    if (path !== '' && (known === undefined || (known.description === undefined && description !== undefined))) fields.set(path, { path, description, leaf });
  };
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      if (def.innerType) walk(def.innerType, path, description, fields);
      return;
    case 'pipe':
      if (def.in) walk(def.in, path, description, fields);
      return;
    case 'object':
      add(false);
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, join(key), undefined, fields);
      return;
    case 'array':
      add(false);
      if (def.element) walk(def.element, join('*'), undefined, fields);
      return;
    case 'union':
      add(false);
      for (const option of def.options ?? []) walk(option, path, undefined, fields);
      return;
    default:
      add(true);
  }
}

function nodeDataSchema(type: NodeType): unknown {
  return FlowNodeSchema.options.find((o) => o.shape.type.value === type)?.shape.data;
}

function triggerSchema(type: Trigger['type']): unknown {
  return TriggerSchema.options.find((o) => o.shape.type.value === type);
}

const cache = new Map<string, SchemaField[]>();
function cached(key: string, load: () => unknown): SchemaField[] {
  let fields = cache.get(key);
  if (fields === undefined) {
    fields = schemaFields(load());
    cache.set(key, fields);
  }
  return fields;
}

/** The fields of a node type's data ('text', 'buttons', 'buttons.*.title'…). */
export function nodeDataFields(type: NodeType): SchemaField[] {
  return cached(`node:${type}`, () => nodeDataSchema(type));
}

/** The fields of a trigger type ('id', 'type', 'match.kind'…). */
export function triggerFields(type: Trigger['type']): SchemaField[] {
  return cached(`trigger:${type}`, () => triggerSchema(type));
}

/** The fields of the flow document itself ('name', 'settings.channels', 'variables.*.name'…). */
export function flowFields(): SchemaField[] {
  return cached('flow', () => FlowDocumentSchema);
}

/** Replaces every numeric segment of a path with `*`: 'buttons.2.title' -> 'buttons.*.title'. */
export function genericPath(path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '*' : segment))
    .join('.');
}
