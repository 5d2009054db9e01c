import { Injectable } from '@nestjs/common';
import type { Effect } from '@jornada/flow-engine';
import { toConversationRecord, type ConversationRecord, type ConversationRow } from './conversation.repository.js';
import { SESSION_COLUMNS, toSessionRecord, type FlowSessionRecord, type SessionRow } from './flow-session.repository.js';
import { SEND_LEASE_MS } from './inline-send-claims.js';
import { conversationLockSql, senderLockKey, type Queryable } from './runtime-sql.js';
import { runLogRows, type LogEntry } from './run-log.js';
import type { PendingSend } from './step-writer.js';

/** An inbound event of a batch, with the sender its job read. */
export interface BatchedEvent {
  readonly workspaceId: string;
  readonly eventId: string;
  readonly channel: string;
  readonly sender: string;
}

/** A pending event of the sender, as the batch read it. */
export interface PendingEvent {
  readonly id: string;
  readonly providerKey: string;
  readonly payload: unknown;
}

/** What the batch found for one event, under its locks: the sender's pending events and the live conversation. */
export interface LockedEvent {
  /** The sender's pending events up to this one, oldest first (arrival order). */
  readonly pending: readonly PendingEvent[];
  readonly conversation: ConversationRecord;
}

/** One step of a conversation in a batch: its inbound message and event, and what the engine produced. */
export interface BatchedStep {
  readonly eventId: string;
  readonly outcome: 'processed' | 'ignored';
  readonly at: Date;
  readonly inbound: { readonly messageId: string; readonly kind: string; readonly content: unknown; readonly providerMessageId: string };
  readonly log: readonly LogEntry[];
  readonly sends: readonly PendingSend[];
  /** Timers scheduled and cancelled, in the engine's order. */
  readonly timers: readonly (ScheduleTimer | CancelTimer)[];
}

/** A conversation's steps in a batch (its sender's pending events, in order), and the session they moved. */
export interface BatchedConversationWrite {
  readonly workspaceId: string;
  readonly conversation: ConversationRecord;
  readonly sessionId: string;
  /** The state after the last step and how many steps changed it; null when the engine ignored every event. */
  readonly save: { readonly state: { readonly status: string }; readonly expectedVersion: number; readonly steps: number } | null;
  /** The token the conversation's new sends are leased to for this process, or null (a paced channel). */
  readonly claimToken: string | null;
  readonly steps: readonly BatchedStep[];
}

type ScheduleTimer = Extract<Effect, { type: 'schedule_timer' }>;
type CancelTimer = Extract<Effect, { type: 'cancel_timer' }>;

export interface BatchedStepWritten {
  /** The inbound messages stored now (absent: stored before, under the same provider id). */
  readonly storedInbound: ReadonlySet<string>;
  /** The outbox rows of sends claimed for this process, by effect id. */
  readonly claimedIds: ReadonlyMap<string, string>;
}

interface LockedRow extends ConversationRow {
  ord: number;
  pending: { id: string; provider_key: string; payload: unknown }[] | null;
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
   *
   * Events, identities and conversations are found event by event through their unique keys.
   * Joined as tables instead, the planner (which takes the input for 100 rows) hashed whole
   * tables: every live conversation of the workspace matched to every event, each one's identity
   * looked up, or every inbound event ever stored read to find the batch's few — in the
   * benchmark's steady run 4–9 ms a batch and a third of PostgreSQL's time, and growing with the
   * tables (test/runtime/batch-read-plan.spec.ts).
   */
  async readLocked(tx: Queryable, events: readonly BatchedEvent[]): Promise<Map<number, LockedEvent>> {
    const rows = await tx.query<LockedRow[]>(
      `WITH input AS MATERIALIZED (
         SELECT i.ord, i.workspace_id, i.channel, i.sender, t.received_at, t.seq, live.conversation_id
           FROM jsonb_to_recordset($1::jsonb) AS i(ord int, workspace_id uuid, channel text, sender text, event_id uuid)
          -- Each event's row, identity and live conversation through their unique keys, event by
          -- event (LIMIT 1 keeps each lookup per event; every key is unique, so it changes no answer).
          CROSS JOIN LATERAL (
            SELECT t.received_at, t.seq FROM inbound_events t WHERE t.id = i.event_id AND t.workspace_id = i.workspace_id LIMIT 1
          ) t
          CROSS JOIN LATERAL (
            SELECT c.id AS conversation_id FROM contact_identities ci
              JOIN conversations c ON c.workspace_id = ci.workspace_id AND c.contact_id = ci.contact_id AND c.channel = ci.channel AND c.status <> 'resolved'
             WHERE ci.workspace_id = i.workspace_id AND ci.channel = i.channel AND ci.external_id = i.sender
             LIMIT 1
          ) live
       )
       SELECT i.ord,
              (SELECT jsonb_agg(jsonb_build_object('id', e.id, 'provider_key', e.provider_key, 'payload', e.payload) ORDER BY e.received_at, e.seq) FROM inbound_events e
                WHERE e.workspace_id = i.workspace_id AND e.channel = i.channel AND e.sender = i.sender AND e.status = 'received'
                  AND (e.received_at, e.seq) <= (i.received_at, i.seq)) AS pending,
              c.id, c.workspace_id, c.contact_id, c.channel, c.status, c.priority, c.simulated_flow_id,
              ${conversationLockSql('c.id')} AS locked
         FROM input i
         JOIN conversations c ON c.id = i.conversation_id
        -- Locked in id order (no two batches wait on each other); found by key (= ANY: an index scan).
        WHERE c.id = ANY (ARRAY(SELECT conversation_id FROM input)) AND c.status <> 'resolved'
        ORDER BY c.id
          FOR UPDATE OF c`,
      [JSON.stringify(events.map((e, ord) => ({ ord, workspace_id: e.workspaceId, channel: e.channel, sender: e.sender, event_id: e.eventId })))],
    );
    return new Map(
      rows.map((row) => [
        row.ord,
        {
          pending: (row.pending ?? []).map((e) => ({ id: e.id, providerKey: e.provider_key, payload: e.payload })),
          conversation: toConversationRecord(row),
        },
      ]),
    );
  }

  /** The running session of each conversation (by conversation id); call it holding the conversation locks. */
  async runningSessions(tx: Queryable, conversations: readonly ConversationRecord[]): Promise<Map<string, FlowSessionRecord>> {
    const rows = await tx.query<SessionRow[]>(
      `SELECT ${SESSION_COLUMNS.map((column) => `s.${column}`).join(', ')}
         FROM flow_sessions s JOIN unnest($1::uuid[], $2::uuid[]) AS w(workspace_id, conversation_id)
           ON s.workspace_id = w.workspace_id AND s.conversation_id = w.conversation_id
        WHERE s.conversation_id = ANY($2::uuid[]) AND s.status <> 'ended'`,
      [conversations.map((c) => c.workspaceId), conversations.map((c) => c.id)],
    );
    return new Map(rows.map((row) => [row.conversation_id, toSessionRecord(row)]));
  }

  /**
   * Every conversation's steps written in one statement: the messages in order (each inbound
   * message, then the replies its step produced — `seq` follows the input's order; an inbound
   * message stored before under its provider id is not stored twice), the conversations' last
   * inbound time, the sessions' new states (each only at the version it was read at, moved on by
   * the number of steps), the events' outcomes, the replies' outbox rows (leased to the
   * conversation's claim token unless it has a send pending already), the timers scheduled and
   * cancelled with their outbox rows, and the run log in the engine's order. Throws when a
   * session changed since it was read: the caller rolls the batch back.
   */
  async write(tx: Queryable, conversations: readonly BatchedConversationWrite[]): Promise<BatchedStepWritten> {
    const messages: Record<string, unknown>[] = [];
    const done: Record<string, unknown>[] = [];
    const sent: Record<string, unknown>[] = [];
    const outbox: Record<string, unknown>[] = [];
    const timers: Record<string, unknown>[] = [];
    const cancels: { workspace_id: string; timer_id: string }[] = [];
    const log: Record<string, unknown>[] = [];
    for (const c of conversations) {
      const { workspaceId, sessionId } = c;
      const conversationId = c.conversation.id;
      const channel = c.conversation.channel;
      for (const step of c.steps) {
        const at = step.at.toISOString();
        messages.push({ id: step.inbound.messageId, workspace_id: workspaceId, conversation_id: conversationId, channel, direction: 'in', kind: step.inbound.kind, content: step.inbound.content, provider_message_id: step.inbound.providerMessageId, status: 'delivered', at });
        done.push({ id: step.eventId, workspace_id: workspaceId, status: step.outcome, at });
        for (const send of step.sends) {
          messages.push({ id: send.messageId, workspace_id: workspaceId, conversation_id: conversationId, channel, direction: 'out', kind: send.kind, content: send.content, provider_message_id: null, status: 'queued', at });
          sent.push({ workspace_id: workspaceId, session_id: sessionId, conversation_id: conversationId, effect_id: send.effectId, payload: send.payload, claim_token: c.claimToken, at });
        }
        for (const t of step.timers) {
          // The same outbox rows as StepWriter's, under the same keys.
          outbox.push({ workspace_id: workspaceId, session_id: sessionId, conversation_id: conversationId, effect_id: t.type === 'schedule_timer' ? t.timerId : `${t.timerId}:cancel`, type: t.type, payload: { ...t }, at });
          if (t.type === 'schedule_timer') timers.push({ workspace_id: workspaceId, session_id: sessionId, timer_id: t.timerId, node_id: t.nodeId, fire_at: new Date(t.fireAt).toISOString() });
          else cancels.push({ workspace_id: workspaceId, timer_id: t.timerId });
        }
        for (const entries of runLogRows(step.log)) log.push({ workspace_id: workspaceId, session_id: sessionId, at, entries });
      }
    }
    const touched = conversations.map((c) => ({ id: c.conversation.id, workspace_id: c.workspaceId, at: (c.steps[c.steps.length - 1]?.at ?? new Date()).toISOString() }));
    const saved = conversations.flatMap((c) => {
      if (c.save === null) return [];
      const at = (c.steps[c.steps.length - 1]?.at ?? new Date()).toISOString();
      return [{ id: c.sessionId, workspace_id: c.workspaceId, state: c.save.state, status: c.save.state.status, at, ended: c.save.state.status === 'ended', expected_version: c.save.expectedVersion, steps: c.save.steps }];
    });

    const rows = await tx.query<{ kind: 'in' | 'session' | 'claim'; id: string; key: string | null }[]>(
      `WITH messages_written AS (
         INSERT INTO messages (id, workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, created_at)
         SELECT m.id, m.workspace_id, m.conversation_id, m.channel, m.direction, m.kind, m.content, m.provider_message_id, m.status, m.at
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, workspace_id uuid, conversation_id uuid, channel text, direction text, kind text, content jsonb, provider_message_id text, status text, at timestamptz))
                WITH ORDINALITY AS m(id, workspace_id, conversation_id, channel, direction, kind, content, provider_message_id, status, at, ord)
          ORDER BY m.ord
         ON CONFLICT (workspace_id, channel, provider_message_id) DO NOTHING
         RETURNING id, direction
       ), touched AS (
         UPDATE conversations c SET last_inbound_at = t.at, updated_at = t.at
           FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, workspace_id uuid, at timestamptz)
          WHERE c.id = ANY($10::uuid[]) AND c.id = t.id AND c.workspace_id = t.workspace_id
       ), saved AS (
         UPDATE flow_sessions s
            SET state = v.state, status = v.status, version = s.version + v.steps, updated_at = v.at, ended_at = COALESCE(s.ended_at, CASE WHEN v.ended THEN v.at END)
           FROM jsonb_to_recordset($3::jsonb) AS v(id uuid, workspace_id uuid, state jsonb, status text, at timestamptz, ended boolean, expected_version int, steps int)
          WHERE s.id = ANY($11::uuid[]) AND s.id = v.id AND s.workspace_id = v.workspace_id AND s.version = v.expected_version
         RETURNING s.id
       ), done AS (
         UPDATE inbound_events e SET status = d.status, processed_at = d.at, error = NULL
           FROM jsonb_to_recordset($4::jsonb) AS d(id uuid, workspace_id uuid, status text, at timestamptz)
          WHERE e.id = ANY($12::uuid[]) AND e.id = d.id AND e.workspace_id = d.workspace_id
       ), sent AS (
         SELECT * FROM ROWS FROM (jsonb_to_recordset($5::jsonb) AS (workspace_id uuid, session_id uuid, conversation_id uuid, effect_id text, payload jsonb, claim_token uuid, at timestamptz))
                WITH ORDINALITY AS s(workspace_id, session_id, conversation_id, effect_id, payload, claim_token, at, ord)
       ), claim AS (
         SELECT DISTINCT s.conversation_id, s.claim_token FROM sent s
          WHERE s.claim_token IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.status = 'pending' AND o.type = 'send' AND o.conversation_id = s.conversation_id AND o.conversation_id = ANY($10::uuid[]))
       ), outbox_written AS (
         INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at, claim_token, claimed_until)
         SELECT s.workspace_id, s.session_id, s.conversation_id, s.effect_id, 'send', s.payload, s.at, c.claim_token,
                CASE WHEN c.claim_token IS NULL THEN NULL ELSE now() + make_interval(secs => $9::double precision / 1000) END
           FROM sent s LEFT JOIN claim c ON c.conversation_id = s.conversation_id ORDER BY s.ord
         ON CONFLICT (effect_id) DO NOTHING
         RETURNING id, effect_id, claim_token
       ), timer_outbox AS (
         INSERT INTO outbox (workspace_id, session_id, conversation_id, effect_id, type, payload, created_at)
         SELECT workspace_id, session_id, conversation_id, effect_id, type, payload, at
           FROM ROWS FROM (jsonb_to_recordset($6::jsonb) AS (workspace_id uuid, session_id uuid, conversation_id uuid, effect_id text, type text, payload jsonb, at timestamptz))
                WITH ORDINALITY AS t(workspace_id, session_id, conversation_id, effect_id, type, payload, at, ord)
          ORDER BY ord
         ON CONFLICT (effect_id) DO NOTHING
       ), timers_written AS (
         INSERT INTO session_timers (workspace_id, session_id, timer_id, node_id, fire_at)
         SELECT workspace_id, session_id, timer_id, node_id, fire_at FROM jsonb_to_recordset($7::jsonb) AS (workspace_id uuid, session_id uuid, timer_id text, node_id text, fire_at timestamptz)
         ON CONFLICT (timer_id) DO NOTHING
       ), cancelled AS (
         UPDATE session_timers t SET status = 'cancelled'
           FROM jsonb_to_recordset($8::jsonb) AS x(workspace_id uuid, timer_id text)
          WHERE t.timer_id = ANY($13::text[]) AND t.workspace_id = x.workspace_id AND t.timer_id = x.timer_id AND t.status IS NOT DISTINCT FROM 'pending'
       ), logged AS (
         INSERT INTO run_log (workspace_id, session_id, at, entries)
         SELECT workspace_id, session_id, at, entries
           FROM ROWS FROM (jsonb_to_recordset($14::jsonb) AS (workspace_id uuid, session_id uuid, at timestamptz, entries jsonb)) WITH ORDINALITY AS l(workspace_id, session_id, at, entries, ord)
          ORDER BY ord
       )
       SELECT 'in' AS kind, id, NULL AS key FROM messages_written WHERE direction = 'in'
       UNION ALL SELECT 'session', id, NULL FROM saved
       UNION ALL SELECT 'claim', id, effect_id FROM outbox_written WHERE claim_token IS NOT NULL`,
      [
        JSON.stringify(messages),
        JSON.stringify(touched),
        JSON.stringify(saved),
        JSON.stringify(done),
        JSON.stringify(sent),
        JSON.stringify(outbox),
        JSON.stringify(timers),
        JSON.stringify(cancels),
        SEND_LEASE_MS,
        // Each row to change is found by its key (= ANY: an index scan), not by joining the table to the input.
        touched.map((row) => row.id),
        saved.map((row) => row.id),
        done.map((row) => row.id),
        cancels.map((row) => row.timer_id),
        JSON.stringify(log),
      ],
    );
    const savedCount = rows.filter((row) => row.kind === 'session').length;
    if (savedCount !== saved.length) throw new BatchConflict(`${String(saved.length - savedCount)} of ${String(saved.length)} sessions changed while the batch stepped them`);
    const storedInbound = new Set<string>();
    const claimedIds = new Map<string, string>();
    for (const row of rows) {
      if (row.kind === 'in') storedInbound.add(row.id);
      if (row.kind === 'claim' && row.key !== null) claimedIds.set(row.key, row.id);
    }
    return { storedInbound, claimedIds };
  }
}

/** A session of the batch changed after it was read: the batch rolls back, and each event is stepped alone. */
export class BatchConflict extends Error {}
