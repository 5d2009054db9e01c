import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { lint } from '@jornada/flow-engine';
import { blankFlowDocument } from './flow-document.js';
import type { FlowRecord } from './flow.repository.js';
import { toFlowDetail } from './flow-views.js';

function record(draft: Record<string, unknown>, revision: number, at: Date): FlowRecord {
  return { id: FLOW_ID, workspaceId: randomUUID(), name: 'Flow', description: '', draft, draftRevision: revision, status: 'draft', currentVersion: null, createdAt: at, updatedAt: at, lastPublishedAt: null };
}

const FLOW_ID = randomUUID();

/** A blank flow with a message box nobody reaches and that leads nowhere: lint has things to say. */
function withLooseBox(): Record<string, unknown> {
  const blank = blankFlowDocument({ name: 'Flow' }) as unknown as { nodes: unknown[] } & Record<string, unknown>;
  return { ...blank, nodes: [...blank.nodes, { id: 'loose', type: 'message', data: { text: 'hello' } }] };
}

describe('toFlowDetail', () => {
  it("shows the draft's lint issues, the same on every read of one revision, each read its own copy", () => {
    const at = new Date('2026-12-06T10:00:00Z');
    const draft = withLooseBox();
    const first = toFlowDetail(record(draft, 1, at));
    expect(first.issues.length).toBeGreaterThan(0);
    expect(first.issues).toEqual(lint(draft).map((issue) => ({ ...issue })));
    first.issues.splice(0); // a caller changing its answer does not change the next one
    expect(toFlowDetail(record(draft, 1, at)).issues).toEqual(lint(draft).map((issue) => ({ ...issue })));
  });

  it('lints again when the draft is written again: a new revision, or the same number written at another time', () => {
    const at = new Date('2026-12-06T10:00:00Z');
    const loose = withLooseBox();
    const blank = blankFlowDocument({ name: 'Flow' }) as unknown as Record<string, unknown>;
    expect(toFlowDetail(record(loose, 5, at)).issues.length).toBeGreaterThan(0);
    expect(toFlowDetail(record(blank, 6, at)).issues).toEqual(lint(blank).map((issue) => ({ ...issue })));
    expect(toFlowDetail(record(blank, 5, new Date(at.getTime() + 1))).issues).toEqual(lint(blank).map((issue) => ({ ...issue })));
  });
});
