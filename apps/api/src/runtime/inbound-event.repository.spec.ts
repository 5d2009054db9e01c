import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { InboundEventRepository } from './inbound-event.repository.js';

const STORED = '6f1c1a52-7d2e-4c1b-9a39-2f0f3c1d0e01';
const OTHER = '6f1c1a52-7d2e-4c1b-9a39-2f0f3c1d0e02';

/** The repository over a DataSource that answers the insert with STORED and a read with OTHER's row, counting statements. */
function repositoryWithFakeDatabase(role: 'all' | 'api' = 'all') {
  const statements: string[] = [];
  const dataSource = {
    query: (sql: string) => {
      statements.push(sql.includes('INSERT INTO inbound_events') ? 'insert' : 'read');
      if (sql.includes('INSERT INTO inbound_events')) return Promise.resolve([{ id: STORED, ord: '1' }]);
      return Promise.resolve([{ id: OTHER, workspace_id: 'ws', channel: 'whatsapp', sender: '+5511999990000' }]);
    },
  };
  return { repository: new InboundEventRepository(dataSource as unknown as DataSource, { role }), statements };
}

describe('InboundEventRepository.findSender', () => {
  it('answers the sender of an event this process just stored without reading it, once; others are read', async () => {
    const { repository, statements } = repositoryWithFakeDatabase();
    const id = await repository.insert({ workspaceId: 'ws', channel: 'sandbox', providerKey: 'p1', sender: 'visitor-1', payload: {}, receivedAt: new Date() });
    expect(id).toBe(STORED);
    expect(await repository.findSender(STORED)).toEqual({ workspaceId: 'ws', channel: 'sandbox', sender: 'visitor-1' });
    expect(statements).toEqual(['insert']);
    // Forgotten once answered (a retried job reads it), and an event stored elsewhere is read.
    await repository.findSender(STORED);
    expect(statements).toEqual(['insert', 'read']);
    expect(await repository.findSender(OTHER)).toEqual({ workspaceId: 'ws', channel: 'whatsapp', sender: '+5511999990000' });
    expect(statements).toEqual(['insert', 'read', 'read']);
  });

  it('remembers nothing in a process that runs no jobs (ROLE=api): its events are read by the workers', async () => {
    const { repository, statements } = repositoryWithFakeDatabase('api');
    await repository.insert({ workspaceId: 'ws', channel: 'sandbox', providerKey: 'p1', sender: 'visitor-1', payload: {}, receivedAt: new Date() });
    await repository.findSender(STORED);
    expect(statements).toEqual(['insert', 'read']);
  });
});
