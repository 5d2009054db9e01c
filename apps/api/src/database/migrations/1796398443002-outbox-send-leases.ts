import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxSendLeases1796398443002 implements MigrationInterface {
  name = 'OutboxSendLeases1796398443002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "claim_token" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "claim_token"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "sent_at"`);
  }
}
