import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ROLES, type Role } from '../../security/roles.js';
import { sqlOneOf } from './sql-check.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

/** A workspace API key for server-to-server calls: shown once, stored hashed, revocable. */
@Entity({ name: 'api_keys' })
@Check('chk_api_keys_role', sqlOneOf('role', ROLES))
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('idx_api_keys_workspace_id')
  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The first characters of the key, shown in lists so a person can tell keys apart. */
  @Column({ type: 'varchar', length: 32 })
  prefix!: string;

  /** SHA-256 (hex) of the whole key. */
  @Index('uq_api_keys_key_hash', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  keyHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
