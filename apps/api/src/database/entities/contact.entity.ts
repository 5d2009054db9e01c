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

export const OPT_IN_STATUSES = ['subscribed', 'unsubscribed', 'unknown'] as const;
export type OptInStatus = (typeof OPT_IN_STATUSES)[number];

/**
 * A customer of the shop. Exact lookups use (workspace_id, lower(email)) and (workspace_id,
 * phone); searching by part of a name, email or phone uses trigram indexes (pg_trgm) on
 * lower(name), lower(email) and phone, and on jornada_fold(name) (lower case, no accents) for
 * accent-insensitive name search. The expression and operator-class indexes are created
 * by the migration and only named here: TypeORM cannot describe them, and `synchronize: false`
 * keeps its schema builder from dropping them.
 */
@Entity({ name: 'contacts' })
@Index('idx_contacts_workspace_id_created_at', ['workspaceId', 'createdAt'])
@Index('idx_contacts_tags', ['tags'], { type: 'gin' })
@Index('idx_contacts_workspace_id_email_lower', { synchronize: false })
@Index('idx_contacts_workspace_id_phone', ['workspaceId', 'phone'])
@Index('idx_contacts_name_trgm', { synchronize: false })
@Index('idx_contacts_name_folded_trgm', { synchronize: false })
@Index('idx_contacts_email_trgm', { synchronize: false })
@Index('idx_contacts_phone_trgm', { synchronize: false })
@Check('chk_contacts_opt_in_status', sqlOneOf('opt_in_status', OPT_IN_STATUSES))
@Check('chk_contacts_phone_e164', `"phone" ~ '^\\+[1-9][0-9]{1,14}$'`)
export class Contact {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  firstName!: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  email!: string | null;

  /** E.164, e.g. +5511912345678 (a CHECK constraint holds the format). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  /** Custom attributes, read by flows as contact.<name>. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, unknown>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'varchar', length: 16, default: 'unknown' })
  optInStatus!: OptInStatus;

  /** When the contact last opted in (consent to business-initiated messages). */
  @Column({ type: 'timestamptz', nullable: true })
  optedInAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  optedOutAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
