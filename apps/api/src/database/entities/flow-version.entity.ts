import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, CreateDateColumn, type Relation } from 'typeorm';
import { Flow } from './flow.entity.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

/**
 * An immutable published version of a flow, numbered 1, 2, 3… per flow. Running sessions stay
 * pinned to the version they started on, so rows here are never updated.
 */
@Entity({ name: 'flow_versions' })
@Index('uq_flow_versions_flow_id_version', ['flowId', 'version'], { unique: true })
@Check('chk_flow_versions_version', '"version" >= 1')
export class FlowVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_flow_versions_workspace_id')
  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'uuid' })
  flowId!: string;

  @ManyToOne(() => Flow, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'flow_id' })
  flow?: Relation<Flow>;

  @Column({ type: 'integer' })
  version!: number;

  /** The flow document as published (validated and linted without errors). */
  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'published_by' })
  publisher?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}
