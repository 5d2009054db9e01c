import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Workspace } from './workspace.entity.js';

/** A survey answer, by the engine's effect id: the optional comment later updates the same row. */
@Entity({ name: 'survey_responses' })
@Index('uq_survey_responses_effect_id', ['effectId'], { unique: true })
@Index('idx_survey_responses_workspace_id_recorded_at', ['workspaceId', 'recordedAt'])
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 255 })
  effectId!: string;

  /** Kept when a session is deleted: metrics outlive it. */
  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'uuid' })
  flowId!: string;

  @Column({ type: 'uuid' })
  contactId!: string;

  @Column({ type: 'varchar', length: 255 })
  nodeId!: string;

  /** nps, csat, ces. */
  @Column({ type: 'varchar', length: 8 })
  kind!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;
}
