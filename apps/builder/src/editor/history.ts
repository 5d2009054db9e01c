import type { FlowDocument, FlowOperation } from '@jornada/flow-engine';

/** Why the reducer refused an operation: a stable code the editor translates, and English words. */
export interface OperationError {
  readonly code: string;
  readonly message: string;
}

/** The reducer's answer: the new document and the operation that undoes the edit, or a refusal. */
export type ApplyResult =
  | { readonly ok: true; readonly document: FlowDocument; readonly inverse: FlowOperation }
  | { readonly ok: false; readonly error: OperationError };

/** The engine's reducer (`applyOperationWithInverse`), injected so the history is tested on its own. */
export type OperationReducer = (document: FlowDocument, operation: FlowOperation) => ApplyResult;

interface HistoryEntry {
  readonly operation: FlowOperation;
  readonly inverse: FlowOperation;
}

export interface EditorHistory {
  readonly document: FlowDocument;
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
}

/** Undo steps kept; older ones fall off (each holds only two operations, not a document). */
export const HISTORY_LIMIT = 200;

export function startHistory(document: FlowDocument): EditorHistory {
  return { document, past: [], future: [] };
}

/** What a step did: the new history and the operation the server must apply to follow it. */
export type StepResult = { readonly ok: true; readonly history: EditorHistory; readonly applied: FlowOperation } | { readonly ok: false; readonly error: OperationError };

/** Applies an edit: one undo step; the redo stack is dropped, as everywhere. */
export function applyEdit(reducer: OperationReducer, history: EditorHistory, operation: FlowOperation): StepResult {
  const result = reducer(history.document, operation);
  if (!result.ok) return result;
  const past = [...history.past, { operation, inverse: result.inverse }];
  return { ok: true, applied: operation, history: { document: result.document, past: past.length > HISTORY_LIMIT ? past.slice(-HISTORY_LIMIT) : past, future: [] } };
}

/** Undoes the last step by applying its inverse; null when there is nothing to undo. */
export function undo(reducer: OperationReducer, history: EditorHistory): StepResult | null {
  const entry = history.past[history.past.length - 1];
  if (entry === undefined) return null;
  const result = reducer(history.document, entry.inverse);
  if (!result.ok) return result;
  return { ok: true, applied: entry.inverse, history: { document: result.document, past: history.past.slice(0, -1), future: [entry, ...history.future] } };
}

/** Applies again the last undone step; null when there is nothing to redo. */
export function redo(reducer: OperationReducer, history: EditorHistory): StepResult | null {
  const entry = history.future[0];
  if (entry === undefined) return null;
  const result = reducer(history.document, entry.operation);
  if (!result.ok) return result;
  return { ok: true, applied: entry.operation, history: { document: result.document, past: [...history.past, entry], future: history.future.slice(1) } };
}
