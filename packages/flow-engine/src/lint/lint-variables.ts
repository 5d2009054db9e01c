import { collectReferences, parseExpression, parseTemplate } from '../expressions/index.js';
import type { CommerceEvent, FlowDocument, FlowNode } from '../schema/flow-document.schema.js';
import { flowFields, type FlowField } from './flow-fields.js';
import { describeSource, issue, sentence, type LintIssue } from './issue.js';

/** Roots every session has (see initialState and messageVar). */
const BUILT_IN_ROOTS = ['contact', 'workspace', 'session', 'event', 'message'] as const;

/** Top-level variables a commerce event's data brings (its keys become variables). */
function eventRoots(event: CommerceEvent): string[] {
  return event === 'cart.abandoned' ? ['cart', 'customer'] : ['order', 'customer'];
}

/** Variables a node writes when it runs. `contact.attributes.x` writes the contact, a built-in. */
function writtenBy(node: FlowNode): string[] {
  switch (node.type) {
    case 'question':
      return [node.data.variable];
    case 'survey':
      return [node.data.variable, node.data.comment?.variable].filter((v): v is string => Boolean(v));
    case 'wait_for_event':
      return node.data.saveAs ? [node.data.saveAs] : [];
    case 'http_request':
      return (node.data.responseMapping ?? []).map((m) => m.variable);
    case 'set_variable':
      return node.data.assignments.map((a) => a.variable).filter((v) => !v.includes('.'));
    default:
      return [];
  }
}

/**
 * What the session can read. Deliberately flow-insensitive: a variable written anywhere counts
 * as known everywhere (reading it before it is set renders empty, which the marketer may
 * intend); lint catches names that nothing ever provides, i.e. typos and forgotten declarations.
 */
function sessionRoots(flow: FlowDocument): ReadonlySet<string> {
  return new Set<string>([
    ...BUILT_IN_ROOTS,
    ...flow.variables.map((v) => v.name),
    ...flow.nodes.flatMap(writtenBy),
    ...flow.triggers.flatMap((t) => (t.type === 'commerce_event' ? eventRoots(t.event) : [])),
  ]);
}

const RESPONSE_ROOTS: ReadonlySet<string> = new Set(['data', 'status']);

/** What a field may read: the session, the response of its HTTP call, or (a filter) its event. */
function rootsFor(field: FlowField, session: ReadonlySet<string>): ReadonlySet<string> {
  const owner = field.owner;
  if (field.scope === 'filter') return new Set(['event', ...(owner.type === 'commerce_event' ? eventRoots(owner.event) : [])]);
  return field.scope === 'response' ? RESPONSE_ROOTS : session;
}

/** Syntax errors and unknown variables in every template and expression of the flow. */
export function lintVariables(flow: FlowDocument): LintIssue[] {
  const session = sessionRoots(flow);
  const issues: LintIssue[] = [];
  for (const field of flowFields(flow)) {
    const ownerName = describeSource(field.owner);
    const target = { nodeId: field.owner.id, path: field.path };
    const parsed = field.kind === 'template' ? parseTemplate(field.source) : parseExpression(field.source);
    if (!parsed.ok) {
      const code = field.kind === 'template' ? 'template_syntax' : 'expression_syntax';
      const what = field.kind === 'template' ? 'a placeholder in the' : 'the';
      issues.push(
        issue(code, `${sentence(`${what} ${field.field} of the ${ownerName}`)} has an error: ${parsed.error.message}`, {
          ...target,
          params: { node: ownerName, field: field.field, error: parsed.error.message, offset: parsed.error.offset },
        }),
      );
      continue;
    }
    const allowed = rootsFor(field, session);
    const reported = new Set<string>();
    for (const path of collectReferences(parsed.value)) {
      const root = path[0];
      if (root === undefined || allowed.has(root) || reported.has(root)) continue;
      reported.add(root);
      issues.push(issue('undefined_variable', undefinedMessage(field, ownerName, root, allowed), { ...target, params: { node: ownerName, field: field.field, name: root } }));
    }
  }
  return issues;
}

function undefinedMessage(field: FlowField, ownerName: string, root: string, allowed: ReadonlySet<string>): string {
  const where = `the ${field.field} of the ${ownerName}`;
  switch (field.scope) {
    case 'filter':
      return `${sentence(where)} reads "${root}", which a trigger filter cannot see: it only sees the event data (${[...allowed].join(', ')}).`;
    case 'response':
      return `${sentence(where)} reads "${root}"; a response path starts with "data" (the response body) or "status".`;
    case 'flow':
      return `${sentence(where)} uses "${root}", but no variable "${root}" is declared or set in this flow. Declare it, or check the spelling.`;
  }
}
