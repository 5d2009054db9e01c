import type { MigrationInterface, QueryRunner } from 'typeorm';

// Conversations are found for the inbox by workspace, status and priority instead of workspace,
// status and last update. Every inbound message updates its conversation's updated_at and
// last_inbound_at; with updated_at in an index, none of those updates could be HOT (each wrote a new
// entry in all five indexes of the table). Status and priority change only when a person takes or
// gives back a conversation, so the message path's update is HOT again. An inbox reads the
// conversations waiting for a person (few) and orders them by time itself.

export class ConversationInboxIndex1796674800000 implements MigrationInterface {
  name = 'ConversationInboxIndex1796674800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_conversations_workspace_id_status_updated_at"`);
    await queryRunner.query(`CREATE INDEX "idx_conversations_workspace_id_status_priority" ON "conversations"  ("workspace_id", "status", "priority") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_conversations_workspace_id_status_priority"`);
    await queryRunner.query(`CREATE INDEX "idx_conversations_workspace_id_status_updated_at" ON "conversations"  ("workspace_id", "status", "updated_at") `);
  }
}
