import type { Page } from 'playwright-core';

/** An HTTP failure the test provokes on purpose (a wrong password, a conflict). */
export interface ExpectedHttpError {
  readonly path: RegExp;
  readonly status: number;
}

/**
 * Collects what must not happen in the browser: page errors (uncaught exceptions) and console
 * errors. The one exception is Chromium's own "Failed to load resource" line for an HTTP error
 * the test expects — the browser logs every 4xx, however well the app handles it.
 */
export function watchPage(page: Page) {
  const problems: string[] = [];
  const expected: ExpectedHttpError[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const status = /status of (\d{3})/.exec(text)?.[1];
    const url = message.location().url;
    if (text.startsWith('Failed to load resource') && status !== undefined) {
      const { pathname } = new URL(url);
      if (expected.some((item) => item.status === Number(status) && item.path.test(pathname))) return;
    }
    problems.push(`console error: ${text} (${url})`);
  });
  return {
    expectHttpError(error: ExpectedHttpError): void {
      expected.push(error);
    },
    /** Throws with every problem seen since the last call. */
    assertClean(): void {
      const seen = problems.splice(0);
      if (seen.length > 0) throw new Error(`The browser reported:\n${seen.join('\n')}`);
    },
  };
}
