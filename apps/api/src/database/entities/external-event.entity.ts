import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { sqlOneOf } from './sql-check.js';
import { Workspace } from './workspace.entity.js';

export const EXTERNAL_EVENT_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;
export type ExternalEventStatus = (typeof EXTERNAL_EVENT_STATUSES)[number];

/**
 * An external or commerce event (`POST /api/events`: cart.abandoned, order.created, any
 * `namespace.event`), stored under the caller's idempotency key before it is acknowledged:
 * the unique index makes a repeated post a no-op. The `events` queue routes it to the
 * sessions waiting for it and the flows it starts (runtime/external-events/).
 */
@Entity({ name: 'external_events' })
@Index('uq_external_events_workspace_id_external_id', ['workspaceId', 'externalId'], { unique: true })
@Check('chk_external_events_status', sqlOneOf('status', EXTERNAL_EVENT_STATUSES))
export class ExternalEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  /** The caller's idempotency key (`id` in the request). */
  @Column({ type: 'varchar', length: 255 })
  externalId!: string;

  /** `namespace.event`, e.g. order.created. */
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Who it is about: { phone?, email?, externalId?, name? } as posted. */
  @Column({ type: 'jsonb' })
  contact!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status!: ExternalEventStatus;

  /** What routing did: sessions resumed, flows started, and why a flow was skipped. */
  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
