import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Effect, EngineEvent, OutboundMessage, StepResult } from '@jornada/flow-engine';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ContactWriter } from '../contacts/contact-writer.js';
import { ContactRepository } from '../contacts/contact.repository.js';
import { RealtimeBus } from '../realtime/realtime-bus.js';
import { redactHeaders, redactUrl } from './http-request/redact.js';
import { ConversationRepository } from './conversation.repository.js';
import { InlineSendClaims, SEND_LEASE_MS, type ClaimedSend } from './inline-send-claims.js';
import { rateLimitOf } from './processing/rate-limit/channel-rate-limits.js';
import { runLogRows, type LogEntry } from './run-log.js';
import type { Queryable } from './runtime-sql.js';

/** The session a step belongs to, and where it runs. */
export interface StepScope {
  readonly workspaceId: string;
  readonly sessionId: string;
  readonly flowId: string;
  readonly contactId: string;
  readonly conversationId: string;
  readonly channel: string;
}

/** What a step is fed, as the run log describes it. */
export type StepEvent = EngineEvent | { type: 'start'; trigger: string };

/** An outbound message of the step: its row in `messages` and its `send` row in the outbox. */
export interface PendingSend {
  messageId: string;
  kind: string;
  content: OutboundMessage;
  effectId: string;
  payload: Record<string, unknown>;
}

/**
 * Writes what one engine step produced, inside the caller's transaction: the run log, and
 * every effect — outbox rows keyed by the engine's effect ids (ON CONFLICT DO NOTHING, so a
 * replay cannot double them), timer rows, the conversation's handoff, contact changes, survey
 * answers and conversions. The session row itself is saved by the caller (SessionStepper).
 */
@Injectable()
export class StepWriter {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly contacts: ContactRepository,
    private readonly contactWriter: ContactWriter,
    private readonly bus: RealtimeBus,
    private readonly inlineClaims: InlineSendClaims,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async write(tx: EntityManager, { scope, event, result, at, stepKey }: { scope: StepScope; event: StepEvent; result: StepResult; at: Date; stepKey: string }): Promise<void> {
    const { log, sends, others } = planStepWrite({ scope, event, result, stepKey });
    for (const { effect, keyOfUnnamed } of others) await this.apply(tx, { scope, effect, at, keyOfUnnamed });
    // Claimed for this process when its caller sends inline after the commit (see InlineSendClaims).
    const token = sends.length > 0 && this.inlineClaims.isCollecting(tx) && this.sendsInline(scope.channel) ? randomUUID() : null;
    const claimed = await this.writeSendsAndLog(tx, scope, sends, log, at, token);
    if (token !== null && claimed.length > 0) this.inlineClaims.add(tx, { conversationId: scope.conversationId, channel: scope.channel, token, sends: claimed, complete: false });
    // Delivered at commit: the simulator re-reads the path and variables, the inbox the conversation.
    await this.bus.notify(tx, { type: 'session', workspaceId: scope.workspaceId, conversationId: scope.conversationId, sessionId: scope.sessionId });
  }

  /** Whether a step's replies on `channel` may be claimed for sending right after the commit (an unpaced channel). */
  sendsInline(channel: string): boolean {
    return rateLimitOf(channel, this.config.outboundRateLimits) === 0;
  }

  private async apply(tx: EntityManager, { scope, effect, at, keyOfUnnamed }: { scope: StepScope; effect: Effect; at: Date; keyOfUnnamed: string }): Promise<void> {
    const { workspaceId } = scope;
    switch (effect.type) {
      case 'send':
        return; // written by writeSendsAndLog
      case 'schedule_timer':
        await tx.query(
          `INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (timer_id) DO NOTHING`,
          [workspaceId, scope.sessionId, effect.timerId, effect.nodeId, new Date(effect.fireAt)],
        );
        // The queue arms a delayed job from this row (and re-arms from session_timers after downtime).
        await this.outbox(tx, scope, { effectId: effect.timerId, type: 'schedule_timer', payload: { ...effect }, at });
        return;
      case 'cancel_timer':
        await tx.query(`UPDATE session_timers SET status = 'cancelled' WHERE workspace_id = $1 AND timer_id = $2 AND status IS NOT DISTINCT FROM 'pending'`, [workspaceId, effect.timerId]);
        await this.outbox(tx, scope, { effectId: `${effect.timerId}:cancel`, type: 'cancel_timer', payload: { ...effect }, at });
        return;
      case 'handoff':
        await this.conversations.markHandoff(tx, { workspaceId, id: scope.conversationId, priority: effect.priority, at });
        await this.bus.notify(tx, { type: 'conversation', workspaceId, conversationId: scope.conversationId });
        await this.outbox(tx, scope, { effectId: effect.id, type: 'handoff', payload: { ...effect, conversationId: scope.conversationId }, at });
        return;
      case 'http_request':
        await this.outbox(tx, scope, { effectId: effect.id, type: 'http_request', payload: { ...effect }, at });
        return;
      case 'start_flow':
        await this.outbox(tx, scope, { effectId: keyOfUnnamed, type: 'start_flow', payload: { ...effect, conversationId: scope.conversationId, contactId: scope.contactId }, at });
        return;
      case 'set_contact':
        await this.updateContact(tx, scope, (c) => ({ ...c, attributes: { ...c.attributes, ...effect.attributes } }));
        return;
      case 'tag':
        await this.updateContact(tx, scope, (c) => ({ ...c, tags: [...new Set([...c.tags, ...effect.add])].filter((t) => !effect.remove.includes(t)) }));
        return;
      case 'record_survey':
        // Same id for the score and the comment that may follow: the second write completes the first.
        await tx.query(
          `INSERT INTO survey_responses (workspace_id, effect_id, session_id, flow_id, contact_id, node_id, kind, score, comment, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (effect_id) DO UPDATE SET score = EXCLUDED.score, comment = COALESCE(EXCLUDED.comment, survey_responses.comment)`,
          [workspaceId, effect.id, scope.sessionId, scope.flowId, scope.contactId, effect.nodeId, effect.kind, effect.score, effect.comment ?? null, at],
        );
        return;
      case 'record_conversion':
        await tx.query(
          `INSERT INTO conversions (workspace_id, effect_id, session_id, flow_id, contact_id, node_id, kind, value, currency, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (effect_id) DO NOTHING`,
          [workspaceId, effect.id, scope.sessionId, scope.flowId, scope.contactId, effect.nodeId, effect.kind, effect.value ?? null, effect.currency ?? null, at],
        );
        return;
      case 'end_session':
      case 'log':
        return; // the new state says the session ended; both are in the run log
    }
  }

  private async outbox(db: Queryable, scope: StepScope, row: { effectId: string; type: string; payload: Record<string, unknown>; at: Date }): Promise<void> {
    await db.query(
      `INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) ON CONFLICT (effect_id) DO NOTHING`,
      [scope.workspaceId, scope.sessionId, scope.conversationId, row.effectId, row.type, JSON.stringify(row.payload), row.at],
    );
  }

  private async updateContact(
    tx: EntityManager,
    scope: StepScope,
    change: (contact: { attributes: Record<string, unknown>; tags: readonly string[] }) => { attributes: Record<string, unknown>; tags: readonly string[] },
  ): Promise<void> {
    const current = await this.contacts.lockById(tx, { workspaceId: scope.workspaceId, id: scope.contactId });
    if (current === null) return; // deleted meanwhile: nothing to update
    const { attributes, tags } = change(current);
    const { id: _id, createdAt: _c, updatedAt: _u, ...state } = current;
    await this.contactWriter.write(tx, { workspaceId: scope.workspaceId, id: current.id, state: { ...state, attributes, tags } });
  }

  /**
   * The step's outbound messages (queued, in order: `seq` follows the order of the SELECT), their
   * outbox rows (keyed by effect id, so a replay cannot double them) and the run log, in one
   * statement: a round trip per step instead of two per message. With a `claimToken`, the new
   * send rows are leased to it — unless the conversation already has a send pending, which must
   * go first — and the sends claimed are answered, in order.
   */
  private async writeSendsAndLog(db: Queryable, scope: StepScope, sends: readonly PendingSend[], entries: LogEntry[], at: Date, claimToken: string | null): Promise<ClaimedSend[]> {
    const rows = await db.query<{ id: string; effect_id: string }[]>(
      `WITH sent AS (
         SELECT s.message_id, s.kind, s.content, s.effect_id, s.payload, s.ord
           FROM ROWS FROM (jsonb_to_recordset($7::jsonb) AS (message_id uuid, kind text, content jsonb, effect_id text, payload jsonb)) WITH ORDINALITY AS s(message_id, kind, content, effect_id, payload, ord)
       ), claim AS (
         SELECT $8::uuid AS token
          WHERE $8::uuid IS NOT NULL
            AND NOT EXISTS (
              SELECT 1 FROM outbox o
               WHERE o.status = 'pending' AND o.type = 'send' AND o.conversation_id = $4
            )
       ), messages_written AS (
         INSERT INTO messages (id, workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
         SELECT message_id, $1, $4, $5, 'out', kind, content, NULL, 'queued', $3 FROM sent ORDER BY ord
       ), outbox_written AS (
         INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at, claim_token, claimed_until)
         SELECT $1, $2, $4, effect_id, 'send', payload, $3, c.token, CASE WHEN c.token IS NULL THEN NULL ELSE now() + make_interval(secs => $9::double precision / 1000) END
           FROM sent LEFT JOIN claim c ON true ORDER BY ord
         ON CONFLICT (effect_id) DO NOTHING
         RETURNING id, effect_id, claim_token
       ), logged AS (
         INSERT INTO run_log (workspace_id, session_id, at, entries)
         SELECT $1, $2, $3, e.entries FROM jsonb_array_elements($6::jsonb) WITH ORDINALITY AS e(entries, ord) ORDER BY e.ord
       )
       SELECT id, effect_id FROM outbox_written WHERE claim_token IS NOT NULL`,
      [
        scope.workspaceId,
        scope.sessionId,
        at,
        scope.conversationId,
        scope.channel,
        JSON.stringify(runLogRows(entries)),
        JSON.stringify(sends.map((send) => ({ message_id: send.messageId, kind: send.kind, content: send.content, effect_id: send.effectId, payload: send.payload }))),
        claimToken,
        SEND_LEASE_MS,
      ],
    );
    const idOf = new Map(rows.map((row) => [row.effect_id, row.id]));
    return sends.flatMap((send) => {
      const id = idOf.get(send.effectId);
      if (id === undefined) return [];
      const row = { id, workspaceId: scope.workspaceId, sessionId: scope.sessionId, effectId: send.effectId, type: 'send', payload: send.payload, status: 'pending' as const };
      return [{ row, messageId: send.messageId, message: send.content }];
    });
  }
}

/** A step's writes, planned: the run log, the sends (written together) and the other effects, in the engine's order. */
export interface StepWritePlan {
  readonly log: LogEntry[];
  readonly sends: PendingSend[];
  /** Every effect but the sends, each with the key it gets when the engine gave it no id. */
  readonly others: { readonly effect: Exclude<Effect, { type: 'send' }>; readonly keyOfUnnamed: string }[];
}

/** Splits what a step produced into its writes; pure, apart from the new messages' ids. */
export function planStepWrite({ scope, event, result, stepKey }: { scope: StepScope; event: StepEvent; result: StepResult; stepKey: string }): StepWritePlan {
  const log: LogEntry[] = [{ kind: 'event', data: describeEvent(event) }];
  if (result.outcome === 'ignored') log.push({ kind: 'ignored', data: {} });
  for (const entry of result.trace) log.push({ kind: 'node', data: { ...entry } });
  const sends: PendingSend[] = [];
  const others: { effect: Exclude<Effect, { type: 'send' }>; keyOfUnnamed: string }[] = [];
  result.effects.forEach((effect, index) => {
    log.push(logEntryOf(effect));
    if (effect.type === 'send') {
      // Written with the run log in one statement: no other effect reads these rows.
      const messageId = randomUUID();
      sends.push({ messageId, kind: effect.message.kind, content: effect.message, effectId: effect.id, payload: { ...effect, messageId, conversationId: scope.conversationId, channel: scope.channel } });
    } else {
      others.push({ effect, keyOfUnnamed: `${stepKey}/${String(index)}` });
    }
  });
  return { log, sends, others };
}

function describeEvent(event: StepEvent): Record<string, unknown> {
  switch (event.type) {
    case 'message':
      return { type: 'message', message: event.message };
    case 'timer':
      return { type: 'timer', timerId: event.timerId };
    case 'start':
      return { type: 'start', trigger: event.trigger };
    default:
      return { ...event };
  }
}

function logEntryOf(effect: Effect): LogEntry {
  switch (effect.type) {
    case 'send':
      return { kind: 'send', data: { effectId: effect.id, nodeId: effect.nodeId, message: effect.message } };
    case 'log':
      return { kind: effect.level === 'error' ? 'error' : 'log', data: { ...effect } };
    case 'http_request':
      // The run log is read through the API: no credentials in it (the outbox row keeps them to make the call).
      return { kind: 'http_request', data: { ...effect, url: redactUrl(effect.url), headers: redactHeaders(effect.headers), ...(effect.body !== undefined ? { body: '[not logged]' } : {}) } };
    case 'end_session':
      return { kind: 'end', data: { reason: effect.reason } };
    default:
      return { kind: effect.type, data: { ...effect } };
  }
}
