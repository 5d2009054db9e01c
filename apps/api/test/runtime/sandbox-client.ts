import { setTimeout as sleep } from 'node:timers/promises';

/** A message of a sandbox thread, as GET /api/sandbox/conversations/:id/messages returns it. */
export interface ThreadMessage {
  id: string;
  direction: 'in' | 'out';
  kind: string;
  content: Record<string, unknown>;
  status: string;
  providerMessageId: string | null;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, { timeoutMs = 10_000, what = 'condition' }: { timeoutMs?: number; what?: string } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${String(timeoutMs)} ms`);
    await sleep(50);
  }
}

/** Server-sent events as received so far: `event:` name and parsed `data:`. */
export function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n'))
    .map((lines) => ({
      event: lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message',
      data: lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n'),
    }))
    .filter((e) => e.data !== '')
    .map((e) => ({ event: e.event, data: JSON.parse(e.data) as unknown }));
}

export const textOf = (m: ThreadMessage): unknown => m.content['text'];

/**
 * The sandbox channel over HTTP, as a simulated customer uses it: open a conversation, post
 * messages, read the thread, wait for the bot's replies. `baseUrl()` is read on every call, so
 * the client survives an app restart in the test.
 */
export class SandboxClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly headers: Readonly<Record<string, string>> = {},
  ) {}

  async post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.baseUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  async get<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl()}${path}`, { headers: this.headers });
    return { status: response.status, body: (await response.json()) as T };
  }

  async newConversation(contactName = 'Ana Souza'): Promise<string> {
    const created = await this.post('/api/sandbox/conversations', { contactName });
    if (created.status !== 201 && created.status !== 200) throw new Error(`creating a sandbox conversation answered ${String(created.status)}`);
    return created.body['id'] as string;
  }

  async say(conversationId: string, message: { text: string; messageId?: string } | { buttonId: string; title: string }): Promise<{ status: number; body: Record<string, unknown> }> {
    return this.post(`/api/sandbox/conversations/${conversationId}/messages`, message);
  }

  async thread(conversationId: string): Promise<ThreadMessage[]> {
    return (await this.get<ThreadMessage[]>(`/api/sandbox/conversations/${conversationId}/messages`)).body;
  }

  /** Waits until at least `count` outbound messages exist and all are sent; returns them. */
  async sentOut(conversationId: string, count: number, timeoutMs = 10_000): Promise<ThreadMessage[]> {
    return eventually(
      async () => {
        const out = (await this.thread(conversationId)).filter((m) => m.direction === 'out');
        return out.length >= count && out.every((m) => m.status === 'sent') ? out : undefined;
      },
      { timeoutMs, what: `${String(count)} sent message(s)` },
    );
  }
}
