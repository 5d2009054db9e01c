import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ROLES, type Role } from '../../security/roles.js';
import { sqlOneOf } from './sql-check.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

/** An invitation to join a workspace; the token is sent once and stored only as a hash. */
@Entity({ name: 'invitations' })
@Check('chk_invitations_role', sqlOneOf('role', ROLES))
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_invitations_workspace_id')
  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** SHA-256 (hex) of the token in the invitation link. */
  @Index('uq_invitations_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  tokenHash!: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<User> | null;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** Set when an admin revokes the invitation (or a newer one replaces it): the link stops working. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
