import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots of each screen, for people to look at (gitignored). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../__screenshots__');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let enter animations (dialogs, toasts) settle so the picture shows the resting state.
  await page.waitForTimeout(120);
  // A full-page picture of a scrolled page shows sticky bars mid-page: start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
