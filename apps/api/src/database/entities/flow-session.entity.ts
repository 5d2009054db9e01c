import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { Conversation } from './conversation.entity.js';
import { Flow } from './flow.entity.js';
import { sqlOneOf } from './sql-check.js';
import { Workspace } from './workspace.entity.js';

export const FLOW_SESSION_STATUSES = ['active', 'waiting', 'handoff', 'ended'] as const;
export type FlowSessionStatus = (typeof FLOW_SESSION_STATUSES)[number];

/**
 * A run of a flow in a conversation, pinned to the version it started on. `state` is the
 * engine's SessionState; `version` is bumped on every save, and a save names the version it
 * read (optimistic check on top of the per-conversation lock). One running session per
 * conversation (a partial unique index).
 */
@Entity({ name: 'flow_sessions' })
@Index('uq_flow_sessions_running_conversation_id', ['conversationId'], { unique: true, where: `"status" <> 'ended'` })
@Index('idx_flow_sessions_workspace_id_flow_id', ['workspaceId', 'flowId'])
// What a session's run log and outbox rows reference: the session and its workspace together.
@Unique('uq_flow_sessions_id_workspace_id', ['id', 'workspaceId'])
@Check('chk_flow_sessions_status', sqlOneOf('status', FLOW_SESSION_STATUSES))
export class FlowSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<Conversation>;

  @Column({ type: 'uuid' })
  flowId!: string;

  @ManyToOne(() => Flow, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'flow_id' })
  flow?: Relation<Flow>;

  /** The flow_versions.version the session runs on; publishing a newer one does not move it. */
  @Column({ type: 'integer' })
  flowVersion!: number;

  @Column({ type: 'jsonb' })
  state!: Record<string, unknown>;

  /**
   * The flow document a simulation runs (the draft as it was when the simulation started);
   * null for real sessions, which run the published version `flowVersion` names.
   */
  @Column({ type: 'jsonb', nullable: true })
  document!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 16 })
  status!: FlowSessionStatus;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
