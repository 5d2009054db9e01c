import { useEffect, useState } from 'react';
import { lint, type FlowDocument, type LintIssue } from '@jornada/flow-engine';

export interface LintState {
  /** The issues of `document` (the latest linted one). */
  readonly issues: readonly LintIssue[];
  /** The document those issues belong to; null until the first check has run. */
  readonly document: FlowDocument | null;
  /** True while an edit waits to be checked. */
  readonly stale: boolean;
}

type IdleHandle = { cancel: () => void };

/** Runs `work` when the browser is idle (at most `timeout` ms later), or after a short timer. */
function whenIdle(work: () => void, timeout: number): IdleHandle {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout });
    return { cancel: () => window.cancelIdleCallback(id) };
  }
  const id = window.setTimeout(work, 1);
  return { cancel: () => window.clearTimeout(id) };
}

/** Before the first check: no issues known yet. */
const UNCHECKED: LintState = { issues: [], document: null, stale: true };

/** Issues already known for a document: the server's lint of the draft it sent (same engine). */
export interface LintSeed {
  readonly document: FlowDocument;
  readonly issues: readonly LintIssue[];
}

/**
 * The engine's lint of the draft, live: debounced after edits (typing in the inspector does
 * not lint on every key), then run when the browser is idle, so a drag or a keystroke never
 * waits for it. Lint is pure and total, so the result is simply the latest document's issues.
 *
 * Opening the editor lints nothing: the server sends the draft's issues with the draft
 * (`seed`). Without a seed, the first check is not run while the editor opens either (on a
 * 1,000-box flow it takes some 100 ms, in the same task as the first render) but when the
 * browser is next idle, without the debounce; until then `document` is null, the toolbar shows
 * the counts as being checked, and the badges appear a moment later.
 */
export function useLint(document: FlowDocument, seed?: LintSeed, delayMs = 250): LintState {
  const [state, setState] = useState<LintState>(() => (seed === undefined ? UNCHECKED : { issues: seed.issues, document: seed.document, stale: false }));
  useEffect(() => {
    if (state.document === document) return undefined;
    setState((current) => (current.stale ? current : { ...current, stale: true }));
    let idle: IdleHandle | null = null;
    const timer = window.setTimeout(
      () => {
        idle = whenIdle(() => setState({ issues: lint(document), document, stale: false }), 500);
      },
      state.document === null ? 0 : delayMs,
    );
    return () => {
      window.clearTimeout(timer);
      idle?.cancel();
    };
  }, [document, delayMs, state.document]);
  return state;
}
