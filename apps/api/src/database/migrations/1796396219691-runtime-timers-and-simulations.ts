import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RuntimeTimersAndSimulations1796396219691 implements MigrationInterface {
  name = 'RuntimeTimersAndSimulations1796396219691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversations" ADD "simulated_flow_id" uuid`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" ADD "document" jsonb`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD "armed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD "error" text`);
    // TypeORM's diff does not compare CHECK expressions: the new 'failed' status by hand.
    await queryRunner.query(`ALTER TABLE "session_timers" DROP CONSTRAINT "chk_session_timers_status"`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD CONSTRAINT "chk_session_timers_status" CHECK ("status" IN ('pending', 'fired', 'cancelled', 'stale', 'failed'))`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "fk_conversations_simulated_flow_id" FOREIGN KEY ("simulated_flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "fk_conversations_simulated_flow_id"`);
    await queryRunner.query(`ALTER TABLE "session_timers" DROP CONSTRAINT "chk_session_timers_status"`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD CONSTRAINT "chk_session_timers_status" CHECK ("status" IN ('pending', 'fired', 'cancelled', 'stale'))`);
    await queryRunner.query(`ALTER TABLE "session_timers" DROP COLUMN "error"`);
    await queryRunner.query(`ALTER TABLE "session_timers" DROP COLUMN "armed_at"`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" DROP COLUMN "document"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP COLUMN "simulated_flow_id"`);
  }
}
