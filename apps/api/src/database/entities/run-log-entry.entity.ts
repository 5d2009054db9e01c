import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FlowSession } from './flow-session.entity.js';

/** What happened in a session, in order (`seq`): nodes entered, messages sent, errors, events. */
@Entity({ name: 'run_log' })
@Index('idx_run_log_session_id_seq', ['sessionId', 'seq'])
export class RunLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

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

  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** event, node, send, timer, handoff, log, error, end… */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
