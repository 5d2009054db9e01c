import type { ReactNode } from 'react';
import type { NodeType } from '@jornada/flow-engine';
import type { TriggerType } from './node-catalog.js';

// The editor's icons, drawn like the design system's (src/ui/icon.tsx): a 24px grid, 1.75px
// round strokes, currentColor. One per box type and trigger type, plus the editor's tools.
const p = (d: string) => <path d={d} />;

const ICONS = {
  message: p('M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v7a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4.1A2.5 2.5 0 0 1 4 13.5z'),
  question: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      {p('M9.6 9.6a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.5M12 16.6v.1')}
    </>
  ),
  condition: p('M12 3.5l8.5 8.5-8.5 8.5L3.5 12z'),
  set_variable: p('M8 4.5c-1.8 0-2.5.8-2.5 2.5v2.2c0 1.4-.7 2.3-2 2.8 1.3.5 2 1.4 2 2.8V17c0 1.7.7 2.5 2.5 2.5M16 4.5c1.8 0 2.5.8 2.5 2.5v2.2c0 1.4.7 2.3 2 2.8-1.3.5-2 1.4-2 2.8V17c0 1.7-.7 2.5-2.5 2.5'),
  wait: p('M7 3.5h10M7 20.5h10M8 3.5c0 4.5 8 4.5 8 8.5s-8 4-8 8.5M16 3.5c0 4.5-8 4.5-8 8.5s8 4 8 8.5'),
  wait_for_event: p('M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15zM10 20.5a2 2 0 0 0 4 0'),
  http_request: p('M8.5 7L3.5 12l5 5M15.5 7l5 5-5 5M13.5 4.5l-3 15'),
  handoff: p('M4.5 15v-3a7.5 7.5 0 0 1 15 0v3M4.5 14.5a2 2 0 0 0 2 2H8v-5H6.5a2 2 0 0 0-2 2zM19.5 14.5a2 2 0 0 1-2 2H16v-5h1.5a2 2 0 0 1 2 2zM17.5 16.5v.5a3 3 0 0 1-3 3H12'),
  survey: p('M12 3.8l2.5 5.1 5.6.8-4 4 .9 5.6-5-2.7-5 2.7.9-5.6-4-4 5.6-.8z'),
  tag: (
    <>
      {p('M3.5 4.5v6.3l9 9a1.5 1.5 0 0 0 2.1 0l5.2-5.2a1.5 1.5 0 0 0 0-2.1l-9-9H4.5a1 1 0 0 0-1 1z')}
      <circle cx="8" cy="8" r="1.3" fill="currentColor" stroke="none" />
    </>
  ),
  whatsapp_template: p('M14 3.5H7A2 2 0 0 0 5 5.5v13a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5zM14 3.5v5h5M9 14.5l2 2 4-4.5'),
  jump_to_flow: p('M4 12h11.5M11 7l5 5-5 5M20 4.5v15'),
  ab_split: p('M12 20.5v-6.5L6 8M12 14l6-6M4.5 4.5h4M4.5 4.5v4M19.5 4.5h-4M19.5 4.5v4'),
  conversion: p('M3.5 17.5l6-6 3.5 3.5 7.5-7.5M15 7.5h5.5V13'),
  end: p('M5.5 21V4M5.5 4.5h12l-2.5 4 2.5 4h-12'),
  commerce_event: (
    <>
      {p('M3 4h2.2l2.1 10.6a1.5 1.5 0 0 0 1.5 1.2h8.4a1.5 1.5 0 0 0 1.5-1.2L20 7.5H6.2')}
      <circle cx="9.5" cy="19.5" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="17" cy="19.5" r="1.2" fill="currentColor" stroke="none" />
    </>
  ),
  inbound_message: p('M4 6.5A2.5 2.5 0 0 1 6.5 4h11A2.5 2.5 0 0 1 20 6.5v7a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4.1A2.5 2.5 0 0 1 4 13.5zM8.5 10h7M12.5 7l3 3-3 3'),
  manual: p('M13 3.5L5.5 13.5H12l-1 7 7.5-10H12z'),
  undo: p('M9 14.5L4 9.5l5-5M4.5 9.5h10a5.5 5.5 0 0 1 0 11H11'),
  redo: p('M15 14.5l5-5-5-5M19.5 9.5h-10a5.5 5.5 0 0 0 0 11H13'),
  layout: p('M3.5 4.5h7v5h-7zM13.5 14.5h7v5h-7zM7 9.5v3a2 2 0 0 0 2 2h4.5'),
  play: p('M7.5 4.8v14.4a.8.8 0 0 0 1.2.7l11.3-7.2a.8.8 0 0 0 0-1.4L8.7 4.1a.8.8 0 0 0-1.2.7z'),
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      {p('M6.5 10h.1M10 10h.1M13.5 10h.1M17 10h.1M7 14h10')}
    </>
  ),
  fit: p('M4 9V4.5h4.5M20 9V4.5h-4.5M4 15v4.5h4.5M20 15v4.5h-4.5'),
  'zoom-in': (
    <>
      <circle cx="11" cy="11" r="6.5" />
      {p('M16 16l4.5 4.5M8.5 11h5M11 8.5v5')}
    </>
  ),
  'zoom-out': (
    <>
      <circle cx="11" cy="11" r="6.5" />
      {p('M16 16l4.5 4.5M8.5 11h5')}
    </>
  ),
  warning: p('M12 4.5l8.5 15h-17zM12 10v4M12 16.8v.1'),
  'error-circle': (
    <>
      <circle cx="12" cy="12" r="8.5" />
      {p('M9 9l6 6M15 9l-6 6')}
    </>
  ),
  grip: (
    <>
      <circle cx="9" cy="7" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="15" cy="7" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="9" cy="12" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="15" cy="12" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="9" cy="17" r="1.2" fill="currentColor" stroke="none" />
      <circle cx="15" cy="17" r="1.2" fill="currentColor" stroke="none" />
    </>
  ),
  panel: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      {p('M9.5 4.5v15')}
    </>
  ),
} satisfies Record<NodeType | TriggerType | string, ReactNode>;

export type EditorIconName = keyof typeof ICONS;

export function EditorIcon({ name, size = 18, className }: { name: EditorIconName; size?: number; className?: string }) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[name]}
    </svg>
  );
}
