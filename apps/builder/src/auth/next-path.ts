/**
 * Where to go after signing in: the `next` query parameter when it is a path of this app
 * (`/flows/123`), never another site (`//evil.example`, `https://…`) — an open redirect.
 */
export function safeNextPath(next: string, fallback = '/'): string {
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/setup')) return fallback;
  return next;
}

/** `/login?next=<current path>` for a page that needs a session. */
export function loginPathFor(current: string): string {
  return current === '/' || current === '' ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}
