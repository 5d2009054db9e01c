import { useMemo, useState } from 'react';
import type { FieldProblems } from './schema-problems.js';

export interface PendingEdit<T> {
  /** What the form shows: the edit not applied yet, else the document's value. */
  readonly value: T;
  readonly problems: FieldProblems;
  /** True while an edit is held back because it does not pass the schema. */
  readonly held: boolean;
  readonly change: (next: T) => void;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits that pass the schema are applied at once (`apply` dispatches an operation); an edit that
 * does not (an emptied required field) is held here, shown with its errors, and applied as soon
 * as a later edit makes it valid. The document never holds a node the API would refuse to save.
 * A held edit is dropped when the document's value changes underneath (undo, another tab).
 */
export function usePendingEdit<T>(current: T, problemsOf: (value: T) => FieldProblems, apply: (next: T) => void): PendingEdit<T> {
  const [pending, setPending] = useState<{ value: T; base: T } | null>(null);
  const held = pending !== null && same(pending.base, current);
  const value = held ? pending.value : current;
  const problems = useMemo(() => problemsOf(value), [problemsOf, value]);
  const change = (next: T) => {
    if (problemsOf(next).size > 0) {
      setPending({ value: next, base: current });
      return;
    }
    setPending(null);
    if (!same(next, current)) apply(next);
  };
  return { value, problems, held, change };
}
