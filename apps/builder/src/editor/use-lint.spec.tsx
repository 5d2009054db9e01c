import { act, renderHook } from '@testing-library/react';
import { lint, type FlowDocument } from '@jornada/flow-engine';
import { templateDocument } from './test-documents.js';
import { useLint } from './use-lint.js';

const DOCUMENT: FlowDocument = templateDocument('cart-recovery');
// A document with at least one issue: its trigger leads nowhere.
const BROKEN: FlowDocument = { ...DOCUMENT, edges: [] };

describe('useLint', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('opens with the issues the server sent (no check while the editor opens)', () => {
    const seeded = [{ code: 'no_trigger', severity: 'error', message: 'from the server' }] as const;
    const { result } = renderHook(() => useLint(BROKEN, { document: BROKEN, issues: seeded }));
    expect(result.current).toEqual({ issues: seeded, document: BROKEN, stale: false });
    act(() => jest.advanceTimersByTime(5_000));
    expect(result.current.issues).toBe(seeded);
  });

  it('without a seed, checks after the first render, not during it, and then has the issues', () => {
    const { result } = renderHook(() => useLint(BROKEN));
    expect(result.current).toEqual({ issues: [], document: null, stale: true });
    act(() => jest.advanceTimersByTime(10));
    expect(result.current.document).toBe(BROKEN);
    expect(result.current.stale).toBe(false);
    expect(result.current.issues).toEqual(lint(BROKEN));
    expect(result.current.issues.length).toBeGreaterThan(0);
  });

  it('after an edit, keeps the last issues (stale) until the debounced check has run', () => {
    const { result, rerender } = renderHook(({ document }) => useLint(document, { document: DOCUMENT, issues: lint(DOCUMENT) }), { initialProps: { document: DOCUMENT } });
    const before = result.current.issues;
    rerender({ document: BROKEN });
    expect(result.current.stale).toBe(true);
    expect(result.current.issues).toBe(before);
    act(() => jest.advanceTimersByTime(100));
    expect(result.current.document).toBe(DOCUMENT);
    act(() => jest.advanceTimersByTime(300));
    expect(result.current).toEqual({ issues: lint(BROKEN), document: BROKEN, stale: false });
  });
});
