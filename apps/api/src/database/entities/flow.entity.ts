import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { sqlOneOf } from './sql-check.js';
import { Workspace } from './workspace.entity.js';

export const FLOW_STATUSES = ['draft', 'published'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/**
 * A journey flow: its editable draft (a flow document) and a pointer to the published version.
 * `draftRevision` is the optimistic-concurrency counter: a save names the revision it started
 * from and is refused (409) when another save came first. Soft-deleted (`deletedAt`).
 */
@Entity({ name: 'flows' })
@Index('idx_flows_workspace_id_updated_at', ['workspaceId', 'updatedAt'])
@Check('chk_flows_status', sqlOneOf('status', FLOW_STATUSES))
@Check('chk_flows_draft_revision', '"draft_revision" >= 1')
export class Flow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  /** The flow document being edited (schemaVersion, nodes, edges, variables, triggers, ui). */
  @Column({ type: 'jsonb' })
  draft!: Record<string, unknown>;

  @Column({ type: 'integer', default: 1 })
  draftRevision!: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: FlowStatus;

  /** The number of the published version new sessions start on; null until the first publish. */
  @Column({ type: 'integer', nullable: true })
  currentVersion!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
