import type { MigrationInterface, QueryRunner } from 'typeorm';

// A run log entry and an outbox row reference their session and its workspace together, a message
// its conversation and its workspace: one foreign-key check per row instead of two (the busiest
// inserts of the runtime), and a row can no longer name another workspace than its parent's. The
// workspace cascade reaches them through the parent. Adding the keys validates every existing row;
// on a large deployment run it in a quiet hour (deployment.md).

export class TenantCompositeKeys1796584559650 implements MigrationInterface {
  name = 'TenantCompositeKeys1796584559650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "fk_messages_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "fk_messages_conversation_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "fk_outbox_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "fk_outbox_session_id"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "fk_run_log_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "fk_run_log_session_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "uq_conversations_id_workspace_id" UNIQUE ("id", "workspace_id")`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" ADD CONSTRAINT "uq_flow_sessions_id_workspace_id" UNIQUE ("id", "workspace_id")`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_conversation_id_workspace_id" FOREIGN KEY ("conversation_id", "workspace_id") REFERENCES "conversations"("id","workspace_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "fk_outbox_session_id_workspace_id" FOREIGN KEY ("session_id", "workspace_id") REFERENCES "flow_sessions"("id","workspace_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_session_id_workspace_id" FOREIGN KEY ("session_id", "workspace_id") REFERENCES "flow_sessions"("id","workspace_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "fk_run_log_session_id_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "fk_outbox_session_id_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "fk_messages_conversation_id_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" DROP CONSTRAINT "uq_flow_sessions_id_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "uq_conversations_id_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_session_id" FOREIGN KEY ("session_id") REFERENCES "flow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "fk_outbox_session_id" FOREIGN KEY ("session_id") REFERENCES "flow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "fk_outbox_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
