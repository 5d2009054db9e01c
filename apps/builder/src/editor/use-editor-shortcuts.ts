import { useEffect, useRef } from 'react';
import { parseClipboard, type ClipboardPayload } from './clipboard.js';

/** Keys typed into a field belong to the field, not to the canvas. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"]') !== null;
}

/** What the editor's shortcuts do (the help dialog lists them: `shortcuts.ts`). */
export interface ShortcutActions {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly duplicate: () => void;
  readonly selectAll: () => void;
  readonly toggleProblems: () => void;
  readonly deleteSelection: () => void;
  readonly showShortcuts: () => void;
  /** `/`: opens the palette and puts the cursor in its search (not offered read-only). */
  readonly searchPalette: () => void;
  readonly fit: () => void;
  /** Escape: clears the selection and closes the quick-add menu. */
  readonly escape: () => void;
  /** Copies the selection; given the clipboard event, into the system clipboard too. */
  readonly copy: (event?: ClipboardEvent) => void;
  readonly paste: (payload: ClipboardPayload | null) => void;
  /** What the last copy left in localStorage (the fallback of the system clipboard). */
  readonly readStoredClipboard: () => ClipboardPayload | null;
}

/**
 * The editor's keyboard shortcuts, and copy and paste through the clipboard events: the system
 * clipboard carries boxes between tabs and flows without asking for permission; localStorage is
 * the fallback. Keys typed into a field or a dialog are left to it. The listeners are set once
 * (again if `readOnly` changes) and always call the latest actions.
 */
export function useEditorShortcuts(actions: ShortcutActions, readOnly: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isEditable(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      const a = latest.current;
      if (mod && key === 'z' && !event.shiftKey) a.undo();
      else if ((mod && key === 'z' && event.shiftKey) || (event.ctrlKey && key === 'y')) a.redo();
      else if (mod && key === 'd') a.duplicate();
      else if (mod && key === 'a') a.selectAll();
      else if (mod && event.shiftKey && key === 'm') a.toggleProblems();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) a.deleteSelection();
      else if (!mod && event.key === '?') a.showShortcuts();
      else if (!mod && event.key === '/' && !readOnly) a.searchPalette();
      else if (!mod && event.shiftKey && event.code === 'Digit1') a.fit();
      else if (!mod && event.key === 'Escape') a.escape();
      else return;
      event.preventDefault();
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isEditable(event.target)) return;
      latest.current.copy(event);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || readOnly) return;
      const fromSystem = parseClipboard(event.clipboardData?.getData('text/plain'));
      event.preventDefault();
      latest.current.paste(fromSystem ?? latest.current.readStoredClipboard());
    };
    window.addEventListener('keydown', onKeyDown);
    window.document.addEventListener('copy', onCopy);
    window.document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.document.removeEventListener('copy', onCopy);
      window.document.removeEventListener('paste', onPaste);
    };
  }, [readOnly]);
}
