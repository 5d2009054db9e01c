import type { MigrationInterface, QueryRunner } from 'typeorm';

// The sweep's index of pending outbox rows (oldest first) only serves statements that bound
// created_at. Its predicate now says so (created_at IS NOT NULL, which any bound on created_at
// implies), so the statements that look up one conversation's pending rows can no longer take it.
// They did when the statistics said few rows were pending: the index looked small, and the
// planner scanned every pending row in creation order to find one conversation's — all of them
// under a backlog (a provider outage), or the dead entries rows done since had left behind.

export class OutboxSweepIndex1796678400000 implements MigrationInterface {
  name = 'OutboxSweepIndex1796678400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending_created_at"`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending_created_at" ON "outbox" ("created_at") WHERE "status" = 'pending' AND "created_at" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending_created_at"`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending_created_at" ON "outbox" ("created_at") WHERE "status" = 'pending'`);
  }
}
