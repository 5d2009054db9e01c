import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The conversation runtime's tables: conversations and messages, inbound events under their
 * unique provider key, flow sessions (pinned version, engine state, optimistic version),
 * durable timers, the outbox of effects keyed by the engine's effect ids, the run log, and
 * survey responses and conversions for metrics.
 */
export class RuntimeConversationsAndSessions1795417893448 implements MigrationInterface {
  name = 'RuntimeConversationsAndSessions1795417893448';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'open', "assigned_agent_id" uuid, "priority" character varying(16) NOT NULL DEFAULT 'normal', "last_inbound_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_conversations_priority" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "chk_conversations_status" CHECK ("status" IN ('open', 'handoff', 'resolved')), CONSTRAINT "pk_conversations" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_conversations_contact_id" ON "conversations"  ("contact_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conversations_live_contact_channel" ON "conversations"  ("workspace_id", "contact_id", "channel") WHERE "status" <> 'resolved'`);
    await queryRunner.query(`CREATE INDEX "idx_conversations_workspace_id_status_updated_at" ON "conversations"  ("workspace_id", "status", "updated_at") `);
    await queryRunner.query(`CREATE TABLE "conversions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "effect_id" character varying(255) NOT NULL, "session_id" uuid NOT NULL, "flow_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "node_id" character varying(255) NOT NULL, "kind" character varying(32) NOT NULL, "value" numeric(14,2), "currency" character(3), "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_conversions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_conversions_workspace_id_recorded_at" ON "conversions"  ("workspace_id", "recorded_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_conversions_effect_id" ON "conversions"  ("effect_id") `);
    await queryRunner.query(`CREATE TABLE "flow_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "flow_id" uuid NOT NULL, "flow_version" integer NOT NULL, "state" jsonb NOT NULL, "status" character varying(16) NOT NULL, "version" integer NOT NULL DEFAULT '1', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_flow_sessions_status" CHECK ("status" IN ('active', 'waiting', 'handoff', 'ended')), CONSTRAINT "pk_flow_sessions" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_flow_sessions_workspace_id_flow_id" ON "flow_sessions"  ("workspace_id", "flow_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_flow_sessions_running_conversation_id" ON "flow_sessions"  ("conversation_id") WHERE "status" <> 'ended'`);
    await queryRunner.query(`CREATE TABLE "inbound_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "provider_key" character varying(255) NOT NULL, "sender" character varying(255) NOT NULL, "seq" BIGSERIAL NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'received', "error" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_inbound_events_status" CHECK ("status" IN ('received', 'processed', 'ignored', 'failed')), CONSTRAINT "pk_inbound_events" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_inbound_events_pending_by_sender" ON "inbound_events"  ("workspace_id", "channel", "sender", "received_at", "seq") WHERE "status" = 'received'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_inbound_events_workspace_id_channel_provider_key" ON "inbound_events"  ("workspace_id", "channel", "provider_key") `);
    await queryRunner.query(`CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "channel" character varying(32) NOT NULL, "direction" character varying(3) NOT NULL, "kind" character varying(32) NOT NULL, "content" jsonb NOT NULL, "provider_message_id" character varying(255), "status" character varying(16) NOT NULL, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_messages_status" CHECK ("status" IN ('queued', 'sent', 'delivered', 'read', 'failed')), CONSTRAINT "chk_messages_direction" CHECK ("direction" IN ('in', 'out')), CONSTRAINT "pk_messages" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_messages_workspace_id_channel_provider_message_id" ON "messages"  ("workspace_id", "channel", "provider_message_id") `);
    await queryRunner.query(`CREATE INDEX "idx_messages_conversation_id_created_at" ON "messages"  ("conversation_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "session_id" uuid NOT NULL, "effect_id" character varying(255) NOT NULL, "type" character varying(32) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_outbox_status" CHECK ("status" IN ('pending', 'done', 'failed')), CONSTRAINT "pk_outbox" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_outbox_session_id" ON "outbox"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending_created_at" ON "outbox"  ("created_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_effect_id" ON "outbox"  ("effect_id") `);
    await queryRunner.query(`CREATE TABLE "run_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "session_id" uuid NOT NULL, "seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" character varying(32) NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "pk_run_log" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_run_log_session_id_seq" ON "run_log"  ("session_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "session_timers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "session_id" uuid NOT NULL, "timer_id" character varying(255) NOT NULL, "node_id" character varying(255) NOT NULL, "fire_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "fired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_session_timers_status" CHECK ("status" IN ('pending', 'fired', 'cancelled', 'stale')), CONSTRAINT "pk_session_timers" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_session_timers_session_id" ON "session_timers"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "idx_session_timers_pending_fire_at" ON "session_timers"  ("fire_at") WHERE "status" = 'pending'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_session_timers_timer_id" ON "session_timers"  ("timer_id") `);
    await queryRunner.query(`CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workspace_id" uuid NOT NULL, "effect_id" character varying(255) NOT NULL, "session_id" uuid NOT NULL, "flow_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "node_id" character varying(255) NOT NULL, "kind" character varying(8) NOT NULL, "score" integer NOT NULL, "comment" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_survey_responses" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "idx_survey_responses_workspace_id_recorded_at" ON "survey_responses"  ("workspace_id", "recorded_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_survey_responses_effect_id" ON "survey_responses"  ("effect_id") `);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "fk_conversations_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "fk_conversations_contact_id" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversations" ADD CONSTRAINT "fk_conversations_assigned_agent_id" FOREIGN KEY ("assigned_agent_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "conversions" ADD CONSTRAINT "fk_conversions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" ADD CONSTRAINT "fk_flow_sessions_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" ADD CONSTRAINT "fk_flow_sessions_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" ADD CONSTRAINT "fk_flow_sessions_flow_id" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_events" ADD CONSTRAINT "fk_inbound_events_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "fk_outbox_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "fk_outbox_session_id" FOREIGN KEY ("session_id") REFERENCES "flow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "run_log" ADD CONSTRAINT "fk_run_log_session_id" FOREIGN KEY ("session_id") REFERENCES "flow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD CONSTRAINT "fk_session_timers_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session_timers" ADD CONSTRAINT "fk_session_timers_session_id" FOREIGN KEY ("session_id") REFERENCES "flow_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "survey_responses" ADD CONSTRAINT "fk_survey_responses_workspace_id" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_responses" DROP CONSTRAINT "fk_survey_responses_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "session_timers" DROP CONSTRAINT "fk_session_timers_session_id"`);
    await queryRunner.query(`ALTER TABLE "session_timers" DROP CONSTRAINT "fk_session_timers_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "fk_run_log_session_id"`);
    await queryRunner.query(`ALTER TABLE "run_log" DROP CONSTRAINT "fk_run_log_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "fk_outbox_session_id"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "fk_outbox_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "fk_messages_conversation_id"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "fk_messages_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "inbound_events" DROP CONSTRAINT "fk_inbound_events_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" DROP CONSTRAINT "fk_flow_sessions_flow_id"`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" DROP CONSTRAINT "fk_flow_sessions_conversation_id"`);
    await queryRunner.query(`ALTER TABLE "flow_sessions" DROP CONSTRAINT "fk_flow_sessions_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "conversions" DROP CONSTRAINT "fk_conversions_workspace_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "fk_conversations_assigned_agent_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "fk_conversations_contact_id"`);
    await queryRunner.query(`ALTER TABLE "conversations" DROP CONSTRAINT "fk_conversations_workspace_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_responses_effect_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_survey_responses_workspace_id_recorded_at"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`DROP INDEX "public"."uq_session_timers_timer_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_session_timers_pending_fire_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_session_timers_session_id"`);
    await queryRunner.query(`DROP TABLE "session_timers"`);
    await queryRunner.query(`DROP INDEX "public"."idx_run_log_session_id_seq"`);
    await queryRunner.query(`DROP TABLE "run_log"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outbox_effect_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_session_id"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."idx_messages_conversation_id_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_messages_workspace_id_channel_provider_message_id"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inbound_events_workspace_id_channel_provider_key"`);
    await queryRunner.query(`DROP INDEX "public"."idx_inbound_events_pending_by_sender"`);
    await queryRunner.query(`DROP TABLE "inbound_events"`);
    await queryRunner.query(`DROP INDEX "public"."uq_flow_sessions_running_conversation_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_flow_sessions_workspace_id_flow_id"`);
    await queryRunner.query(`DROP TABLE "flow_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_conversions_effect_id"`);
    await queryRunner.query(`DROP INDEX "public"."idx_conversions_workspace_id_recorded_at"`);
    await queryRunner.query(`DROP TABLE "conversions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_conversations_workspace_id_status_updated_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_conversations_live_contact_channel"`);
    await queryRunner.query(`DROP INDEX "public"."idx_conversations_contact_id"`);
    await queryRunner.query(`DROP TABLE "conversations"`);
  }
}
