import type { DataSource } from 'typeorm';
import { SessionRepository, type ActiveSessionRow as Row } from './session.repository.js';

/** A DataSource whose statements are recorded and answered by hand, from `table`. */
function heldDataSource(table: Row[]) {
  const statements: { params: unknown[]; answer: () => void }[] = [];
  const dataSource = {
    query: (_sql: string, params: unknown[]) =>
      new Promise<Row[]>((resolve) => {
        const [hashes, since] = params as [string[], Date];
        statements.push({ params, answer: () => resolve(table.filter((row) => hashes.includes(row.token_hash) && row.expires_at > since)) });
      }),
  } as unknown as DataSource;
  return { dataSource, statements };
}

const row = (hash: string, expiresAt: Date): Row => ({
  token_hash: hash,
  expires_at: expiresAt,
  id: `session-${hash}`,
  user_id: `user-${hash}`,
  last_used_at: null,
  current_workspace_id: `workspace-${hash}`,
  current_role: 'editor',
});

describe('SessionRepository.findActive', () => {
  it('looks up sessions that arrive together in one statement, and answers each its own', async () => {
    const t0 = new Date('2026-12-06T10:00:00Z');
    const later = new Date(t0.getTime() + 5_000);
    const { dataSource, statements } = heldDataSource([row('a', new Date(t0.getTime() + 60_000)), row('b', new Date(t0.getTime() + 2_000)), row('c', new Date(t0.getTime() + 60_000))]);
    const sessions = new SessionRepository(dataSource);

    const first = sessions.findActive('a', t0);
    // These wait for the first statement to answer, then share one.
    const second = sessions.findActive('b', t0);
    const queued = [sessions.findActive('c', t0), sessions.findActive('b', later), sessions.findActive('missing', t0), sessions.findActive('a', later)];
    expect(statements).toHaveLength(1);
    statements[0]?.answer();
    await expect(first).resolves.toMatchObject({ id: 'session-a', userId: 'user-a', currentWorkspaceId: 'workspace-a', currentRole: 'editor' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(statements).toHaveLength(2);
    // One read as of the earliest time asked, each token once.
    expect(statements[1]?.params).toEqual([['b', 'c', 'missing', 'a'], t0]);
    statements[1]?.answer();
    await expect(second).resolves.toMatchObject({ id: 'session-b' });
    const [c, bLater, missing, aLater] = await Promise.all(queued);
    expect(c).toMatchObject({ id: 'session-c' });
    // b expires at t0 + 2 s: alive for the caller asking at t0, expired for the one asking 5 s later.
    expect(bLater).toBeNull();
    expect(missing).toBeNull();
    expect(aLater).toMatchObject({ id: 'session-a' });
  });
});
