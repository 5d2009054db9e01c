import { describeNode, issue, sentence, type LintIssue } from './issue.js';
import { linksOf, type LintContext } from './lint-context.js';

/** Node ids some trigger can reach through connections the engine would follow. */
export function reachableFromTriggers(ctx: LintContext): ReadonlySet<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const trigger of ctx.triggers.values()) {
    for (const link of linksOf(ctx, trigger.id)) queue.push(link.target);
  }
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || !ctx.nodes.has(id)) continue;
    seen.add(id);
    for (const link of linksOf(ctx, id)) if (!seen.has(link.target)) queue.push(link.target);
  }
  return seen;
}

/** Nodes no trigger leads to: drawn but never run, usually a forgotten connection. */
export function lintReachability(ctx: LintContext): LintIssue[] {
  // Without a trigger nothing is reachable; `no_trigger` already says so once.
  if (ctx.triggers.size === 0) return [];
  const reachable = reachableFromTriggers(ctx);
  const issues: LintIssue[] = [];
  for (const node of ctx.nodes.values()) {
    if (reachable.has(node.id)) continue;
    const name = describeNode(node);
    issues.push(
      issue('unreachable_node', `${sentence(`the ${name}`)} can never run: no trigger leads to it.`, {
        nodeId: node.id,
        params: { node: name },
      }),
    );
  }
  return issues;
}
