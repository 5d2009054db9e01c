import { durationMs, type Duration } from '../schema/common.schema.js';
import type { FlowNode } from '../schema/flow-document.schema.js';
import { describeNode, issue, sentence, type LintIssue } from './issue.js';
import { linksOf, type LintContext } from './lint-context.js';

/**
 * WhatsApp delivers free-form messages only within 24 hours of the customer's last message;
 * outside that window only approved templates go through. Values below are the worst-case
 * hours since the customer last wrote, capped: anything from 24 h on is "outside".
 */
const WINDOW_HOURS = 24;
const OUTSIDE = Number.POSITIVE_INFINITY;
const DEFAULT_SURVEY_COMMENT_TIMEOUT: Duration = { amount: 1, unit: 'hours' };

const hours = (d: Duration): number => durationMs(d) / 3_600_000;
const cap = (h: number): number => (h >= WINDOW_HOURS ? OUTSIDE : h);

/** Worst-case hours since the customer's last message when `node` leaves by `handle`. */
function afterOutput(node: FlowNode, handle: string, entry: number): number {
  switch (node.type) {
    case 'message':
      if (!node.data.buttons?.length && !node.data.list) return entry;
      // Any other output means the customer answered (a tap, or text taken as "other").
      return handle === 'timeout' ? entry + (node.data.timeout ? hours(node.data.timeout) : OUTSIDE) : 0;
    case 'question':
      return handle === 'timeout' ? entry + (node.data.timeout ? hours(node.data.timeout) : OUTSIDE) : 0;
    case 'survey':
      if (handle === 'timeout') return entry + (node.data.timeout ? hours(node.data.timeout) : OUTSIDE);
      // With a comment, a score band is also taken when the comment never comes: the last
      // message is then the score, at most the comment timeout ago.
      if (handle !== 'invalid' && node.data.comment) return hours(node.data.comment.timeout ?? DEFAULT_SURVEY_COMMENT_TIMEOUT);
      return 0;
    case 'wait':
      if (handle === 'reply') return 0;
      // Until a time of day, a date or opening hours: possibly a day or more away.
      return node.data.mode === 'duration' ? entry + hours(node.data.duration) : OUTSIDE;
    case 'wait_for_event':
      return handle === 'reply' ? 0 : entry + hours(node.data.within);
    case 'whatsapp_template':
      // A template does not reopen the window; a tap on one of its quick replies does.
      return handle === 'next' ? entry : 0;
    default:
      // Handoffs included: how long a person keeps the conversation is unknown.
      return entry;
  }
}

/** The free-form text a node sends, if any (templates are the one thing allowed outside). */
function freeFormField(node: FlowNode): string | undefined {
  switch (node.type) {
    case 'message':
    case 'question':
    case 'survey':
      return node.type;
    case 'handoff':
      return node.data.message !== undefined ? 'message to the customer' : undefined;
    default:
      return undefined;
  }
}

/** Outputs after which the time is counted afresh, whatever it was on entry. */
function resets(node: FlowNode, handle: string): boolean {
  return afterOutput(node, handle, OUTSIDE) !== OUTSIDE;
}

/**
 * Worst-case hours since the customer last wrote, on entering each reachable node: a
 * longest-path fixpoint (SPFA). Alongside each value it keeps how many connections the path
 * behind it has taken since the last reset; a path longer than the flow has nodes repeats a
 * node, i.e. a cycle keeps adding time without the customer ever answering: outside.
 */
export function windowHours(ctx: LintContext): ReadonlyMap<string, number> {
  const value = new Map<string, number>();
  const steps = new Map<string, number>();
  const queue: string[] = [];
  const queued = new Set<string>();
  const raise = (id: string, candidate: number, length: number): void => {
    if (!ctx.nodes.has(id)) return;
    const current = value.get(id);
    const next = length > ctx.nodes.size ? OUTSIDE : cap(candidate);
    if (current !== undefined && next <= current) return;
    value.set(id, next);
    steps.set(id, length);
    if (!queued.has(id)) {
      queued.add(id);
      queue.push(id);
    }
  };
  for (const trigger of ctx.triggers.values()) {
    // Only a customer's message opens the window; events and manual starts are business-initiated.
    const start = trigger.type === 'inbound_message' ? 0 : OUTSIDE;
    for (const link of linksOf(ctx, trigger.id)) raise(link.target, start, 1);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head];
    if (id === undefined) break;
    queued.delete(id);
    const node = ctx.nodes.get(id);
    const entry = value.get(id);
    if (!node || entry === undefined) continue;
    const length = steps.get(id) ?? 0;
    for (const link of linksOf(ctx, id)) {
      raise(link.target, afterOutput(node, link.handle, entry), resets(node, link.handle) ? 1 : length + 1);
    }
  }
  return value;
}

/** Free-form messages that may be sent outside the 24-hour window: WhatsApp would not deliver them. */
export function lintWhatsAppWindow(ctx: LintContext): LintIssue[] {
  if (!ctx.flow.settings.channels.includes('whatsapp')) return [];
  const worst = windowHours(ctx);
  const issues: LintIssue[] = [];
  for (const node of ctx.nodes.values()) {
    const field = freeFormField(node);
    const entry = worst.get(node.id);
    if (field === undefined || entry === undefined || entry < WINDOW_HOURS) continue;
    const name = describeNode(node);
    issues.push(
      issue(
        'whatsapp_window',
        `${sentence(`the ${name}`)} may be sent more than 24 hours after the customer last wrote (or before they ever wrote). ` +
          'WhatsApp only delivers free-form messages within 24 hours of the customer’s last message: send an approved WhatsApp template first.',
        { nodeId: node.id, params: { node: name, field, hours: WINDOW_HOURS } },
      ),
    );
  }
  return issues;
}
