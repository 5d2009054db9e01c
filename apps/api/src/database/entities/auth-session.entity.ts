import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from './user.entity.js';

/**
 * A signed-in session (the builder's cookie or a bearer token). Not tenant data: a session
 * belongs to a user, who may switch workspaces. The token itself is never stored.
 */
@Entity({ name: 'auth_sessions' })
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_auth_sessions_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** SHA-256 (hex) of the session token. */
  @Index('uq_auth_sessions_token_hash', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /**
   * The workspace this session last worked in: the default when a request names none
   * (`X-Workspace-Id`). A preference only, re-checked against memberships on every use, so it
   * needs no foreign key.
   */
  @Column({ type: 'uuid', nullable: true })
  currentWorkspaceId!: string | null;
}
