import type { MigrationInterface, QueryRunner } from 'typeorm';

/** External and commerce events (POST /api/events), stored once per (workspace, caller id). */
export class ExternalEvents1795418786870 implements MigrationInterface {
  name = 'ExternalEvents1795418786870';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "external_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "external_id" character varying(255) NOT NULL, "name" character varying(100) NOT NULL, "contact" jsonb NOT NULL, "data" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'received', "outcome" jsonb, "error" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_external_events_status" CHECK ("status" IN ('received', 'processed', 'ignored', 'failed')), CONSTRAINT "pk_external_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_external_events_workspace_id_external_id" ON "external_events"  ("workspace_id", "external_id") `);
    await queryRunner.query(`ALTER TABLE "external_events" ADD CONSTRAINT "fk_external_events_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "external_events" DROP CONSTRAINT "fk_external_events_workspace_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_external_events_workspace_id_external_id"`);
    await queryRunner.query(`DROP TABLE "external_events"`);
  }
}
