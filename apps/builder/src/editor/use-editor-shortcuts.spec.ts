import { renderHook } from '@testing-library/react';
import { useEditorShortcuts, type ShortcutActions } from './use-editor-shortcuts.js';

function actions(): { [K in keyof ShortcutActions]: jest.Mock } {
  return {
    undo: jest.fn(),
    redo: jest.fn(),
    duplicate: jest.fn(),
    selectAll: jest.fn(),
    toggleProblems: jest.fn(),
    deleteSelection: jest.fn(),
    showShortcuts: jest.fn(),
    searchPalette: jest.fn(),
    fit: jest.fn(),
    escape: jest.fn(),
    copy: jest.fn(),
    paste: jest.fn(),
    readStoredClipboard: jest.fn(() => null),
  };
}

const press = (init: KeyboardEventInit, target: EventTarget = window) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

describe('useEditorShortcuts', () => {
  it('runs the shortcut of each key, and takes the key from the page', () => {
    const a = actions();
    renderHook(() => useEditorShortcuts(a, false));
    expect(press({ key: 'z', ctrlKey: true }).defaultPrevented).toBe(true);
    press({ key: 'Z', ctrlKey: true, shiftKey: true });
    press({ key: 'y', ctrlKey: true });
    press({ key: 'd', metaKey: true });
    press({ key: 'a', ctrlKey: true });
    press({ key: 'M', ctrlKey: true, shiftKey: true });
    press({ key: 'Delete' });
    press({ key: 'Backspace' });
    press({ key: '?' });
    press({ key: '/' });
    press({ key: '!', shiftKey: true, code: 'Digit1' });
    press({ key: 'Escape' });
    expect(a.undo).toHaveBeenCalledTimes(1);
    expect(a.redo).toHaveBeenCalledTimes(2);
    expect(a.duplicate).toHaveBeenCalledTimes(1);
    expect(a.selectAll).toHaveBeenCalledTimes(1);
    expect(a.toggleProblems).toHaveBeenCalledTimes(1);
    expect(a.deleteSelection).toHaveBeenCalledTimes(2);
    expect(a.showShortcuts).toHaveBeenCalledTimes(1);
    expect(a.searchPalette).toHaveBeenCalledTimes(1);
    expect(a.fit).toHaveBeenCalledTimes(1);
    expect(a.escape).toHaveBeenCalledTimes(1);
    expect(press({ key: 'q' }).defaultPrevented).toBe(false);
  });

  it('leaves keys typed into a field or a dialog to it, and the palette search to editors', () => {
    const a = actions();
    renderHook(() => useEditorShortcuts(a, true));
    const field = document.createElement('input');
    document.body.append(field);
    expect(press({ key: 'z', ctrlKey: true }, field).defaultPrevented).toBe(false);
    press({ key: 'Delete' }, field);
    expect(a.undo).not.toHaveBeenCalled();
    expect(a.deleteSelection).not.toHaveBeenCalled();
    expect(press({ key: '/' }).defaultPrevented).toBe(false);
    expect(a.searchPalette).not.toHaveBeenCalled();
    field.remove();
  });

  it('calls the latest actions after a re-render, without setting its listeners again', () => {
    const first = actions();
    const second = actions();
    const add = jest.spyOn(window, 'addEventListener');
    const { rerender } = renderHook(({ current }) => useEditorShortcuts(current, false), { initialProps: { current: first } });
    rerender({ current: second });
    press({ key: 'z', ctrlKey: true });
    expect(first.undo).not.toHaveBeenCalled();
    expect(second.undo).toHaveBeenCalledTimes(1);
    expect(add.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
    add.mockRestore();
  });
});
