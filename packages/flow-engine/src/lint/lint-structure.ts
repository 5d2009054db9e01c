import { nodeOutputs, TRIGGER_HANDLE } from '../graph/node-outputs.js';
import { connectedKey, type LintContext } from './lint-context.js';
import { describeNode, describeSource, describeTrigger, issue, sentence, type LintIssue } from './issue.js';

/** Triggers, ids and edges: the skeleton the engine relies on to find its way. */
export function lintStructure(ctx: LintContext): LintIssue[] {
  return [...lintTriggers(ctx), ...lintIds(ctx), ...lintEdges(ctx)];
}

function lintTriggers(ctx: LintContext): LintIssue[] {
  const { flow } = ctx;
  const issues: LintIssue[] = [];
  if (flow.triggers.length === 0) {
    issues.push(issue('no_trigger', 'The flow has no trigger, so it can never start. Add a trigger.'));
  }
  flow.triggers.forEach((trigger, i) => {
    const name = describeTrigger(trigger);
    if (!ctx.connected.has(connectedKey(trigger.id, TRIGGER_HANDLE))) {
      issues.push(
        issue('trigger_not_connected', `The ${name} is not connected to any node, so it starts nothing.`, {
          nodeId: trigger.id,
          params: { trigger: name },
        }),
      );
    }
    if (trigger.type === 'inbound_message' && trigger.match.kind === 'regex') {
      const { pattern, flags } = trigger.match;
      const problem = regexProblem(pattern, flags);
      if (problem !== undefined) {
        issues.push(
          issue('invalid_regex', `The pattern of the ${name} is not a valid regular expression: ${problem}`, {
            nodeId: trigger.id,
            path: `triggers.${i}.match.pattern`,
            params: { trigger: name, pattern, error: problem },
          }),
        );
      }
    }
  });
  return issues;
}

/** The compiler's complaint about a pattern, or undefined when it compiles. */
function regexProblem(pattern: string, flags: string | undefined): string | undefined {
  try {
    new RegExp(pattern, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : 'invalid pattern';
  }
}

function lintIds(ctx: LintContext): LintIssue[] {
  const { flow } = ctx;
  const issues: LintIssue[] = [];
  // Nodes and triggers share one namespace: edges name either as their source.
  const seen = new Set<string>();
  flow.triggers.forEach((trigger, i) => {
    if (seen.has(trigger.id)) issues.push(duplicate(trigger.id, `triggers.${i}.id`, `Two triggers or nodes use the id "${trigger.id}".`));
    seen.add(trigger.id);
  });
  flow.nodes.forEach((node, i) => {
    if (seen.has(node.id)) issues.push(duplicate(node.id, `nodes.${i}.id`, `Two nodes or triggers use the id "${node.id}".`));
    seen.add(node.id);
    // Button, row, option, branch and variant ids are output handles; one that repeats, or that
    // equals a built-in output such as "other" or "timeout", makes two outputs indistinguishable.
    const handles = new Set<string>();
    for (const handle of nodeOutputs(node)) {
      if (handles.has(handle)) {
        issues.push(
          issue('duplicate_id', `The ${describeNode(node)} has two outputs named "${handle}"; give each choice its own id.`, {
            nodeId: node.id,
            handle,
            path: `nodes.${i}.data`,
            params: { id: handle, node: describeNode(node) },
          }),
        );
      }
      handles.add(handle);
    }
  });
  const edgeIds = new Set<string>();
  flow.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id)) {
      issues.push(
        issue('duplicate_id', `Two connections use the id "${edge.id}".`, { edgeId: edge.id, path: `edges.${i}.id`, params: { id: edge.id } }),
      );
    }
    edgeIds.add(edge.id);
  });
  return issues;
}

function duplicate(id: string, path: string, message: string): LintIssue {
  return issue('duplicate_id', message, { nodeId: id, path, params: { id } });
}

function lintEdges(ctx: LintContext): LintIssue[] {
  const issues: LintIssue[] = [];
  const used = new Set<string>();
  ctx.flow.edges.forEach((edge, i) => {
    const source = ctx.nodes.get(edge.source) ?? ctx.triggers.get(edge.source);
    const base = { edgeId: edge.id, path: `edges.${i}` };
    if (!source) {
      issues.push(
        issue('edge_missing_node', `A connection starts at "${edge.source}", which is not a node or trigger of this flow.`, {
          ...base,
          params: { id: edge.source },
        }),
      );
    }
    if (!ctx.nodes.has(edge.target)) {
      const what = ctx.triggers.has(edge.target) ? 'a trigger; connections must lead to a node' : 'not a node of this flow';
      issues.push(
        issue('edge_missing_node', `A connection leads to "${edge.target}", which is ${what}.`, {
          ...base,
          ...(source ? { nodeId: edge.source, handle: edge.sourceHandle } : {}),
          params: { id: edge.target },
        }),
      );
    }
    if (!source) return;
    const name = describeSource(source);
    const offered = ctx.outputs.get(edge.source);
    if (!offered?.has(edge.sourceHandle)) {
      const list = [...(offered ?? [])].map((h) => `"${h}"`).join(', ');
      const hint = list ? `its outputs are ${list}` : 'it has no outputs';
      issues.push(
        issue('edge_missing_handle', `${sentence(`the ${name}`)} has no output "${edge.sourceHandle}" (${hint}).`, {
          ...base,
          nodeId: edge.source,
          handle: edge.sourceHandle,
          params: { node: name, handle: edge.sourceHandle },
        }),
      );
      return;
    }
    const key = connectedKey(edge.source, edge.sourceHandle);
    if (used.has(key)) {
      issues.push(
        issue(
          'duplicate_output',
          `The "${edge.sourceHandle}" output of the ${name} has more than one connection; only the first is followed.`,
          { ...base, nodeId: edge.source, handle: edge.sourceHandle, params: { node: name, handle: edge.sourceHandle } },
        ),
      );
    }
    used.add(key);
  });
  return issues;
}
