import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schema of issue #3: accounts, workspaces, flows and their versions, contacts. Generated
 * from the entities (npm run db:migration:generate), plus what TypeORM cannot describe: the
 * pg_trgm extension, the case-insensitive unique email index and the search indexes.
 */
export class InitialSchema1795414761489 implements MigrationInterface {
  name = 'InitialSchema1795414761489';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram search (contacts by part of a name, email or phone). A trusted extension: the
    // database owner may create it without superuser rights (PostgreSQL 13+).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "password_hash" character varying(255) NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_users" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "workspaces" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "slug" character varying(100) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'UTC', "locale" character varying(35) NOT NULL DEFAULT 'en', "currency" character(3) NOT NULL DEFAULT 'USD', "country" character(2), "business_hours" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_workspaces" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_workspaces_slug" ON "workspaces"  ("slug") `);
    await queryRunner.query(`CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "prefix" character varying(32) NOT NULL, "key_hash" character varying(128) NOT NULL, "role" character varying(16) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_api_keys_role" CHECK ("role" IN ('owner', 'admin', 'editor', 'agent')), CONSTRAINT "pk_api_keys" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_api_keys_workspace_id" ON "api_keys"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys"  ("key_hash") `);
    await queryRunner.query(`CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_auth_sessions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_auth_sessions_user_id" ON "auth_sessions"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_auth_sessions_token_hash" ON "auth_sessions"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" character varying(200), "first_name" character varying(100), "email" character varying(320), "phone" character varying(16), "attributes" jsonb NOT NULL DEFAULT '{}', "tags" text array NOT NULL DEFAULT '{}', "opt_in_status" character varying(16) NOT NULL DEFAULT 'unknown', "opted_out_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_contacts_phone_e164" CHECK ("phone" ~ '^\\+[1-9][0-9]{1,14}$'), CONSTRAINT "chk_contacts_opt_in_status" CHECK ("opt_in_status" IN ('subscribed', 'unsubscribed', 'unknown')), CONSTRAINT "pk_contacts" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_contacts_workspace_id_phone" ON "contacts"  ("workspace_id", "phone") `);
    await queryRunner.query(`CREATE INDEX "idx_contacts_tags" ON "contacts" USING gin ("tags") `);
    await queryRunner.query(`CREATE INDEX "idx_contacts_workspace_id_created_at" ON "contacts"  ("workspace_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "contact_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "external_id" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_contact_identities" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_contact_identities_contact_id" ON "contact_identities"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_contact_identities_workspace_id_channel_external_id" ON "contact_identities"  ("workspace_id", "channel", "external_id") `);
    await queryRunner.query(`CREATE TABLE "flows" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "draft" jsonb NOT NULL, "draft_revision" integer NOT NULL DEFAULT '1', "status" character varying(16) NOT NULL DEFAULT 'draft', "current_version" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_flows_draft_revision" CHECK ("draft_revision" >= 1), CONSTRAINT "chk_flows_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "pk_flows" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_flows_workspace_id_updated_at" ON "flows"  ("workspace_id", "updated_at") `);
    await queryRunner.query(`CREATE TABLE "flow_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "flow_id" uuid NOT NULL, "version" integer NOT NULL, "document" jsonb NOT NULL, "published_by" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_flow_versions_version" CHECK ("version" >= 1), CONSTRAINT "pk_flow_versions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_flow_versions_workspace_id" ON "flow_versions"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_flow_versions_flow_id_version" ON "flow_versions"  ("flow_id", "version") `);
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "email" character varying(320) NOT NULL, "role" character varying(16) NOT NULL, "token_hash" character varying(128) NOT NULL, "invited_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_invitations_role" CHECK ("role" IN ('owner', 'admin', 'editor', 'agent')), CONSTRAINT "pk_invitations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_invitations_workspace_id" ON "invitations"  ("workspace_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invitations_token_hash" ON "invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_memberships_role" CHECK ("role" IN ('owner', 'admin', 'editor', 'agent')), CONSTRAINT "pk_memberships" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_memberships_user_id" ON "memberships"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_memberships_workspace_id_user_id" ON "memberships"  ("workspace_id", "user_id") `);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD CONSTRAINT "fk_auth_sessions_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contacts" ADD CONSTRAINT "fk_contacts_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_identities" ADD CONSTRAINT "fk_contact_identities_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contact_identities" ADD CONSTRAINT "fk_contact_identities_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flows" ADD CONSTRAINT "fk_flows_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_versions" ADD CONSTRAINT "fk_flow_versions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_versions" ADD CONSTRAINT "fk_flow_versions_flow_id" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_versions" ADD CONSTRAINT "fk_flow_versions_published_by" FOREIGN KEY ("published_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "fk_invitations_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "fk_invitations_invited_by" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Written by hand: expression and operator-class indexes (named in the entities with
    // `synchronize: false`).
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email_lower" ON "users" (lower("email"))`);
    await queryRunner.query(`CREATE INDEX "idx_contacts_workspace_id_email_lower" ON "contacts" ("workspace_id", lower("email"))`);
    await queryRunner.query(`CREATE INDEX "idx_contacts_name_trgm" ON "contacts" USING gin (lower("name") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_contacts_email_trgm" ON "contacts" USING gin (lower("email") gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "idx_contacts_phone_trgm" ON "contacts" USING gin ("phone" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_phone_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_email_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_workspace_id_email_lower"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_email_lower"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user_id"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "fk_invitations_invited_by"`);
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "fk_invitations_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "flow_versions" DROP CONSTRAINT "fk_flow_versions_published_by"`);
    await queryRunner.query(`ALTER TABLE "flow_versions" DROP CONSTRAINT "fk_flow_versions_flow_id"`);
    await queryRunner.query(`ALTER TABLE "flow_versions" DROP CONSTRAINT "fk_flow_versions_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "flows" DROP CONSTRAINT "fk_flows_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "contact_identities" DROP CONSTRAINT "fk_contact_identities_contact_id"`);
    await queryRunner.query(`ALTER TABLE "contact_identities" DROP CONSTRAINT "fk_contact_identities_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "fk_contacts_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "fk_auth_sessions_user_id"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_created_by"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "fk_api_keys_workspace_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_memberships_workspace_id_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_memberships_user_id"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invitations_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_invitations_workspace_id"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP INDEX "public"."uq_flow_versions_flow_id_version"`);
    await queryRunner.query(`DROP INDEX "public"."idx_flow_versions_workspace_id"`);
    await queryRunner.query(`DROP TABLE "flow_versions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_flows_workspace_id_updated_at"`);
    await queryRunner.query(`DROP TABLE "flows"`);
    await queryRunner.query(`DROP INDEX "public"."uq_contact_identities_workspace_id_channel_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contact_identities_contact_id"`);
    await queryRunner.query(`DROP TABLE "contact_identities"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_workspace_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_tags"`);
    await queryRunner.query(`DROP INDEX "public"."idx_contacts_workspace_id_phone"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_auth_sessions_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_auth_sessions_user_id"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_api_keys_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."idx_api_keys_workspace_id"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."uq_workspaces_slug"`);
    await queryRunner.query(`DROP TABLE "workspaces"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
