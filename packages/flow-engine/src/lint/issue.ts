import type { FlowNode, NodeType, Trigger } from '../schema/flow-document.schema.js';

export type IssueSeverity = 'error' | 'warning';

/**
 * Every issue code, each with its fixed severity. Codes are a stable contract: the builder
 * translates messages by code and focuses the canvas on nodeId/edgeId/handle.
 */
export const LINT_SEVERITY = {
  // The document itself
  invalid_document: 'error',
  invalid_config: 'error',
  lint_failed: 'error',
  // Structure
  no_trigger: 'error',
  trigger_not_connected: 'error',
  duplicate_id: 'error',
  edge_missing_node: 'error',
  edge_missing_handle: 'error',
  duplicate_output: 'error',
  invalid_regex: 'error',
  loop_without_wait: 'error',
  // Expressions and templates
  undefined_variable: 'error',
  expression_syntax: 'error',
  template_syntax: 'error',
  // WhatsApp limits
  whatsapp_too_many_buttons: 'error',
  whatsapp_button_title_too_long: 'error',
  whatsapp_list_too_many_rows: 'error',
  whatsapp_list_row_title_too_long: 'error',
  whatsapp_text_too_long: 'error',
  // Warnings
  unreachable_node: 'warning',
  dead_end: 'warning',
  question_without_timeout: 'warning',
  whatsapp_window: 'warning',
} as const satisfies Record<string, IssueSeverity>;

export type LintCode = keyof typeof LINT_SEVERITY;

export const LINT_CODES = Object.keys(LINT_SEVERITY) as LintCode[];

export interface LintIssue {
  /** Stable machine code; the builder translates by code. */
  code: LintCode;
  severity: IssueSeverity;
  /** English, written for a marketer. */
  message: string;
  /** The node (or trigger) to focus. */
  nodeId?: string;
  edgeId?: string;
  handle?: string;
  /** Where in the document, e.g. 'nodes.3.data.buttons.0.title'. */
  path?: string;
  /** Values used in the message, for translation. */
  params?: Record<string, string | number>;
}

export type IssueTarget = Pick<LintIssue, 'nodeId' | 'edgeId' | 'handle' | 'path' | 'params'>;

/** Builds an issue whose severity always follows its code. */
export function issue(code: LintCode, message: string, target: IssueTarget = {}): LintIssue {
  const result: LintIssue = { code, severity: LINT_SEVERITY[code], message };
  // Only set keys that have values, so issues compare and serialise cleanly.
  if (target.nodeId !== undefined) result.nodeId = target.nodeId;
  if (target.edgeId !== undefined) result.edgeId = target.edgeId;
  if (target.handle !== undefined) result.handle = target.handle;
  if (target.path !== undefined) result.path = target.path;
  if (target.params !== undefined) result.params = target.params;
  return result;
}

/** True when any issue blocks publishing. */
export function hasErrors(issues: readonly LintIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const NODE_TYPE_NAMES: Record<NodeType, string> = {
  message: 'message',
  question: 'question',
  condition: 'condition',
  set_variable: 'set variable',
  wait: 'wait',
  wait_for_event: 'wait for event',
  http_request: 'HTTP request',
  handoff: 'handoff',
  survey: 'survey',
  tag: 'tag',
  whatsapp_template: 'WhatsApp template',
  jump_to_flow: 'jump to flow',
  ab_split: 'A/B split',
  conversion: 'conversion',
  end: 'end',
};

/** A readable name for a node type, or the raw type when it is unknown (unparsed input). */
export function nodeTypeName(type: string): string {
  return Object.hasOwn(NODE_TYPE_NAMES, type) ? NODE_TYPE_NAMES[type as NodeType] : type;
}

/**
 * How messages name a node: `"Menu" message` when it has a label (what the marketer sees on
 * the canvas), else `message node "n3"`. Used after "The"/"the" in sentences.
 */
export function describeNode(node: { id: string; type: string; label?: string | undefined }): string {
  const label = node.label?.trim();
  const type = nodeTypeName(node.type);
  return label ? `"${label}" ${type}` : `${type} node "${node.id}"`;
}

/** How messages name a trigger, e.g. `cart.abandoned trigger "t1"`. */
export function describeTrigger(trigger: Trigger): string {
  switch (trigger.type) {
    case 'inbound_message':
      return `inbound message trigger "${trigger.id}"`;
    case 'commerce_event':
      return `${trigger.event} trigger "${trigger.id}"`;
    case 'manual':
      return `manual trigger "${trigger.id}"`;
  }
}

/** Names a node or a trigger. */
export function describeSource(source: FlowNode | Trigger): string {
  return 'data' in source ? describeNode(source) : describeTrigger(source);
}

/** Capitalises the first letter, for names that start a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
