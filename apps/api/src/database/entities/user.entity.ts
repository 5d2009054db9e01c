import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person who signs in. Not tenant data: a user belongs to workspaces through memberships.
 * Emails are unique regardless of case: `uq_users_email_lower` is a unique index on
 * lower(email), created by the migration (TypeORM cannot describe expression indexes, so the
 * entity only names it to keep the schema builder's hands off).
 */
@Entity({ name: 'users' })
@Index('uq_users_email_lower', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** As typed at sign-up; compare with lower(). */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
