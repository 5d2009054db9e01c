import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Workspace } from './workspace.entity.js';

/** Revenue a flow earned (a recovered cart, a repurchase), by the engine's effect id. */
@Entity({ name: 'conversions' })
@Index('uq_conversions_effect_id', ['effectId'], { unique: true })
@Index('idx_conversions_workspace_id_recorded_at', ['workspaceId', 'recordedAt'])
export class Conversion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 255 })
  effectId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'uuid' })
  flowId!: string;

  @Column({ type: 'uuid' })
  contactId!: string;

  @Column({ type: 'varchar', length: 255 })
  nodeId!: string;

  /** cart_recovered, repurchase, custom. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  value!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
