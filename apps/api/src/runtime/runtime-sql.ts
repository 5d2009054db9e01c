import type { EntityManager } from 'typeorm';

/** What the runtime's repositories need of a connection or a transaction. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * Transaction-scoped advisory locks. Inbound processing takes the sender lock first (it
 * serialises finding/creating the contact and conversation and fixes the arrival order),
 * then the conversation lock; timers take only the conversation lock. One fixed order, so
 * the two paths cannot deadlock.
 */
export async function lockSender(tx: Queryable, key: { workspaceId: string; channel: string; sender: string }): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [senderLockKey(key)]);
}

/** The text a sender's lock is the hash of. */
export function senderLockKey(key: { workspaceId: string; channel: string; sender: string }): string {
  return `runtime:sender:${key.workspaceId}:${key.channel}:${key.sender}`;
}

export async function lockConversation(tx: Queryable, conversationId: string): Promise<void> {
  await tx.query(`SELECT ${conversationLockSql('$1::uuid')}`, [conversationId]);
}

/** The SQL that takes the conversation lock of the uuid `idExpression`, to take it inside another statement. */
export function conversationLockSql(idExpression: string): string {
  return `pg_advisory_xact_lock(hashtextextended('runtime:conversation:' || (${idExpression})::text, 0))`;
}

/*
 * Keyed status guards. A statement that finds a row by its key and guards it by a status that a
 * partial index is defined on (outbox and session_timers 'pending', inbound_events 'received')
 * writes the guard `status IS NOT DISTINCT FROM 'pending'`, not `status = 'pending'`. With the
 * equality PostgreSQL can use the partial index, and while its statistics say that index is
 * small it prefers it to the key's: it then reads every row the index holds and filters them by
 * key — every pending send of every workspace, to mark one sent (1 ms a statement with a few
 * hundred pending under `npm run bench:runtime`, growing with a burst until the statistics catch
 * up). The two guards mean the same on these NOT NULL columns; with this one the key's index is
 * the only way in. test/runtime/keyed-status-guard.spec.ts holds the statements to it.
 */
