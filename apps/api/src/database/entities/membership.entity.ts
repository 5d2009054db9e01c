import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ROLES, type Role } from '../../security/roles.js';
import { sqlOneOf } from './sql-check.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

/** A user's role in a workspace; one per (workspace, user). */
@Entity({ name: 'memberships' })
@Index('uq_memberships_workspace_id_user_id', ['workspaceId', 'userId'], { unique: true })
@Check('chk_memberships_role', sqlOneOf('role', ROLES))
export class Membership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  workspaceId!: string;

  @ManyToOne(() => Workspace, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'workspace_id' })
  workspace?: Relation<Workspace>;

  /** "Which workspaces am I in" looks members up by user. */
  @Index('idx_memberships_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
