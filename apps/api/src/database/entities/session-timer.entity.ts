import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FlowSession } from './flow-session.entity.js';
import { sqlOneOf } from './sql-check.js';
import { Workspace } from './workspace.entity.js';

export const SESSION_TIMER_STATUSES = ['pending', 'fired', 'cancelled', 'stale', 'failed'] as const;
export type SessionTimerStatus = (typeof SESSION_TIMER_STATUSES)[number];

/** A durable timer of a session; `timer_id` is the engine's id. Due ones are re-armed from here. */
@Entity({ name: 'session_timers' })
@Index('uq_session_timers_timer_id', ['timerId'], { unique: true })
@Index('idx_session_timers_pending_fire_at', ['fireAt'], { where: `"status" = 'pending'` })
@Check('chk_session_timers_status', sqlOneOf('status', SESSION_TIMER_STATUSES))
export class SessionTimer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('idx_session_timers_session_id')
  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => FlowSession, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<FlowSession>;

  @Column({ type: 'varchar', length: 255 })
  timerId!: string;

  @Column({ type: 'varchar', length: 255 })
  nodeId!: string;

  @Column({ type: 'timestamptz' })
  fireAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: SessionTimerStatus;

  @Column({ type: 'timestamptz', nullable: true })
  firedAt!: Date | null;

  /**
   * When a delayed job was last created for it. Only timers due within the dispatcher's
   * horizon get a job; the rest wait here, so a million pending timers cost Redis nothing.
   */
  @Column({ type: 'timestamptz', nullable: true })
  armedAt!: Date | null;

  /** Why firing failed for good (status `failed`). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
