// API throughput and latency on the built product over loopback HTTP: draft saves, publishes
// and contact look-ups by a signed-in editor, each from 16 concurrent clients.
import { startBenchServer } from './api-server.js';
import { runLoad, type LoadResult } from './load.js';

const EMAIL = 'bench@example.com';
const PASSWORD = 'bench-password-3141';
const CONCURRENCY = 16;
const CONTACTS = 2_000;

interface FlowDetail {
  id: string;
  draftRevision: number;
  document: Record<string, unknown>;
}

export interface ApiBenchResult {
  database: string;
  contacts: number;
  concurrency: number;
  results: LoadResult[];
}

export async function benchApi(seconds = 5): Promise<ApiBenchResult> {
  const server = await startBenchServer({ ADMIN_EMAIL: EMAIL, ADMIN_PASSWORD: PASSWORD });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const call = (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

    // One flow per client, so saves never conflict with each other (each follows its revision).
    const flows: FlowDetail[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      const created = await call('POST', '/api/flows', { name: `Bench ${i}`, templateId: 'cart-recovery' });
      if (!created.ok) throw new Error(`create flow: ${created.status} ${await created.text()}`);
      flows.push((await created.json()) as FlowDetail);
    }

    // Contacts to search among.
    for (let i = 0; i < CONTACTS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, k) => {
          const n = i + k;
          const response = await call('POST', '/api/contacts', {
            name: `Cliente ${n} Souza`,
            email: `cliente${n}@example.com`,
            phone: `+55119${String(70000000 + n).padStart(8, '0')}`,
          });
          if (!response.ok) throw new Error(`create contact: ${response.status} ${await response.text()}`);
        }),
      );
    }

    const results: LoadResult[] = [];
    results.push(
      await runLoad({
        name: 'save flow draft (PUT /api/flows/:id/draft, cart-recovery document)',
        concurrency: CONCURRENCY,
        seconds,
        request: async (worker) => {
          const flow = flows[worker];
          if (!flow) return false;
          const response = await call('PUT', `/api/flows/${flow.id}/draft`, { document: flow.document, revision: flow.draftRevision });
          if (!response.ok) return false;
          flow.draftRevision = ((await response.json()) as { revision: number }).revision;
          return true;
        },
      }),
    );
    results.push(
      await runLoad({
        name: 'publish flow (POST /api/flows/:id/publish: lint + new version)',
        concurrency: CONCURRENCY,
        seconds,
        request: async (worker) => {
          const flow = flows[worker];
          if (!flow) return false;
          const response = await call('POST', `/api/flows/${flow.id}/publish`, {});
          await response.arrayBuffer();
          return response.ok;
        },
      }),
    );
    const searches = ['Cliente 1234', 'cliente77@example.com', '(11) 97000-0420', 'souza', '+5511970001999'];
    results.push(
      await runLoad({
        name: `contact lookup (GET /api/contacts?search=…, ${CONTACTS.toLocaleString('en-US')} contacts)`,
        concurrency: CONCURRENCY,
        seconds,
        request: async (worker, i) => {
          const term = searches[(worker + i) % searches.length] ?? '';
          const response = await call('GET', `/api/contacts?search=${encodeURIComponent(term)}&limit=20`);
          await response.arrayBuffer();
          return response.ok;
        },
      }),
    );
    return { database: server.database, contacts: CONTACTS, concurrency: CONCURRENCY, results };
  } finally {
    await server.stop();
  }
}
