import { Injectable } from '@nestjs/common';
import type { Effect } from '@jornada/flow-engine';
import type { ConversationPriority, ConversationStatus } from '../database/entities/index.js';
import type { ConversationRecord } from './conversation.repository.js';
import type { FlowSessionRecord } from './flow-session.repository.js';
import { SEND_LEASE_MS } from './inline-send-claims.js';
import { conversationLockSql, senderLockKey, type Queryable } from './runtime-sql.js';
import type { LogEntry, PendingSend } from './step-writer.js';

/** An inbound event of a batch, with the sender its job read. */
export interface BatchedEvent {
  readonly workspaceId: string;
  readonly eventId: string;
  readonly channel: string;
  readonly sender: string;
}

/** What the batch found for one event, under its locks: the sender's pending events and the live conversation. */
export interface LockedEvent {
  /** The sender's pending events up to this one, oldest first. */
  readonly pending: readonly string[];
  readonly providerKey: string;
  readonly payload: unknown;
  readonly conversation: ConversationRecord;
}

/** One step's writes in a batch: the inbound message, the event's outcome, the session and what the step produced. */
export interface BatchedStepWrite {
  readonly workspaceId: string;
  readonly eventId: string;
  readonly outcome: 'processed' | 'ignored';
  readonly at: Date;
  readonly conversation: ConversationRecord;
  readonly inbound: { readonly kind: string; readonly content: unknown; readonly providerMessageId: string };
  readonly sessionId: string;
  /** The new state when the step changed it (null when the engine ignored the event). */
  readonly save: { readonly state: { readonly status: string }; readonly expectedVersion: number } | null;
  readonly log: readonly LogEntry[];
  readonly sends: readonly PendingSend[];
  readonly claimToken: string | null;
  /** Timers scheduled and cancelled, in the engine's order. */
  readonly timers: readonly (ScheduleTimer | CancelTimer)[];
}

type ScheduleTimer = Extract<Effect, { type: 'schedule_timer' }>;
type CancelTimer = Extract<Effect, { type: 'cancel_timer' }>;

export interface BatchedStepWritten {
  /** The stored inbound message of each conversation (absent: it was stored before). */
  readonly inboundMessageIds: ReadonlyMap<string, string>;
  /** The outbox rows of sends claimed for this process, by effect id. */
  readonly claimedIds: ReadonlyMap<string, string>;
}

interface LockedRow {
  ord: number;
  pending: string[] | null;
  provider_key: string;
  payload: unknown;
  id: string;
  workspace_id: string;
  contact_id: string;
  channel: string;
  status: ConversationStatus;
  priority: ConversationPriority;
  simulated_flow_id: string | null;
}

interface SessionRow {
  id: string;
  workspace_id: string;
  conversation_id: string;
  flow_id: string;
  flow_version: number;
  state: unknown;
  version: number;
  document: unknown;
}

/**
 * The statements of a batch of inbound steps (InboundStepBatch): each serves every event of the
 * batch at once, so a batch costs the same few round trips whatever its size. Every statement
 * is the multi-row form of one the single step runs (ProcessInboundEventUseCase and its
 * repositories), with the same locks in the same order and the same conflict rules.
 */
@Injectable()
export class InboundStepBatchRepository {
  /** The sender locks of every event, taken in one order (their keys sorted), so two batches cannot deadlock on them. */
  async lockSenders(tx: Queryable, events: readonly BatchedEvent[]): Promise<void> {
    const keys = [...new Set(events.map((e) => senderLockKey(e)))].sort();
    await tx.query(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS n FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) AS sorted`, [keys]);
  }

  /**
   * For each event whose sender has an identity and a live conversation: the sender's pending
   * events up to it and the conversation, with the conversation's lock (taken in conversation
   * order) and its row locked, read as the lock holder left it (`FOR UPDATE` re-reads a row
   * changed while this waited). Call it holding the sender locks. An event missing from the
   * answer has no contact or no live conversation yet: the single step handles it.
   */
  async readLocked(tx: Queryable, events: readonly BatchedEvent[]): Promise<Map<number, LockedEvent>> {
    const rows = await tx.query<LockedRow[]>(
      `WITH input AS (
         SELECT i.ord, i.workspace_id, i.channel, i.sender, i.event_id
           FROM jsonb_to_recordset($1::jsonb) AS i(ord int, workspace_id uuid, channel text, sender text, event_id uuid)
       )
       SELECT i.ord, t.provider_key, t.payload,
              (SELECT array_agg(e.id ORDER BY e.received_at, e.seq) FROM inbound_events e
                WHERE e.workspace_id = i.workspace_id AND e.channel = i.channel AND e.sender = i.sender AND e.status = 'received'
                  AND (e.received_at, e.seq) <= (t.received_at, t.seq)) AS pending,
              c.id, c.workspace_id, c.contact_id, c.channel, c.status, c.priority, c.simulated_flow_id,
              ${conversationLockSql('c.id')} AS locked
         FROM input i
         JOIN inbound_events t ON t.id = i.event_id AND t.workspace_id = i.workspace_id
         JOIN contact_identities ci ON ci.workspace_id = i.workspace_id AND ci.channel = i.channel AND ci.external_id = i.sender
         JOIN conversations c ON c.workspace_id = i.workspace_id AND c.contact_id = ci.contact_id AND c.channel = i.channel AND c.status <> 'resolved'
        ORDER BY c.id
          FOR UPDATE OF c`,
      [JSON.stringify(events.map((e, ord) => ({ ord, workspace_id: e.workspaceId, channel: e.channel, sender: e.sender, event_id: e.eventId })))],
    );
    return new Map(
      rows.map((row) => [
        row.ord,
        {
          pending: row.pending ?? [],
          providerKey: row.provider_key,
          payload: row.payload,
          conversation: { id: row.id, workspaceId: row.workspace_id, contactId: row.contact_id, channel: row.channel, status: row.status, priority: row.priority, simulatedFlowId: row.simulated_flow_id },
        },
      ]),
    );
  }

  /** The running session of each conversation (by conversation id); call it holding the conversation locks. */
  async runningSessions(tx: Queryable, conversations: readonly ConversationRecord[]): Promise<Map<string, FlowSessionRecord>> {
    const rows = await tx.query<SessionRow[]>(
      `SELECT s.id, s.workspace_id, s.conversation_id, s.flow_id, s.flow_version, s.state, s.version, s.document
         FROM flow_sessions s JOIN unnest($1::uuid[], $2::uuid[]) AS w(workspace_id, conversation_id)
           ON s.workspace_id = w.workspace_id AND s.conversation_id = w.conversation_id
        WHERE s.status <> 'ended'`,
      [conversations.map((c) => c.workspaceId), conversations.map((c) => c.id)],
    );
    return new Map(
      rows.map((row) => [
        row.conversation_id,
        { id: row.id, workspaceId: row.workspace_id, conversationId: row.conversation_id, flowId: row.flow_id, flowVersion: row.flow_version, state: row.state, version: row.version, document: row.document },
      ]),
    );
  }

  /**
   * Every step's writes in one statement: the inbound messages with their conversations' last
   * inbound time, the sessions' new states (each only at the version it was read at), the
   * events' outcomes, the replies with their outbox rows (leased to a step's claim token unless
   * its conversation has a send pending already), the timers scheduled and cancelled with their
   * outbox rows, and the run log — in the engine's order within each step. Throws when a session
   * changed since it was read: the caller rolls the batch back.
   */
  async write(tx: Queryable, steps: readonly BatchedStepWrite[]): Promise<BatchedStepWritten> {
    const inbound = steps.map((s) => ({
      workspace_id: s.workspaceId,
      conversation_id: s.conversation.id,
      channel: s.conversation.channel,
      kind: s.inbound.kind,
      content: s.inbound.content,
      provider_message_id: s.inbound.providerMessageId,
      at: s.at.toISOString(),
    }));
    const saved = steps.flatMap((s) =>
      s.save === null
        ? []
        : [{ id: s.sessionId, workspace_id: s.workspaceId, state: s.save.state, status: s.save.state.status, at: s.at.toISOString(), ended: s.save.state.status === 'ended', expected_version: s.save.expectedVersion }],
    );
    const done = steps.map((s) => ({ id: s.eventId, workspace_id: s.workspaceId, status: s.outcome, at: s.at.toISOString() }));
    const sent = steps.flatMap((s) =>
      s.sends.map((send) => ({
        message_id: send.messageId,
        workspace_id: s.workspaceId,
        session_id: s.sessionId,
        conversation_id: s.conversation.id,
        channel: s.conversation.channel,
        kind: send.kind,
        content: send.content,
        effect_id: send.effectId,
        payload: send.payload,
        claim_token: s.claimToken,
        at: s.at.toISOString(),
      })),
    );
    // The same outbox rows as StepWriter's, under the same keys.
    const outbox = steps.flatMap((s) =>
      s.timers.map((t) => ({
        workspace_id: s.workspaceId,
        session_id: s.sessionId,
        conversation_id: s.conversation.id,
        effect_id: t.type === 'schedule_timer' ? t.timerId : `${t.timerId}:cancel`,
        type: t.type,
        payload: { ...t },
        at: s.at.toISOString(),
      })),
    );
    const timers = steps.flatMap((s) =>
      s.timers.flatMap((t) => (t.type === 'schedule_timer' ? [{ workspace_id: s.workspaceId, session_id: s.sessionId, timer_id: t.timerId, node_id: t.nodeId, fire_at: new Date(t.fireAt).toISOString() }] : [])),
    );
    const cancels = steps.flatMap((s) => s.timers.flatMap((t) => (t.type === 'cancel_timer' ? [{ workspace_id: s.workspaceId, timer_id: t.timerId }] : [])));
    const log = steps.flatMap((s) => s.log.map((entry) => ({ workspace_id: s.workspaceId, session_id: s.sessionId, at: s.at.toISOString(), kind: entry.kind, data: entry.data })));

    const rows = await tx.query<{ kind: 'in' | 'session' | 'claim'; id: string; key: string | null }[]>(
      `WITH inbound AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (workspace_id uuid, conversation_id uuid, channel text, kind text, content jsonb, provider_message_id text, at timestamptz))
                WITH ORDINALITY AS i(workspace_id, conversation_id, channel, kind, content, provider_message_id, at, ord)
       ), touched AS (
         UPDATE conversations c SET last_inbound_at = i.at, updated_at = i.at FROM inbound i
          WHERE c.id = ANY($10::uuid[]) AND c.id = i.conversation_id AND c.workspace_id = i.workspace_id
       ), inbound_written AS (
         INSERT INTO messages (workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
         SELECT workspace_id, conversation_id, channel, 'in', kind, content, provider_message_id, 'delivered', at FROM inbound ORDER BY ord
         ON CONFLICT (workspace_id, channel, provider_message_id) DO NOTHING
         RETURNING id, conversation_id
       ), saved AS (
         UPDATE flow_sessions s
            SET state = v.state, status = v.status, version = s.version + 1, updated_at = v.at, ended_at = COALESCE(s.ended_at, CASE WHEN v.ended THEN v.at END)
           FROM jsonb_to_recordset($2::jsonb) AS v(id uuid, workspace_id uuid, state jsonb, status text, at timestamptz, ended boolean, expected_version int)
          WHERE s.id = ANY($11::uuid[]) AND s.id = v.id AND s.workspace_id = v.workspace_id AND s.version = v.expected_version
         RETURNING s.id
       ), done AS (
         UPDATE inbound_events e SET status = d.status, processed_at = d.at, error = NULL
           FROM jsonb_to_recordset($3::jsonb) AS d(id uuid, workspace_id uuid, status text, at timestamptz)
          WHERE e.id = ANY($12::uuid[]) AND e.id = d.id AND e.workspace_id = d.workspace_id
       ), sent AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($4::jsonb) AS (message_id uuid, workspace_id uuid, session_id uuid, conversation_id uuid, channel text, kind text, content jsonb, effect_id text, payload jsonb, claim_token uuid, at timestamptz))
                WITH ORDINALITY AS s(message_id, workspace_id, session_id, conversation_id, channel, kind, content, effect_id, payload, claim_token, at, ord)
       ), claim AS (
         SELECT DISTINCT s.conversation_id, s.claim_token FROM sent s
          WHERE s.claim_token IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.status = 'pending' AND o.type = 'send' AND o.conversation_id = s.conversation_id AND o.conversation_id = ANY($10::uuid[]))
       ), messages_written AS (
         -- After the inbound messages (the count makes this wait for them): a reply's seq follows the message it answers.
         INSERT INTO messages (id, workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
         SELECT s.message_id, s.workspace_id, s.conversation_id, s.channel, 'out', s.kind, s.content, NULL, 'queued', s.at
           FROM sent s CROSS JOIN (SELECT count(*) FROM inbound_written) AS after_inbound ORDER BY s.ord
       ), timer_outbox AS (
         INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at)
         SELECT workspace_id, session_id, conversation_id, effect_id, type, payload, at
           FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (workspace_id uuid, session_id uuid, conversation_id uuid, effect_id text, type text, payload jsonb, at timestamptz))
                WITH ORDINALITY AS t(workspace_id, session_id, conversation_id, effect_id, type, payload, at, ord)
          ORDER BY ord
         ON CONFLICT (effect_id) DO NOTHING
       ), outbox_written AS (
         INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at, claim_token, claimed_until)
         SELECT s.workspace_id, s.session_id, s.conversation_id, s.effect_id, 'send', s.payload, s.at, c.claim_token,
                CASE WHEN c.claim_token IS NULL THEN NULL ELSE now() + make_interval(secs => $8::double precision / 1000) END
           FROM sent s LEFT JOIN claim c ON c.conversation_id = s.conversation_id ORDER BY s.ord
         ON CONFLICT (effect_id) DO NOTHING
         RETURNING id, effect_id, claim_token
       ), timers_written AS (
         INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at)
         SELECT workspace_id, session_id, timer_id, node_id, fire_at FROM jsonb_to_recordset($6::jsonb) AS (workspace_id uuid, session_id uuid, timer_id text, node_id text, fire_at timestamptz)
         ON CONFLICT (timer_id) DO NOTHING
       ), cancelled AS (
         UPDATE session_timers t SET status = 'cancelled'
           FROM jsonb_to_recordset($7::jsonb) AS x(workspace_id uuid, timer_id text)
          WHERE t.timer_id = ANY($13::text[]) AND t.workspace_id = x.workspace_id AND t.timer_id = x.timer_id AND t.status = 'pending'
       ), logged AS (
         INSERT INTO run_log (workspace_id, session_id, at, kind, data)
         SELECT workspace_id, session_id, at, kind, data
           FROM ROWS FROM (jsonb_to_recordset($9::jsonb) AS (workspace_id uuid, session_id uuid, at timestamptz, kind text, data jsonb)) WITH ORDINALITY AS l(workspace_id, session_id, at, kind, data, ord)
          ORDER BY ord
       )
       SELECT 'in' AS kind, id, conversation_id::text AS key FROM inbound_written
       UNION ALL SELECT 'session', id, NULL FROM saved
       UNION ALL SELECT 'claim', id, effect_id FROM outbox_written WHERE claim_token IS NOT NULL`,
      [
        JSON.stringify(inbound),
        JSON.stringify(saved),
        JSON.stringify(done),
        JSON.stringify(sent),
        JSON.stringify(outbox),
        JSON.stringify(timers),
        JSON.stringify(cancels),
        SEND_LEASE_MS,
        JSON.stringify(log),
        // Each row to change is found by its key (= ANY: an index scan), not by joining the table to the input.
        inbound.map((row) => row.conversation_id),
        saved.map((row) => row.id),
        done.map((row) => row.id),
        cancels.map((row) => row.timer_id),
      ],
    );
    const savedCount = rows.filter((row) => row.kind === 'session').length;
    if (savedCount !== saved.length) throw new BatchConflict(`${String(saved.length - savedCount)} of ${String(saved.length)} sessions changed while the batch stepped them`);
    const inboundMessageIds = new Map<string, string>();
    const claimedIds = new Map<string, string>();
    for (const row of rows) {
      if (row.kind === 'in' && row.key !== null) inboundMessageIds.set(row.key, row.id);
      if (row.kind === 'claim' && row.key !== null) claimedIds.set(row.key, row.id);
    }
    return { inboundMessageIds, claimedIds };
  }
}

/** A session of the batch changed after it was read: the batch rolls back, and each event is stepped alone. */
export class BatchConflict extends Error {}
