import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { sqlOneOf } from './sql-check.js';
import { Workspace } from './workspace.entity.js';

export const INBOUND_EVENT_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;
export type InboundEventStatus = (typeof INBOUND_EVENT_STATUSES)[number];

/**
 * An inbound delivery (a customer's message), stored under the provider's key before it is
 * acknowledged: the unique index makes a redelivery a no-op. `sender` (the contact's id on the
 * channel) is the ordering key: events of one sender are processed in (received_at, seq) order.
 */
@Entity({ name: 'inbound_events' })
@Index('uq_inbound_events_workspace_id_channel_provider_key', ['workspaceId', 'channel', 'providerKey'], { unique: true })
@Index('idx_inbound_events_pending_by_sender', ['workspaceId', 'channel', 'sender', 'receivedAt', 'seq'], { where: `"status" = 'received'` })
@Check('chk_inbound_events_status', sqlOneOf('status', INBOUND_EVENT_STATUSES))
export class InboundEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  /** The provider's unique id for the delivery (e.g. WhatsApp's wamid). */
  @Column({ type: 'varchar', length: 255 })
  providerKey!: string;

  /** The contact's id on the channel (E.164 phone, provider user id). */
  @Column({ type: 'varchar', length: 255 })
  sender!: string;

  /** Arrival order among events with the same received_at (a sequence, unlike the uuid). */
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  /** The parsed message ({ message, contactName? }), see runtime/inbound-event-payload.ts. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status!: InboundEventStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
