import type { NodeHandle, Position } from '@xyflow/react';
import type { FlowNode, Trigger } from '@jornada/flow-engine';
import type { OutputPort } from './projection.js';

/**
 * How big a box draws, and where its handles are, before React Flow has measured it: computed
 * from the box's data the way canvas-nodes.css lays it out (a header, a body by type, a row per
 * output). React Flow gets it as `initialWidth`/`initialHeight` and `handles`, so that it can
 * leave a box it has never drawn out of the DOM while it is off screen (`onlyRenderVisibleElements`
 * draws every unmeasured box without them) and draw the connections to it from the estimated
 * handles. Once a box is drawn, its measured size and handles replace the estimate
 * (use-canvas-state.ts drops `handles` from a measured box).
 *
 * Text is not measured here (no DOM): wrapping text (a message's quote, a big line) is counted
 * from its length at an average glyph width, so a box with a long text can be off by a line
 * until it is drawn. Everything else (paddings, line heights, rows) is exact for the near box.
 * Zoomed out (FarBox) boxes draw smaller; they are measured when drawn, like any box.
 */
export interface BoxEstimate {
  readonly width: number;
  readonly height: number;
  readonly handles: NodeHandle[];
}

/** Box widths (canvas-nodes.css `.cnode`, `.cnode--trigger`). */
export const NODE_WIDTH = 272;
export const TRIGGER_WIDTH = 248;

// React Flow's `Position.Left`/`Right` (a string enum), spelled out so the estimate loads without
// React Flow (the browser test compares it with the drawn boxes).
const LEFT = 'left' as Position;
const RIGHT = 'right' as Position;

const BORDER = 1;
const HANDLE = 12;
/** `.cnode__handle--in` / `--single`: `top: 26px` inside the border, centred on it. */
const HANDLE_TOP = 26;

// Line heights: font size × 1.4 (`--leading-snug`).
const LINE_13 = 18.2;
const LINE_12 = 16.8;
const LINE_11 = 15.4;
const LINE_14 = 19.6;
/** A line holding a chip (11 px type, line-height 1.6, inline-block) next to 12 px text. */
const CHIP_LINE = 19;
const GAP = 4;

// Header (`.cnode__header`): 10 px above, 6 below (10 on a trigger), the 28 px icon or the titles.
const HEADER_TOP = 10;
const HEADER_BOTTOM = 6;
const TRIGGER_HEADER_BOTTOM = 10;
const ICON = 28;

// Body (`.cnode__body`): 12 px sides and bottom; a trigger's also 10 px above.
const BODY_BOTTOM = 12;
const TRIGGER_BODY_TOP = 10;

// A quote (`.cnode__text`): 8 px above and below, 10 px sides, at most 4 lines.
const QUOTE_PADDING = 16;
const QUOTE_WIDTH = NODE_WIDTH - 2 * BORDER - 24 - 20;
const QUOTE_LINES = 4;
const PREVIEW_CHARS = 160;
/** Average advance of a 13 px glyph (between Inter's and DejaVu Sans's). */
const GLYPH_13 = 6.9;
const GLYPH_14 = 7.4;
const BODY_WIDTH = NODE_WIDTH - 2 * BORDER - 24;

// Output rows (`.cnode__ports`): a 1 px rule, 4 px above, 8 below; rows of 28 px (border-box: the
// 1 px rule between two rows is inside the lower one, whose handle is half of it lower).
const PORTS_TOP = 5;
const PORTS_BOTTOM = 8;
const PORT_ROW = 28;
const PORT_RULE = 1;

/** Lines a wrapping text takes at `width` px, `glyph` px a character, words kept whole (about). */
function wrappedLines(text: string, width: number, glyph: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    const chars = paragraph.replace(/\s+/g, ' ').trim().length;
    // Words are not broken: a line ends on average half a word short of full.
    lines += Math.max(1, Math.ceil((chars * glyph) / (width - 3 * glyph)));
  }
  return lines;
}

/** A quoted text (a message, a question): `{{placeholders}}` are chips, a bit wider than their name. */
function quoteHeight(text: string | undefined): number {
  const trimmed = text?.trim();
  if (!trimmed) return LINE_12; // "No text yet", a muted line.
  const cut = trimmed.length > PREVIEW_CHARS ? `${trimmed.slice(0, PREVIEW_CHARS)}…` : trimmed;
  const chips = cut.replace(/\{\{\s*([^{}]*?)\s*\}\}?/g, (_, name: string) => `${name}__`);
  return QUOTE_PADDING + Math.min(QUOTE_LINES, wrappedLines(chips, QUOTE_WIDTH, GLYPH_13)) * LINE_13;
}

function bigHeight(chars: number): number {
  return Math.max(1, Math.ceil((chars * GLYPH_14) / (BODY_WIDTH - 3 * GLYPH_14))) * LINE_14;
}

/** The heights of the body's items, per type (node-preview.tsx). */
function bodyItems(node: FlowNode): number[] {
  switch (node.type) {
    case 'message': {
      const items: number[] = [];
      if (node.data.media !== undefined) items.push(CHIP_LINE);
      if (node.data.text?.trim() || node.data.media === undefined) items.push(quoteHeight(node.data.text));
      if (node.data.list !== undefined) items.push(LINE_12);
      return items;
    }
    case 'question':
      return [quoteHeight(node.data.text), CHIP_LINE];
    case 'survey':
      return [CHIP_LINE, quoteHeight(node.data.text)];
    case 'condition':
    case 'ab_split':
      return [];
    case 'set_variable': {
      const shown = Math.min(3, node.data.assignments.length);
      return [...Array.from({ length: shown }, () => LINE_12), ...(node.data.assignments.length > 3 ? [LINE_12] : [])];
    }
    case 'wait':
      return [bigHeight(20), ...(node.data.interruptOnReply === true ? [LINE_12] : [])];
    case 'wait_for_event':
      return [bigHeight(node.data.events.length * 18), LINE_12, ...(node.data.match !== undefined ? [LINE_12] : [])];
    case 'http_request':
      return [LINE_12];
    case 'handoff':
      return [bigHeight(12 + (node.data.team?.trim().length ?? 8)), LINE_12, quoteHeight(node.data.reason)];
    case 'tag': {
      // Chips of 12 px type (line-height 1.6) in rows that wrap, 4 px apart.
      const tags = [...node.data.add, ...node.data.remove];
      if (tags.length === 0) return [0];
      let rows = 1;
      let used = 0;
      for (const tag of tags) {
        const width = 12 + (tag.length + 1) * 6.5;
        if (used > 0 && used + GAP + width > BODY_WIDTH) {
          rows += 1;
          used = width;
        } else used += (used > 0 ? GAP : 0) + width;
      }
      return [rows * 19.2 + (rows - 1) * GAP];
    }
    case 'whatsapp_template':
      return [LINE_12, LINE_12];
    case 'jump_to_flow':
      return [LINE_12];
    case 'conversion':
      return [bigHeight(16), ...(node.data.value !== undefined ? [LINE_12] : [])];
    case 'end':
      return [LINE_12];
  }
}

function triggerItems(trigger: Trigger): number[] {
  switch (trigger.type) {
    case 'commerce_event':
      return [LINE_14, LINE_12, ...(trigger.filter !== undefined ? [LINE_12] : [])];
    case 'inbound_message': {
      const { match } = trigger;
      const chars = match.kind === 'keyword' ? 12 + match.keywords.join(', ').length : match.kind === 'regex' ? 10 + match.pattern.length : 20;
      return [bigHeight(chars), ...(trigger.channels !== undefined && trigger.channels.length > 0 ? [LINE_12] : [])];
    }
    case 'manual':
      return [LINE_12];
  }
}

function stack(items: readonly number[]): number {
  return items.reduce((sum, item) => sum + item, 0) + GAP * Math.max(0, items.length - 1);
}

function handleAt(type: 'source' | 'target', id: string | null, position: Position, centreX: number, centreY: number): NodeHandle {
  return { id, type, position, x: centreX - HANDLE / 2, y: centreY - HANDLE / 2, width: HANDLE, height: HANDLE };
}

/** The estimated size and handles of a box (a node or a trigger) with these outputs. */
export function estimateBox(source: FlowNode | Trigger, outputs: readonly OutputPort[]): BoxEstimate {
  const isNode = 'data' in source;
  const width = isNode ? NODE_WIDTH : TRIGGER_WIDTH;
  const labelled = isNode ? Boolean(source.label?.trim()) : true;
  const titles = labelled ? LINE_11 + LINE_13 : LINE_13;
  const header = HEADER_TOP + Math.max(ICON, titles) + (isNode ? HEADER_BOTTOM : TRIGGER_HEADER_BOTTOM);
  const items = isNode ? bodyItems(source) : triggerItems(source);
  // A body with nothing in it is not drawn (`.cnode__body:empty`).
  const body = items.length === 0 ? 0 : (isNode ? 0 : TRIGGER_BODY_TOP) + stack(items) + BODY_BOTTOM;
  const handles: NodeHandle[] = [];
  if (isNode) handles.push(handleAt('target', null, LEFT, 0, BORDER + HANDLE_TOP));
  const single = outputs.length === 1 && outputs[0]?.id === 'next';
  let ports = 0;
  if (single) handles.push(handleAt('source', 'next', RIGHT, width, BORDER + HANDLE_TOP));
  else if (outputs.length > 0) {
    const top = BORDER + header + body;
    // Each row's handle sits on the box's inner right edge, halfway down the row.
    outputs.forEach((port, index) =>
      handles.push(handleAt('source', port.id, RIGHT, width - BORDER, top + PORTS_TOP + index * PORT_ROW + (index === 0 ? PORT_ROW / 2 : (PORT_ROW + PORT_RULE) / 2))),
    );
    ports = PORTS_TOP + outputs.length * PORT_ROW + PORTS_BOTTOM;
  }
  return { width, height: Math.round(2 * BORDER + header + body + ports), handles };
}
