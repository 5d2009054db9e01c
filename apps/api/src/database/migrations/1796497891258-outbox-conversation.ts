import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxConversation1796497891258 implements MigrationInterface {
  name = 'OutboxConversation1796497891258';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Every row belongs to a session, and every session to a conversation: rows written before
    // this migration take their session's.
    await queryRunner.query(`ALTER TABLE "outbox" ADD "conversation_id" uuid`);
    await queryRunner.query(`UPDATE "outbox" o SET "conversation_id" = s."conversation_id" FROM "flow_sessions" s WHERE s."id" = o."session_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" ALTER COLUMN "conversation_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending_conversation_id_created_at" ON "outbox" ("conversation_id", "created_at") WHERE "status" = 'pending'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending_conversation_id_created_at"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "conversation_id"`);
  }
}
