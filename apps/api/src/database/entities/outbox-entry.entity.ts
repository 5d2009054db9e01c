import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FlowSession } from './flow-session.entity.js';
import { sqlOneOf } from './sql-check.js';

export const OUTBOX_STATUSES = ['pending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * An effect the engine produced, committed with the state change that produced it. `effect_id`
 * is the engine's deterministic id: the idempotency key of the send or call that performs it.
 */
@Entity({ name: 'outbox' })
@Index('uq_outbox_effect_id', ['effectId'], { unique: true })
// The sweep's (oldest pending first). Its predicate names created_at, so only statements that bound
// created_at can use it, never a look-up of one conversation's pending rows (migration OutboxSweepIndex).
@Index('idx_outbox_pending_created_at', ['createdAt'], { where: `"status" = 'pending' AND "created_at" IS NOT NULL` })
@Index('idx_outbox_pending_conversation_id_created_at', ['conversationId', 'createdAt'], { where: `"status" = 'pending'` })
@Check('chk_outbox_status', sqlOneOf('status', OUTBOX_STATUSES))
export class OutboxEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Index('idx_outbox_session_id')
  @Column({ type: 'uuid' })
  sessionId!: string;

  /**
   * The row's session and its workspace, one composite key: a row cannot name another
   * workspace than its session's, it goes when its session goes (and so with its workspace), and
   * each row costs one foreign-key check instead of two.
   */
  @ManyToOne(() => FlowSession, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'session_id', referencedColumnName: 'id' },
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
  ])
  session?: Relation<FlowSession>;

  /**
   * The session's conversation, kept on the row: what is still pending for one conversation
   * (its sends go out in order, one sender at a time) is found through an index, not by
   * reading every pending row of every workspace. No foreign key of its own: the row goes
   * with its session, and the session with its conversation.
   */
  @Column({ type: 'uuid' })
  conversationId!: string;

  @Column({ type: 'varchar', length: 255 })
  effectId!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  /**
   * A send job's lease on this row: while it holds, no other job sends it. A lease instead of
   * a lock held across the provider call, so no database connection waits on a provider; a
   * job that dies leaves a lease that simply expires.
   */
  @Column({ type: 'timestamptz', nullable: true })
  claimedUntil!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  claimToken!: string | null;
}
