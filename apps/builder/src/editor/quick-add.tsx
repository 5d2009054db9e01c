import { useEffect, useRef } from 'react';
import { NodePalette } from './node-palette.js';
import type { PaletteItem } from './node-catalog.js';

/**
 * A connection dropped on empty canvas: pick the box to create there, already connected
 * (replacing what the output led to before). Escape or a click elsewhere cancels.
 */
export function QuickAdd({ at, onAdd, onClose }: { at: { x: number; y: number }; onAdd: (item: PaletteItem) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current !== null && !ref.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);
  const left = Math.min(at.x + 8, window.innerWidth - 290);
  const top = Math.min(at.y - 20, window.innerHeight - 420);
  return (
    <div ref={ref} className="quick-add" style={{ left, top: Math.max(top, 70) }}>
      <NodePalette variant="popover" nodesOnly onAdd={onAdd} onClose={onClose} disabled={false} />
    </div>
  );
}
