import { useEffect, useState } from 'react';
import { lint, type FlowDocument, type LintIssue } from '@jornada/flow-engine';

export interface LintState {
  /** The issues of `document` (the latest linted one). */
  readonly issues: readonly LintIssue[];
  /** The document those issues belong to. */
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

/**
 * The engine's lint of the draft, live: debounced after edits (typing in the inspector does
 * not lint on every key), then run when the browser is idle, so a drag or a keystroke never
 * waits for it. Lint is pure and total, so the result is simply the latest document's issues.
 */
export function useLint(document: FlowDocument, delayMs = 250): LintState {
  const [state, setState] = useState<LintState>(() => ({ issues: lint(document), document, stale: false }));
  useEffect(() => {
    if (state.document === document) return undefined;
    setState((current) => (current.stale ? current : { ...current, stale: true }));
    let idle: IdleHandle | null = null;
    const timer = window.setTimeout(() => {
      idle = whenIdle(() => setState({ issues: lint(document), document, stale: false }), 500);
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      idle?.cancel();
    };
  }, [document, delayMs, state.document]);
  return state;
}
