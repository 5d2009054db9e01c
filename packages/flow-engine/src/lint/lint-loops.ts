import { nodeWaits as waitsAtAll } from '../graph/node-outputs.js';

/**
 * Nodes that surely pause a loop. A wait until a date (possibly past) or until business hours
 * (possibly open now, or none set) can go straight on, so it does not count.
 */
function nodeWaits(node: FlowNode): boolean {
  if (node.type === 'wait' && (node.data.mode === 'until_date' || node.data.mode === 'business_hours')) return false;
  return waitsAtAll(node);
}
import type { FlowNode } from '../schema/flow-document.schema.js';
import { describeNode, issue, sentence, type LintIssue } from './issue.js';
import { linksOf, type LintContext } from './lint-context.js';

/**
 * Runs the engine would chain within one event: it stops only at a node that waits. An
 * http_request counts as not waiting here: its result arrives quickly, and a loop of failing
 * calls must still contain a real wait. A template's quick replies are taken on a later
 * message, never in the same step, so they do not chain.
 */
function chainsTo(ctx: LintContext, node: FlowNode): string[] {
  const quickReplies = node.type === 'whatsapp_template' ? new Set((node.data.quickReplies ?? []).map((q) => q.id)) : undefined;
  const result: string[] = [];
  for (const link of linksOf(ctx, node.id)) {
    if (quickReplies?.has(link.handle)) continue;
    const target = ctx.nodes.get(link.target);
    if (target && !nodeWaits(target)) result.push(target.id);
  }
  return result;
}

/** Strongly connected components (Tarjan), iterative so that long flows cannot overflow the stack. */
export function stronglyConnected(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const lowOf = (id: string): number => low.get(id) ?? 0;
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: readonly string[]; i: number }> = [];
    const open = (id: string): void => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(id), i: 0 });
    };
    open(root);
    for (let frame = work.at(-1); frame !== undefined; frame = work.at(-1)) {
      const to = frame.next[frame.i];
      if (to !== undefined) {
        frame.i += 1;
        const seen = index.get(to);
        if (seen === undefined) open(to);
        else if (onStack.has(to)) low.set(frame.id, Math.min(lowOf(frame.id), seen));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(lowOf(parent.id), lowOf(frame.id)));
      if (lowOf(frame.id) === index.get(frame.id)) components.push(popComponent(stack, onStack, frame.id));
    }
  }
  return components;
}

function popComponent(stack: string[], onStack: Set<string>, rootId: string): string[] {
  const component: string[] = [];
  for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
    onStack.delete(member);
    component.push(member);
    if (member === rootId) break;
  }
  return component;
}

/** Cycles among nodes that never wait: they would spin until the step budget stops the session. */
export function lintLoops(ctx: LintContext): LintIssue[] {
  const running = [...ctx.nodes.values()].filter((n) => !nodeWaits(n));
  const successors = new Map(running.map((n) => [n.id, chainsTo(ctx, n)] as const));
  const components = stronglyConnected(
    running.map((n) => n.id),
    (id) => successors.get(id) ?? [],
  );
  const looping = new Map<string, number>();
  for (const component of components) {
    const [only] = component;
    const isLoop = component.length > 1 || (only !== undefined && (successors.get(only) ?? []).includes(only));
    if (isLoop) for (const id of component) looping.set(id, component.length);
  }
  const issues: LintIssue[] = [];
  // Report in document order so the builder lists them as the marketer drew them.
  for (const node of ctx.nodes.values()) {
    const size = looping.get(node.id);
    if (size === undefined) continue;
    const name = describeNode(node);
    issues.push(
      issue(
        'loop_without_wait',
        `${sentence(`the ${name}`)} is in a loop with no question, wait or other pause, so it would repeat without end. Add a wait to the loop.`,
        { nodeId: node.id, params: { node: name, size } },
      ),
    );
  }
  return issues;
}
