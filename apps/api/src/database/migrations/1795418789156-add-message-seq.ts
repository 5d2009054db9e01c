import type { MigrationInterface, QueryRunner } from 'typeorm';

/** messages.seq: insertion order, so a thread lists an inbound message before the replies of its step (same created_at). */
export class AddMessageSeq1795418789156 implements MigrationInterface {
  name = 'AddMessageSeq1795418789156';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "seq" BIGSERIAL NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "seq"`);
  }
}
