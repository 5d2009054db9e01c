import type { FlowNode } from '../schema/flow-document.schema.js';

/** The output every trigger uses to reach its first node. */
export const TRIGGER_HANDLE = 'next';

export const SURVEY_BANDS = {
  nps: [
    { handle: 'detractor', min: 0, max: 6 },
    { handle: 'passive', min: 7, max: 8 },
    { handle: 'promoter', min: 9, max: 10 },
  ],
  csat: [
    { handle: 'negative', min: 1, max: 2 },
    { handle: 'neutral', min: 3, max: 3 },
    { handle: 'positive', min: 4, max: 5 },
  ],
  ces: [
    { handle: 'difficult', min: 1, max: 3 },
    { handle: 'neutral', min: 4, max: 4 },
    { handle: 'easy', min: 5, max: 7 },
  ],
} as const;

export const SURVEY_RANGES = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;

/**
 * The outputs (edge source handles) a node offers, in display order. Each button, branch,
 * variant and timeout is its own handle, so the canvas and the linter see every path.
 */
export function nodeOutputs(node: FlowNode): string[] {
  switch (node.type) {
    case 'message': {
      const { buttons, list, timeout } = node.data;
      if (buttons?.length) return [...buttons.map((b) => b.id), 'other', ...(timeout ? ['timeout'] : [])];
      if (list) return [...list.sections.flatMap((s) => s.rows.map((r) => r.id)), 'other', ...(timeout ? ['timeout'] : [])];
      return ['next'];
    }
    case 'question': {
      const answered = node.data.kind === 'choice' ? (node.data.options ?? []).map((o) => o.id) : ['next'];
      return [...answered, 'invalid', ...(node.data.timeout ? ['timeout'] : [])];
    }
    case 'condition':
      return [...node.data.branches.map((b) => b.id), 'else'];
    case 'wait':
      return ['next', ...(node.data.interruptOnReply ? ['reply'] : [])];
    case 'wait_for_event':
      return ['received', 'timeout', ...(node.data.interruptOnReply ? ['reply'] : [])];
    case 'http_request':
      return ['success', 'error'];
    case 'handoff':
      return ['resolved', 'returned'];
    case 'survey':
      return [...SURVEY_BANDS[node.data.kind].map((b) => b.handle), 'invalid', ...(node.data.timeout ? ['timeout'] : [])];
    case 'whatsapp_template':
      return ['next', ...(node.data.quickReplies ?? []).map((q) => q.id)];
    case 'ab_split':
      return node.data.variants.map((v) => v.id);
    case 'set_variable':
    case 'tag':
    case 'conversion':
      return ['next'];
    case 'jump_to_flow':
    case 'end':
      return [];
  }
}

/**
 * Outputs that may stay unconnected without a warning: leaving them open means "end here",
 * which is what a marketer expects (a handoff resolved by an agent needs no follow-up).
 */
export function optionalOutputs(node: FlowNode): ReadonlySet<string> {
  switch (node.type) {
    case 'message':
    case 'question':
    case 'survey':
      return new Set(['other', 'invalid']);
    case 'handoff':
      return new Set(['resolved', 'returned']);
    case 'whatsapp_template':
      return new Set((node.data.quickReplies ?? []).map((q) => q.id));
    default:
      return new Set();
  }
}

/** Nodes that stop and wait (for the customer, time, an event, a person or an HTTP reply). */
export function nodeWaits(node: FlowNode): boolean {
  switch (node.type) {
    case 'message':
      return Boolean(node.data.buttons?.length || node.data.list);
    case 'question':
    case 'wait':
    case 'wait_for_event':
    case 'handoff':
    case 'survey':
      return true;
    default:
      return false;
  }
}
