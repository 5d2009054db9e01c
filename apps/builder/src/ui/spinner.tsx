import type { CSSProperties } from 'react';
import './spinner.css';

export function Spinner({ size = 16, className }: { size?: number; className?: string }) {
  return <span className={className === undefined ? 'spinner' : `spinner ${className}`} style={{ width: size, height: size }} aria-hidden="true" />;
}

/** A calm placeholder while a page loads; `label` is announced to screen readers. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <div className="loading-block" role="status">
      <Spinner size={22} />
      <span>{label}</span>
    </div>
  );
}

export function Skeleton({ width = '100%', height = 14, style }: { width?: number | string; height?: number | string; style?: CSSProperties }) {
  return <span className="skeleton" style={{ width, height, ...style }} aria-hidden="true" />;
}
