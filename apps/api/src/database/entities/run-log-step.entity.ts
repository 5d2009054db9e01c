import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FlowSession } from './flow-session.entity.js';

/** One entry of a step's run log: what happened, and its details. */
export interface RunLogEntryRecord {
  /** event, node, send, timer, handoff, log, error, end… */
  readonly kind: string;
  readonly data: Record<string, unknown>;
}

/**
 * What happened in a session, one row per step (or per runtime event: an HTTP result, a failed
 * send), in order (`seq`): its entries — the event, the nodes entered, the messages sent, errors —
 * in the engine's order, at most 1000 a row. Read entry by entry through the view
 * `run_log_entries` (migration RunLogStepRows), whose `seq` numbers each entry.
 */
@Entity({ name: 'run_log' })
export class RunLogStep {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

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

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  entries!: RunLogEntryRecord[];
}
