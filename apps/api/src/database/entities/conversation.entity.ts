import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { Contact } from './contact.entity.js';
import { Flow } from './flow.entity.js';
import { sqlOneOf } from './sql-check.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

export const CONVERSATION_STATUSES = ['open', 'handoff', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const CONVERSATION_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type ConversationPriority = (typeof CONVERSATION_PRIORITIES)[number];

/**
 * A contact's thread on one channel. At most one conversation per (contact, channel) is not
 * resolved (a partial unique index): inbound messages land in it, or open a new one.
 */
@Entity({ name: 'conversations' })
// The inbox's way in: status and priority change only when a person takes or gives back the
// conversation, so the update every inbound message makes (last_inbound_at, updated_at) stays HOT.
@Index('idx_conversations_workspace_id_status_priority', ['workspaceId', 'status', 'priority'])
@Index('uq_conversations_live_contact_channel', ['workspaceId', 'contactId', 'channel'], { unique: true, where: `"status" <> 'resolved'` })
// What a conversation's messages reference: the conversation and its workspace together.
@Unique('uq_conversations_id_workspace_id', ['id', 'workspaceId'])
@Check('chk_conversations_status', sqlOneOf('status', CONVERSATION_STATUSES))
@Check('chk_conversations_priority', sqlOneOf('priority', CONVERSATION_PRIORITIES))
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('idx_conversations_contact_id')
  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  /** Channel type (whatsapp, sandbox…), as in contact_identities. */
  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ConversationStatus;

  @Column({ type: 'uuid', nullable: true })
  assignedAgentId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assigned_agent_id' })
  assignedAgent?: Relation<User> | null;

  @Column({ type: 'varchar', length: 16, default: 'normal' })
  priority!: ConversationPriority;

  /**
   * Set on the builder's simulator conversations (sandbox channel): the flow whose draft they
   * simulate. Such a conversation never starts published flows, and metrics leave it out.
   */
  @Column({ type: 'uuid', nullable: true })
  simulatedFlowId!: string | null;

  @ManyToOne(() => Flow, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'simulated_flow_id' })
  simulatedFlow?: Relation<Flow> | null;

  /** The customer's latest message: WhatsApp allows free-form replies for 24 h after it. */
  @Column({ type: 'timestamptz', nullable: true })
  lastInboundAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
