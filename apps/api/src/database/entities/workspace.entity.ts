import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Weekly opening hours, in the workspace's time zone (same shape the flow engine reads). */
export type BusinessHours = Record<string, unknown>;

/** The tenant: every tenant table carries `workspace_id` pointing here. */
@Entity({ name: 'workspaces' })
export class Workspace {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** URL-safe, unique across the installation. */
  @Index('uq_workspaces_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  /** IANA time zone, e.g. America/Sao_Paulo. */
  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone!: string;

  /** BCP 47 language tag, e.g. pt-BR. */
  @Column({ type: 'varchar', length: 35, default: 'en' })
  locale!: string;

  /** ISO 4217 code, e.g. BRL. */
  @Column({ type: 'char', length: 3, default: 'USD' })
  currency!: string;

  /** ISO 3166-1 alpha-2 code, e.g. BR: the default region for phone numbers. */
  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  businessHours!: BusinessHours | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
