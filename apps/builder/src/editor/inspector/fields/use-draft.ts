import { useEffect, useRef, useState } from 'react';

export interface Draft {
  /** What the control shows: the text being typed, else the committed value. */
  readonly shown: string;
  readonly editing: boolean;
  set(text: string): void;
  /** Hands the typed text to `onCommit` when it differs, and stops editing. */
  commit(): void;
  /** Drops the typed text (Escape). */
  revert(): void;
}

/**
 * Text typed into a field stays local until the field loses focus (or Enter, or the panel
 * closes): the preview follows every key, while the flow's history gets one step per edit,
 * not one per keystroke.
 */
export function useDraft(value: string, onCommit: (text: string) => void): Draft {
  const [draft, setDraft] = useState<string | null>(null);
  const latest = useRef({ draft, value, onCommit });
  useEffect(() => {
    latest.current = { draft, value, onCommit };
  });
  // Text still being typed when the panel closes or the selection changes is kept, not lost.
  useEffect(
    () => () => {
      const { draft: pending, value: committed, onCommit: commit } = latest.current;
      if (pending !== null && pending !== committed) commit(pending);
    },
    [],
  );
  return {
    shown: draft ?? value,
    editing: draft !== null,
    set: (text) => setDraft(text),
    commit: () => {
      if (draft !== null && draft !== value) onCommit(draft);
      setDraft(null);
    },
    revert: () => setDraft(null),
  };
}
