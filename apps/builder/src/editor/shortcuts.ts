import type { MessageKey } from '../i18n/index.js';

/** The editor's shortcuts, as the help dialog lists them (`Mod` is Ctrl, or ⌘ on a Mac). */
export const SHORTCUTS: readonly { group: MessageKey; items: readonly { keys: readonly (readonly string[])[]; label: MessageKey }[] }[] = [
  {
    group: 'editor.shortcuts.group.edit',
    items: [
      { keys: [['Mod', 'Z']], label: 'editor.shortcuts.undo' },
      { keys: [['Mod', 'Shift', 'Z'], ['Ctrl', 'Y']], label: 'editor.shortcuts.redo' },
      { keys: [['Mod', 'C']], label: 'editor.shortcuts.copy' },
      { keys: [['Mod', 'V']], label: 'editor.shortcuts.paste' },
      { keys: [['Mod', 'D']], label: 'editor.shortcuts.duplicate' },
      { keys: [['Delete'], ['Backspace']], label: 'editor.shortcuts.delete' },
      { keys: [['Mod', 'A']], label: 'editor.shortcuts.selectAll' },
    ],
  },
  {
    group: 'editor.shortcuts.group.canvas',
    items: [
      { keys: [['Shift', 'Click']], label: 'editor.shortcuts.multi' },
      { keys: [['Shift', 'Drag']], label: 'editor.shortcuts.box' },
      { keys: [['Tab']], label: 'editor.shortcuts.focusNext' },
      { keys: [['←', '↑', '→', '↓']], label: 'editor.shortcuts.move' },
      { keys: [['Shift', '1']], label: 'editor.shortcuts.fit' },
      { keys: [['+'], ['−']], label: 'editor.shortcuts.zoom' },
      { keys: [['Esc']], label: 'editor.shortcuts.escape' },
    ],
  },
  {
    group: 'editor.shortcuts.group.panels',
    items: [
      { keys: [['/']], label: 'editor.shortcuts.palette' },
      { keys: [['Mod', 'Shift', 'M']], label: 'editor.shortcuts.problems' },
      { keys: [['?']], label: 'editor.shortcuts.help' },
    ],
  },
];
