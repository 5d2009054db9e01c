import { useEffect, useState } from 'react';

/**
 * Seconds left until `until` (epoch ms), ticking each second; 0 once passed or unset. Right on
 * the first render after `until` changes (no flash of a stale value), then once a second.
 */
export function useCountdown(until: number | undefined): number {
  const [tick, setTick] = useState(() => ({ until, now: Date.now() }));
  // Adjusting state while rendering when the input changes (React's documented pattern).
  if (tick.until !== until) setTick({ until, now: Date.now() });

  useEffect(() => {
    if (until === undefined) return;
    const timer = window.setInterval(() => {
      const now = Date.now();
      setTick({ until, now });
      if (now >= until) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  const now = tick.until === until ? tick.now : Date.now();
  return until === undefined ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
