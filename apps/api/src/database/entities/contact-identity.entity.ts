import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Contact } from './contact.entity.js';
import { Workspace } from './workspace.entity.js';

/**
 * How a contact is known on one channel: a WhatsApp number, an email address, a Telegram or
 * Messenger id. Inbound messages find their contact through (workspace, channel, external id).
 */
@Entity({ name: 'contact_identities' })
@Index('uq_contact_identities_workspace_id_channel_external_id', ['workspaceId', 'channel', 'externalId'], { unique: true })
export class ContactIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Index('idx_contact_identities_contact_id')
  @Column({ type: 'uuid' })
  contactId!: string;

  @ManyToOne(() => Contact, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'contact_id' })
  contact?: Relation<Contact>;

  /** Channel type: whatsapp, sms, email, telegram, messenger, instagram, webchat… */
  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  /** The provider's id for the contact: E.164 phone, email, or a provider user id. */
  @Column({ type: 'varchar', length: 255 })
  externalId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
