// A read that follows a key press or a click must allow for the render it causes: under CI load
// React's next commit can land after Playwright's read. `eventually` retries the whole check
// (read and assertion) until it passes or its time is up, then throws the last failure, so the
// report still shows what was expected and what was there.
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
