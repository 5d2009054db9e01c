import { nodeOutputs, optionalOutputs } from '../graph/node-outputs.js';
import type { FlowNode } from '../schema/flow-document.schema.js';
import { describeNode, issue, sentence, type LintIssue } from './issue.js';
import { connectedKey, type LintContext } from './lint-context.js';

/** 'timeout' and 'reply' are judged by their own rules (or are fine left open). */
const OWN_RULE_HANDLES: ReadonlySet<string> = new Set(['timeout', 'reply']);

/**
 * Outputs left open where the marketer most likely forgot a connection. An open output ends
 * the session (see applyOutcome), so this warns rather than blocks.
 */
export function lintDeadEnds(ctx: LintContext): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const node of ctx.nodes.values()) {
    const optional = optionalOutputs(node);
    const name = describeNode(node);
    for (const handle of new Set(nodeOutputs(node))) {
      if (optional.has(handle) || OWN_RULE_HANDLES.has(handle)) continue;
      if (ctx.connected.has(connectedKey(node.id, handle))) continue;
      issues.push(
        issue('dead_end', `The "${handle}" output of the ${name} is not connected: the conversation ends there.`, {
          nodeId: node.id,
          handle,
          params: { node: name, handle },
        }),
      );
    }
  }
  return issues;
}

/** Nodes that wait for the customer to answer. */
function waitsForReply(node: FlowNode): node is Extract<FlowNode, { type: 'question' | 'survey' | 'message' }> {
  if (node.type === 'question' || node.type === 'survey') return true;
  return node.type === 'message' && Boolean(node.data.buttons?.length || node.data.list);
}

/** Customers often never answer: without a timeout path the journey silently stops there. */
export function lintTimeouts(ctx: LintContext): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const node of ctx.nodes.values()) {
    if (!waitsForReply(node)) continue;
    const name = describeNode(node);
    const timeout = node.data.timeout;
    if (!timeout) {
      issues.push(
        issue(
          'question_without_timeout',
          `${sentence(`the ${name}`)} has no timeout: if the customer never answers, the journey stops there. Set a timeout and connect its output.`,
          { nodeId: node.id, params: { node: name } },
        ),
      );
    } else if (!ctx.connected.has(connectedKey(node.id, 'timeout'))) {
      issues.push(
        issue(
          'question_without_timeout',
          `The "timeout" output of the ${name} is not connected: if the customer does not answer in time, the journey stops there.`,
          { nodeId: node.id, handle: 'timeout', params: { node: name, handle: 'timeout' } },
        ),
      );
    }
  }
  return issues;
}
