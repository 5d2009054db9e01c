import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Conversation } from './conversation.entity.js';
import { sqlOneOf } from './sql-check.js';

export const MESSAGE_DIRECTIONS = ['in', 'out'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];
export const MESSAGE_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** One message of a conversation, either way. A provider's message id is stored once per channel. */
@Entity({ name: 'messages' })
@Index('idx_messages_conversation_id_created_at', ['conversationId', 'createdAt'])
@Index('uq_messages_workspace_id_channel_provider_message_id', ['workspaceId', 'channel', 'providerMessageId'], { unique: true })
@Check('chk_messages_direction', sqlOneOf('direction', MESSAGE_DIRECTIONS))
@Check('chk_messages_status', sqlOneOf('status', MESSAGE_STATUSES))
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @Column({ type: 'uuid' })
  conversationId!: string;

  /**
   * The row's conversation and its workspace, one composite key: a row cannot name another
   * workspace than its conversation's, it goes when its conversation goes (and so with its workspace), and
   * each row costs one foreign-key check instead of two.
   */
  @ManyToOne(() => Conversation, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn([
    { name: 'conversation_id', referencedColumnName: 'id' },
    { name: 'workspace_id', referencedColumnName: 'workspaceId' },
  ])
  conversation?: Relation<Conversation>;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  /** Insertion order: an inbound message and the replies of its step share created_at. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'varchar', length: 3 })
  direction!: MessageDirection;

  /** text, button, list, media, location, template… (the engine's message kinds). */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  /** The provider's id (inbound: from the webhook; outbound: once sent). NULLs never collide. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  providerMessageId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: MessageStatus;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** When the provider accepted an outbound message (response times, pacing); null until then. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
