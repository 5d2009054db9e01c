import type { Page } from 'playwright-core';

/** Resolves after `count` animation frames of the page: what a render started now has painted by then. */
export const nextFrames = (page: Page, count = 2): Promise<void> =>
  page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
