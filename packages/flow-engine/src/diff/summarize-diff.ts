import { FIELD_NAMES_PT, ITEM_NAMES, LINES, type DiffLocale, type Noun } from './summary-texts.js';
import type { EdgeRef, FieldChange, FlowDiff, ItemChanges, NodeChange, TriggerChange } from './types.js';

export type { DiffLocale } from './summary-texts.js';

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function noun(locale: DiffLocale, key: string): Noun {
  const entry = own(ITEM_NAMES[locale], key) ?? key;
  return typeof entry === 'string' ? [entry, 'm'] : entry;
}

/** `stepBudget` -> `step budget`. */
function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
}

/** The field a person edited: `data.buttons.1.title` -> buttons / botões; no repeats. */
function fieldNames(fields: readonly FieldChange[], locale: DiffLocale): string {
  const names: string[] = [];
  for (const { path } of fields) {
    const segments = path.split('.');
    const key = (segments[0] === 'data' && segments.length > 1 ? segments[1] : segments[0]) ?? path;
    const name = locale === 'pt-BR' ? (own(FIELD_NAMES_PT, key) ?? humanize(key)) : humanize(key);
    if (!names.includes(name)) names.push(name);
  }
  return names.join(', ');
}

function itemLines<R, C extends R & { fields: FieldChange[] }>(
  changes: ItemChanges<R, C>,
  locale: DiffLocale,
  describe: (item: R) => readonly [kind: string, name: string],
): string[] {
  const lines = LINES[locale];
  const phrase = (item: R): [string, 'f' | 'm'] => {
    const [kind, name] = describe(item);
    const [text, gender] = noun(locale, kind);
    return [`${text} ${name}`, gender];
  };
  return [
    ...changes.added.map((item) => lines.added(...phrase(item))),
    ...changes.removed.map((item) => lines.removed(...phrase(item))),
    ...changes.changed.map((item) => lines.changed(...phrase(item), fieldNames(item.fields, locale))),
  ];
}

const quoted = (text: string): string => `"${text}"`;
const describeNode = (node: NodeChange): readonly [string, string] => [node.type, quoted(node.label ?? node.id)];
const describeTrigger = (trigger: TriggerChange): readonly [string, string] => [trigger.type, quoted(trigger.id)];
const describeEdge = (edge: EdgeRef): readonly [string, string] => ['connection', `${edge.source} (${edge.sourceHandle}) → ${edge.target}`];

/**
 * Short lines a person reads on the versions screen, e.g. `Added message "Greeting"` or
 * `Mensagem "Saudação" alterada: texto`. Order: flow details, settings, triggers, nodes,
 * connections, variables. No lines when nothing changed; one line when only the layout did.
 */
export function summarizeDiff(diff: FlowDiff, locale: DiffLocale): string[] {
  const lines = LINES[locale];
  if (diff.layoutOnly) return [lines.layoutOnly];
  const out: string[] = [];
  if (diff.meta.length > 0) out.push(lines.meta(fieldNames(diff.meta, locale)));
  if (diff.settings.length > 0) out.push(lines.settings(fieldNames(diff.settings, locale)));
  out.push(...itemLines(diff.triggers, locale, describeTrigger));
  out.push(...itemLines(diff.nodes, locale, describeNode));
  out.push(...itemLines({ ...diff.edges, changed: [] }, locale, describeEdge));
  const variable = (name: string): { name: string; fields: FieldChange[] } => ({ name, fields: [] });
  const variables = {
    added: diff.variables.added.map(variable),
    removed: diff.variables.removed.map(variable),
    changed: diff.variables.changed.map(variable),
  };
  out.push(...itemLines(variables, locale, (v) => ['variable', quoted(v.name)]));
  return out;
}
