/** Jornada's mark: a path between two points, a journey. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="brand__mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--color-brand)" />
      <path d="M9 21.5c3.2-8.2 10.6-8.6 14-11" stroke="#fff" strokeWidth="2.6" fill="none" strokeLinecap="round" />
      <circle cx="9" cy="21.5" r="2.6" fill="#fff" />
      <circle cx="23" cy="10.5" r="2.6" fill="#fff" />
    </svg>
  );
}
