import type { FlowDocument, FlowNode, LintIssue } from '@jornada/flow-engine';
import type { InspectorSelection } from './node-inspector-props.js';

/** A lint issue of the selection, with the field it is about (a path relative to the form), if any. */
export interface SelectionIssue {
  readonly issue: LintIssue;
  /** '' for the element as a whole; 'buttons.0.title' for a node's data; 'label' for its name. */
  readonly field: string;
}

/** Where a selection lives in the document: 'nodes.3', 'triggers.0', or '' for the flow. */
export function selectionBase(document: FlowDocument, selection: InspectorSelection): string | undefined {
  if (selection.kind === 'flow') return '';
  if (selection.kind === 'node') {
    const index = document.nodes.findIndex((node) => node.id === selection.id);
    return index === -1 ? undefined : `nodes.${String(index)}`;
  }
  const index = document.triggers.findIndex((trigger) => trigger.id === selection.id);
  return index === -1 ? undefined : `triggers.${String(index)}`;
}

/**
 * A document path as a path of the selection's form: for a node 'nodes.3.data.text' -> 'text'
 * and 'nodes.3.label' -> 'label'; for a trigger 'triggers.0.match.pattern' -> 'match.pattern';
 * for the flow the path itself. Undefined when the path is about something else.
 */
export function fieldOfPath(document: FlowDocument, selection: InspectorSelection, path: string): string | undefined {
  const base = selectionBase(document, selection);
  if (base === undefined) return undefined;
  if (selection.kind === 'flow') return path.startsWith('nodes.') || path.startsWith('triggers.') || path.startsWith('edges.') ? undefined : path;
  if (path === base) return '';
  if (!path.startsWith(`${base}.`)) return undefined;
  const rest = path.slice(base.length + 1);
  if (selection.kind === 'node') {
    if (rest === 'data') return '';
    if (rest.startsWith('data.')) return rest.slice('data.'.length);
  }
  return rest;
}

/** The field of a node an output handle belongs to: a button, a branch, the timeout. */
export function fieldOfHandle(node: FlowNode, handle: string): string {
  const at = (items: readonly { id: string }[] | undefined, prefix: string): string | undefined => {
    const index = (items ?? []).findIndex((item) => item.id === handle);
    return index === -1 ? undefined : `${prefix}.${String(index)}`;
  };
  if (handle === 'timeout' && 'timeout' in node.data) return 'timeout';
  if (handle === 'timeout' && node.type === 'wait_for_event') return 'within';
  if (handle === 'reply') return 'interruptOnReply';
  switch (node.type) {
    case 'message': {
      const button = at(node.data.buttons, 'buttons');
      if (button !== undefined) return button;
      for (const [s, section] of (node.data.list?.sections ?? []).entries()) {
        const row = at(section.rows, `list.sections.${String(s)}.rows`);
        if (row !== undefined) return row;
      }
      return '';
    }
    case 'question':
      return at(node.data.options, 'options') ?? '';
    case 'condition':
      return at(node.data.branches, 'branches') ?? '';
    case 'ab_split':
      return at(node.data.variants, 'variants') ?? '';
    case 'whatsapp_template':
      return at(node.data.quickReplies, 'quickReplies') ?? '';
    default:
      return '';
  }
}

/** The issues of what the inspector shows, each placed at its field. */
export function selectionIssues(document: FlowDocument, selection: InspectorSelection, issues: readonly LintIssue[]): SelectionIssue[] {
  const result: SelectionIssue[] = [];
  const node = selection.kind === 'node' ? document.nodes.find((n) => n.id === selection.id) : undefined;
  for (const issue of issues) {
    if (selection.kind === 'flow') {
      if (issue.nodeId !== undefined || issue.edgeId !== undefined) continue;
      result.push({ issue, field: issue.path === undefined ? '' : (fieldOfPath(document, selection, issue.path) ?? '') });
      continue;
    }
    if (issue.nodeId !== selection.id) continue;
    const fromPath = issue.path === undefined ? undefined : fieldOfPath(document, selection, issue.path);
    const fromHandle = node !== undefined && issue.handle !== undefined ? fieldOfHandle(node, issue.handle) : undefined;
    result.push({ issue, field: fromPath !== undefined && fromPath !== '' ? fromPath : (fromHandle ?? fromPath ?? '') });
  }
  return result;
}
