import type { MigrationInterface, QueryRunner } from 'typeorm';

// The run log keeps one row per step instead of one per entry: a step's entries (event, nodes
// entered, sends, timers, end…) are one jsonb array, in the engine's order. A step wrote six rows,
// each with a random-uuid key, two index entries and a foreign-key check — the largest part of the
// busiest statement (benchmarks.md). The key is now (session_id, seq), the index the log is read
// by; the uuid goes. Entries are read through the view run_log_entries, whose `seq` numbers each
// entry (row seq × 1000 + its place; a row holds at most 1000) and whose `step_seq` is the row's,
// for the index: an entry after `seq` N is in a row at or after N / 1000. Existing rows become one-entry
// rows: the UPDATE rewrites the table, so on a large deployment run it in a quiet hour
// (deployment.md).

export class RunLogStepRows1796671200000 implements MigrationInterface {
  name = 'RunLogStepRows1796671200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "run_log" ADD "entries" jsonb`);
    await queryRunner.query(`UPDATE "run_log" SET "entries" = jsonb_build_array(jsonb_build_object('kind', "kind", 'data', "data"))`);
    await queryRunner.query(`ALTER TABLE "run_log" ALTER COLUMN "entries" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP COLUMN "kind"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP COLUMN "data"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "pk_run_log"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP COLUMN "id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_run_log_session_id_seq"`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "pk_run_log" PRIMARY KEY ("session_id", "seq")`);
    await queryRunner.query(
      `CREATE VIEW "run_log_entries" AS
         SELECT l.workspace_id, l.session_id, l.seq AS step_seq, l.seq * 1000 + e.n - 1 AS seq, l.at, e.entry->>'kind' AS kind, e.entry->'data' AS data
           FROM "run_log" l CROSS JOIN LATERAL jsonb_array_elements(l.entries) WITH ORDINALITY AS e(entry, n)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "run_log_entries"`);
    await queryRunner.query(`ALTER TABLE "run_log" RENAME TO "run_log_steps"`);
    await queryRunner.query(`ALTER TABLE "run_log_steps" RENAME CONSTRAINT "pk_run_log" TO "pk_run_log_steps"`);
    await queryRunner.query(`ALTER TABLE "run_log_steps" RENAME CONSTRAINT "fk_run_log_session_id_workspace_id" TO "fk_run_log_steps_session_id_workspace_id"`);
    await queryRunner.query(`ALTER SEQUENCE "run_log_seq_seq" RENAME TO "run_log_steps_seq_seq"`);
    await queryRunner.query(`CREATE TABLE "run_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "session_id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" character varying(32) NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "pk_run_log" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `INSERT INTO "run_log" ("workspace_id", "session_id", "at", "kind", "data")
       SELECT l.workspace_id, l.session_id, l.at, e.entry->>'kind', e.entry->'data'
         FROM "run_log_steps" l CROSS JOIN LATERAL jsonb_array_elements(l.entries) WITH ORDINALITY AS e(entry, n)
        ORDER BY l.seq, e.n`,
    );
    await queryRunner.query(`DROP TABLE "run_log_steps"`);
    await queryRunner.query(`CREATE INDEX "idx_run_log_session_id_seq" ON "run_log"  ("session_id", "seq") `);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_session_id_workspace_id" FOREIGN KEY ("session_id", "workspace_id") REFERENCES "flow_sessions"("id","workspace_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
