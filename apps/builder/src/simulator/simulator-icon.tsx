import type { ReactNode } from 'react';

// The simulator's own glyphs, drawn like src/ui/icon.tsx (24px grid, 1.75px round strokes,
// currentColor): kept here so the shared icon set is not edited by two features at once.
const p = (d: string) => <path d={d} />;

const GLYPHS = {
  send: p('M4.5 12h6M4 4.5l16 7.5-16 7.5 2.5-7.5z'),
  play: p('M7.5 5v14l11-7z'),
  'fast-forward': p('M4.5 6.5v11l7-5.5zM12.5 6.5v11l7-5.5z'),
  bolt: p('M13 3.5L5.5 13.5H12l-1 7 7.5-10H12z'),
  stop: <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" />,
  image: (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      {p('M3.5 16l4.5-4.5 3.5 3.5 2.5-2.5 6.5 6')}
      <circle cx="15.5" cy="9.5" r="1.5" />
    </>
  ),
  video: (
    <>
      <rect x="3.5" y="6" width="12" height="12" rx="2" />
      {p('M15.5 10.5l5-3v9l-5-3')}
    </>
  ),
  audio: p('M9 18V6.5l10-2V16M9 18a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM19 16a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z'),
  chat: p('M5 18.5l-1.5 2V6.5a2 2 0 0 1 2-2h13a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2z'),
  reply: p('M9.5 7.5L4.5 12l5 4.5M4.5 12h9a6 6 0 0 1 6 6'),
  'double-check': p('M2.5 12.5l4 4L15 8M10.5 15.5l1 1L20 8'),
} satisfies Record<string, ReactNode>;

export type SimIconName = keyof typeof GLYPHS;

export function SimIcon({ name, size = 18, className, label }: { name: SimIconName; size?: number; className?: string; label?: string }) {
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
      {...(label === undefined ? { 'aria-hidden': true } : { role: 'img', 'aria-label': label })}
      focusable="false"
    >
      {GLYPHS[name]}
    </svg>
  );
}
