import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: a session remembers the workspace it last worked in (the default when a request
 * names none), and an invitation can be revoked (its link then answers 410, not 404).
 */
export class SessionWorkspaceInvitationRevoked1795416049464 implements MigrationInterface {
  name = 'SessionWorkspaceInvitationRevoked1795416049464';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "auth_sessions" ADD "current_workspace_id" uuid`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP COLUMN "revoked_at"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP COLUMN "current_workspace_id"`);
  }
}
