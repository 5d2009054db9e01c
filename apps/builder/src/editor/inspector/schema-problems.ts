import { CURRENT_SCHEMA_VERSION, FlowDocumentSchema, FlowNodeSchema, TriggerSchema, type FlowDocument, type FlowNode, type Trigger } from '@jornada/flow-engine';
import type { Translate } from '../../i18n/index.js';

/** The parts of a zod 4 issue the inspector reads. */
interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly expected?: string;
  readonly input?: unknown;
}

/** Field path (relative to the form) -> what is wrong, in the builder's language. */
export type FieldProblems = ReadonlyMap<string, string>;

// The schema's own messages (`.regex(..., message)`, `.refine(..., message)`), translated.
const KNOWN_MESSAGES = {
  'use letters, digits, "-" and "_" only': 'inspector.error.idChars',
  'start with a letter or "_", then letters, digits or "_"': 'inspector.error.variableName',
  'this name is reserved': 'inspector.error.reserved',
  'a variable name, or contact.attributes.<name>': 'inspector.error.assignTarget',
  'HH:mm, 24-hour': 'inspector.error.time',
  'lower-case letters, digits and "_", as approved by Meta': 'inspector.error.templateName',
  'a language code such as pt_BR or en_US': 'inspector.error.templateLanguage',
  'a message has buttons or a list, not both': 'inspector.error.buttonsOrList',
  'a message needs text or media': 'inspector.error.textOrMedia',
  'a choice question needs at least one option': 'inspector.error.choiceOptions',
  'add or remove at least one tag': 'inspector.error.tags',
} as const;

function isKnown(message: string): message is keyof typeof KNOWN_MESSAGES {
  return Object.hasOwn(KNOWN_MESSAGES, message);
}

/** One schema issue in words a marketer reads, in their language. */
export function describeSchemaIssue(issue: SchemaIssue, t: Translate): string {
  if (isKnown(issue.message)) return t(KNOWN_MESSAGES[issue.message]);
  const min = Number(issue.minimum ?? 0);
  const max = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return min <= 1 ? t('common.required') : t('inspector.error.minLength', { min });
      if (issue.origin === 'array') return t('inspector.error.minItems', { min });
      return t('inspector.error.minNumber', { min });
    case 'too_big':
      if (issue.origin === 'string') return t('inspector.error.maxLength', { max });
      if (issue.origin === 'array') return t('inspector.error.maxItems', { max });
      return t('inspector.error.maxNumber', { max });
    case 'invalid_type':
      if (issue.input === undefined) return t('common.required');
      if (issue.expected === 'int') return t('inspector.error.integer');
      if (issue.expected === 'number') return t('inspector.error.number');
      return t('inspector.error.invalid');
    case 'invalid_format':
      return t('inspector.error.format');
    case 'invalid_value':
      return t('inspector.error.choose');
    default:
      return t('inspector.error.invalid');
  }
}

function collect(issues: readonly SchemaIssue[], t: Translate, toField: (path: string[]) => string): Map<string, string> {
  const problems = new Map<string, string>();
  for (const issue of issues) {
    const field = toField(issue.path.map(String));
    // The first problem of a field is the one to fix first.
    if (!problems.has(field)) problems.set(field, describeSchemaIssue(issue, t));
  }
  return problems;
}

/** A node's schema problems by field ('text', 'buttons.0.title', 'label', '' for the node as a whole). */
export function nodeProblems(node: FlowNode, t: Translate): FieldProblems {
  const parsed = FlowNodeSchema.safeParse(node);
  if (parsed.success) return new Map();
  return collect(parsed.error.issues, t, ([first, ...rest]) => (first === 'data' ? rest.join('.') : [first, ...rest].join('.')));
}

/** A trigger's schema problems by field ('match.pattern', 'filter'). */
export function triggerProblems(trigger: Trigger, t: Translate): FieldProblems {
  const parsed = TriggerSchema.safeParse(trigger);
  if (parsed.success) return new Map();
  return collect(parsed.error.issues, t, (path) => path.join('.'));
}

/** The flow's own fields (name, description, settings, variables), checked without its nodes. */
export type FlowFields = Pick<FlowDocument, 'name' | 'variables' | 'settings'> & { description?: string | undefined };

export function flowProblems(flow: FlowFields, t: Translate): FieldProblems {
  const parsed = FlowDocumentSchema.safeParse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    name: flow.name,
    ...(flow.description === undefined ? {} : { description: flow.description }),
    triggers: [],
    nodes: [],
    edges: [],
    variables: flow.variables,
    settings: flow.settings,
  });
  if (parsed.success) return new Map();
  return collect(parsed.error.issues, t, (path) => path.join('.'));
}
