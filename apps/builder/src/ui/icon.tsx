import type { ReactNode } from 'react';

// A small, consistent icon set drawn for the builder on a 24px grid: 1.75px strokes, round
// joins, `currentColor`, so an icon takes the color and size of the text around it.
const c = (cx: number, cy: number, r: number, fill = false) => <circle cx={cx} cy={cy} r={r} {...(fill ? { fill: 'currentColor', stroke: 'none' } : {})} />;
const p = (d: string) => <path d={d} />;

const ICONS = {
  flows: (
    <>
      <rect x="3" y="3.5" width="7.5" height="5.5" rx="1.5" />
      <rect x="13.5" y="15" width="7.5" height="5.5" rx="1.5" />
      {p('M6.75 9v5a3 3 0 0 0 3 3h3.75')}
    </>
  ),
  settings: (
    <>
      {p('M4 7h8.5M17.5 7H20M4 17h2.5M11.5 17H20')}
      {c(15, 7, 2.5)}
      {c(9, 17, 2.5)}
    </>
  ),
  search: (
    <>
      {c(11, 11, 6.5)}
      {p('M16 16l4.5 4.5')}
    </>
  ),
  plus: p('M12 5v14M5 12h14'),
  x: p('M6.5 6.5l11 11M17.5 6.5l-11 11'),
  check: p('M5 12.5l4.5 4.5L19 7.5'),
  'chevron-down': p('M6.5 9.5l5.5 5.5 5.5-5.5'),
  'chevron-up': p('M6.5 14.5l5.5-5.5 5.5 5.5'),
  'chevron-left': p('M14.5 6.5L9 12l5.5 5.5'),
  'chevron-right': p('M9.5 6.5L15 12l-5.5 5.5'),
  'arrow-left': p('M19 12H5.5M11 6l-6 6 6 6'),
  more: (
    <>
      {c(6, 12, 1.4, true)}
      {c(12, 12, 1.4, true)}
      {c(18, 12, 1.4, true)}
    </>
  ),
  copy: (
    <>
      <rect x="8.5" y="8.5" width="11.5" height="11.5" rx="2" />
      {p('M15.5 8.5V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v7.5a2 2 0 0 0 2 2h2.5')}
    </>
  ),
  download: p('M12 4v11M7 10.5l5 5 5-5M5 20h14'),
  upload: p('M12 15.5V4.5M7 9l5-5 5 5M5 20h14'),
  trash: p('M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v2'),
  pencil: p('M4 20h4L19 9a2.83 2.83 0 0 0-4-4L4 16v4zM13.5 6.5l4 4'),
  history: (
    <>
      {p('M4.5 12a7.5 7.5 0 1 0 2.2-5.3L4 9.4')}
      {p('M4 4.5v4.9h4.9M12 8v4.2l3 1.8')}
    </>
  ),
  restore: p('M4 4.5v5h5M5 14a7.5 7.5 0 1 0 1.6-7.1L4 9.5'),
  globe: (
    <>
      {c(12, 12, 8.5)}
      {p('M3.5 12h17M12 3.5c2.4 2.4 3.5 5.3 3.5 8.5s-1.1 6.1-3.5 8.5c-2.4-2.4-3.5-5.3-3.5-8.5s1.1-6.1 3.5-8.5z')}
    </>
  ),
  user: (
    <>
      {c(12, 8, 3.75)}
      {p('M4.5 20c1.1-3.6 4-5.6 7.5-5.6s6.4 2 7.5 5.6')}
    </>
  ),
  users: (
    <>
      {c(9, 8, 3.25)}
      {p('M3 19.5c.8-3.1 3.2-4.9 6-4.9s5.2 1.8 6 4.9M15.5 4.9a3.25 3.25 0 0 1 0 6.2M17.5 14.8c1.7.6 2.9 2.2 3.4 4.7')}
    </>
  ),
  'log-out': p('M10 4H6.5A2.5 2.5 0 0 0 4 6.5v11A2.5 2.5 0 0 0 6.5 20H10M15 8l4 4-4 4M19 12H9.5'),
  store: p('M4 9.5L5.6 5h12.8L20 9.5M4.5 9.5V19.5h15V9.5M4 9.5h16M10 19.5v-5h4v5'),
  key: (
    <>
      {c(8, 16, 3.75)}
      {p('M10.7 13.3L19.5 4.5M16.5 7.5l2.5 2.5M14 10l2 2')}
    </>
  ),
  clock: (
    <>
      {c(12, 12, 8.5)}
      {p('M12 7.5V12l3 2')}
    </>
  ),
  calendar: (
    <>
      <rect x="4" y="5" width="16" height="15" rx="2" />
      {p('M4 10h16M9 3v4M15 3v4')}
    </>
  ),
  alert: (
    <>
      {c(12, 12, 8.5)}
      {p('M12 7.75v5M12 16.1v.15')}
    </>
  ),
  info: (
    <>
      {c(12, 12, 8.5)}
      {p('M12 11v5M12 7.9v.15')}
    </>
  ),
  'check-circle': (
    <>
      {c(12, 12, 8.5)}
      {p('M8.25 12.25l2.5 2.5 5-5')}
    </>
  ),
  file: p('M14 3.5H7A2 2 0 0 0 5 5.5v13a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5zM14 3.5v5h5'),
  sparkle: p('M12 3.5l1.9 5.1 5.1 1.9-5.1 1.9-1.9 5.1-1.9-5.1L5 10.5l5.1-1.9zM18.5 15.5l.8 2 2 .8-2 .8-.8 2-.8-2-2-.8 2-.8z'),
  mail: (
    <>
      <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
      {p('M4.5 7l7.5 6 7.5-6')}
    </>
  ),
  link: p('M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3A4 4 0 0 0 11 18.66l1-1'),
  compare: p('M4 8.5h14.5l-3.5-3.5M20 15.5H5.5L9 19'),
  menu: p('M4 7h16M4 12h16M4 17h16'),
  language: (
    <>
      {p('M4 5.5h9M8.5 4v1.5c0 4-2 7-5 8.5M6 9c1 2 3 3.5 5.5 4.3')}
      {p('M12.5 20l3.75-9 3.75 9M13.8 17h4.9')}
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof ICONS;

export function Icon({ name, size = 18, className, label }: { name: IconName; size?: number; className?: string; label?: string }) {
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
      {ICONS[name]}
    </svg>
  );
}
