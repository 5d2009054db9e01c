// Component tests fail on any console.error: React reports missing keys, act() misuse and
// invalid DOM nesting there, and a test that passes with such a warning hides a bug.
const originalError = console.error;

beforeEach(() => {
  console.error = (...args: unknown[]) => {
    originalError(...args);
    throw new Error(`console.error during a test: ${args.map(String).join(' ')}`);
  };
});

afterEach(() => {
  console.error = originalError;
  if (typeof window !== 'undefined') window.localStorage.clear();
});

// jsdom does no layout, so it has no scrollIntoView; lists call it to keep the active option visible.
if (typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView() {
    // Nothing to scroll without layout.
  };
}
