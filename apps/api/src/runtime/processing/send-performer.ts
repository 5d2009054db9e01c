import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@jornada/flow-engine';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { classifyJobError, JobError } from '../../queues/job-error.js';
import { RealtimeBus } from '../../realtime/realtime-bus.js';
import { Clock } from '../clock.js';
import { SEND_LEASE_MS, type ClaimedSend, type InlineClaim } from '../inline-send-claims.js';
import { KeyedSerializer } from '../concurrency/keyed-serializer.js';
import { StatementCoalescer } from '../concurrency/statement-coalescer.js';
import { ChannelAdapters, type ChannelAdapter } from './channel-adapter.js';
import { OUTBOX_COLUMNS, OutboxRepository, toOutboxRecord, type OutboxRecord, type OutboxRow } from './outbox.repository.js';
import { OutboundRateLimiter } from './rate-limit/outbound-rate-limiter.js';
import { rateLimitOf } from './rate-limit/channel-rate-limits.js';

interface SentMark {
  readonly row: OutboxRecord;
  readonly token: string;
  readonly messageId: string;
  readonly conversationId: string;
  readonly providerMessageId: string;
}

const LEASE_MS = SEND_LEASE_MS;
const RENEW_AFTER_MS = LEASE_MS / 3;
/** How long a job waits in place for another job to finish the conversation's earlier sends. */
const WAIT_FOR_OTHERS_MS = 10_000;
const POLL_MS = 50;
/**
 * Pace at 95% of a channel's limit: a send can leave a few milliseconds after its slot (timers
 * run late under load) and the next one on time, so an exact pace would now and then put one
 * message too many into a provider's second.
 */
const PACE_SAFETY = 0.95;

type Claim = { readonly kind: 'claimed'; readonly sends: readonly ClaimedSend[] } | { readonly kind: 'busy' } | { readonly kind: 'done' };

/**
 * Marks sends done and their messages sent ($1 outbox ids, $2 their claim tokens, $3 now, $4
 * message ids, $5 their workspaces, $6 the provider's ids); answers the messages marked. Each
 * row is found by its primary key (`id = ANY`), whatever the plan: with a JSON recordset's
 * estimate of 100 rows PostgreSQL planned a hash join over the whole table (3.3 ms a statement
 * under load), and a prepared statement's generic plan cannot know how many rows come in
 * either. The pending guard is written so no partial index can serve it (runtime-sql.ts,
 * "Keyed status guards").
 */
export const MARK_SENT_SQL = `WITH done AS (
         UPDATE outbox o SET status = 'done', done_at = $3, attempts = o.attempts + 1, claimed_until = NULL, claim_token = NULL
           FROM unnest($1::uuid[], $2::uuid[]) AS i(outbox_id, token)
          WHERE o.id = ANY($1::uuid[]) AND o.id = i.outbox_id AND o.claim_token = i.token AND o.status IS NOT DISTINCT FROM 'pending'
       )
       UPDATE messages m SET status = 'sent', provider_message_id = i.provider_message_id, sent_at = clock_timestamp()
         FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS i(message_id, workspace_id, provider_message_id)
        WHERE m.id = ANY($4::uuid[]) AND m.id = i.message_id AND m.workspace_id = i.workspace_id AND m.status = 'queued'
       RETURNING m.id`;

/**
 * Performs a conversation's sends in message order, one job at a time per conversation,
 * without holding a database connection across the provider call:
 * 1. claim — in a short transaction under the conversation's outbound lock, every pending send
 *    of the conversation gets this job's lease (unless another job's lease is still running:
 *    then wait for it in place, briefly, and look again);
 * 2. send each, in order, paced by the channel's rate limit, marking each done as it goes;
 * 3. a send that can never succeed (a user or system error: invalid number, rejected template)
 *    is marked failed on its own row and the next ones go on; a transient failure (429, 5xx,
 *    timeout) gives the remaining claims back and fails the job, to be retried in order.
 * A job that dies leaves leases that expire; the sweep re-dispatches the rows. The effect id
 * is the idempotency key of each send, so providers that honour one never deliver it twice.
 */
@Injectable()
export class SendPerformer {
  private readonly conversations = new KeyedSerializer();

  constructor(
    private readonly dataSource: DataSource,
    private readonly adapters: ChannelAdapters,
    private readonly limiter: OutboundRateLimiter,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly bus: RealtimeBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async perform(row: OutboxRecord): Promise<void> {
    const { adapter, channel, conversationId } = this.target(row);
    // This process's jobs of one conversation take turns here instead of polling each other's leases.
    await this.conversations.run(conversationId, () => this.performInTurn({ row, adapter, channel, conversationId, waitForOthersMs: WAIT_FOR_OTHERS_MS }));
  }

  /**
   * Right after the step that produced it, in the same process, for a channel that is not paced
   * (the sandbox, web chat): sends without the hop through the outbound queue, together with
   * the conversation's other pending sends. Answers the ids of the rows it performed (none when
   * another job had already taken this one), or null when the row must go through the queue
   * after all — a paced channel, another job busy with the conversation, or a failure to retry
   * with backoff; the caller then enqueues it.
   */
  async tryInline(row: OutboxRecord): Promise<readonly string[] | null> {
    let target: ReturnType<SendPerformer['target']>;
    try {
      target = this.target(row);
    } catch {
      return null;
    }
    if (rateLimitOf(target.channel, this.config.outboundRateLimits) > 0) return null;
    try {
      const outcome = await this.conversations.run(target.conversationId, () => this.performInTurn({ row, ...target, waitForOthersMs: 0 }));
      return outcome === 'busy' ? null : outcome.performed;
    } catch {
      return null;
    }
  }

  /**
   * Sends what a step claimed for this process while writing it (InlineSendClaims): no claim
   * transaction, the lease is already ours. Answers the ids of the rows performed; none when the
   * channel has no adapter or a send failed transiently — the rows not sent are given back
   * (unleased) and the caller dispatches them like any other.
   */
  async performClaimed(claim: InlineClaim): Promise<readonly string[]> {
    const adapter = this.adapters.get(claim.channel);
    if (adapter === undefined) {
      await this.release(claim.sends.map((s) => s.row.id), claim.token);
      return [];
    }
    try {
      await this.conversations.run(claim.conversationId, () => this.sendAll({ adapter, channel: claim.channel, conversationId: claim.conversationId, sends: claim.sends, token: claim.token }));
      return claim.sends.map((s) => s.row.id);
    } catch {
      return []; // sendAll gave back the leases of what it did not send
    }
  }

  /**
   * A send the provider accepted: its outbox row done (while this claim holds it) and its
   * message sent under the provider's id; the conversation's streams hear of it. Sends finishing
   * at the same time in other conversations share the statement (StatementCoalescer); one
   * conversation's sends stay in order, since sendAll waits for each before the next.
   */
  private async markSent(sent: SentMark): Promise<void> {
    if (await this.sentMarks.submit(sent)) {
      await this.bus.notify(this.dataSource, { type: 'message', workspaceId: sent.row.workspaceId, conversationId: sent.conversationId, messageId: sent.messageId });
    }
  }

  private readonly sentMarks = new StatementCoalescer<SentMark, boolean>(async (marks) => {
    // An UPDATE answers [rows, count] through TypeORM's query().
    const [rows] = await this.dataSource.query<[{ id: string }[], number]>(
      MARK_SENT_SQL,
      [
        marks.map((mark) => mark.row.id),
        marks.map((mark) => mark.token),
        this.clock.now(),
        marks.map((mark) => mark.messageId),
        marks.map((mark) => mark.row.workspaceId),
        marks.map((mark) => mark.providerMessageId),
      ],
    );
    const updated = new Set(rows.map((row) => row.id));
    return marks.map((mark) => updated.has(mark.messageId));
  });

  private async release(ids: readonly string[], token: string): Promise<void> {
    await this.dataSource
      .query(`UPDATE outbox SET claimed_until = NULL, claim_token = NULL WHERE id = ANY($1::uuid[]) AND claim_token = $2`, [ids, token])
      .catch(() => undefined); // the leases expire anyway
  }

  private target(row: OutboxRecord): { adapter: ChannelAdapter; channel: string; conversationId: string } {
    const { channel, conversationId } = row.payload as { channel?: unknown; conversationId?: unknown };
    if (typeof channel !== 'string' || typeof conversationId !== 'string') throw JobError.system(`outbox row ${row.id}: send payload is incomplete`);
    const adapter = this.adapters.get(channel);
    if (adapter === undefined) throw JobError.user(`no channel adapter for "${channel}" yet`);
    return { adapter, channel, conversationId };
  }

  /** Claims and sends (the ids performed); 'busy' when another job had the conversation and `waitForOthersMs` ran out (inline: at once). */
  private async performInTurn({
    row,
    adapter,
    channel,
    conversationId,
    waitForOthersMs,
  }: {
    row: OutboxRecord;
    adapter: ChannelAdapter;
    channel: string;
    conversationId: string;
    waitForOthersMs: number;
  }): Promise<{ performed: readonly string[] } | 'busy'> {
    const token = randomUUID();
    const deadline = Date.now() + waitForOthersMs;
    let claim = await this.claim({ row, conversationId, token });
    while (claim.kind === 'busy') {
      if (waitForOthersMs === 0) return 'busy';
      if (Date.now() > deadline) throw JobError.transient(`another job is still sending conversation ${conversationId}'s earlier messages`);
      await sleep(POLL_MS);
      claim = await this.claim({ row, conversationId, token });
    }
    if (claim.kind === 'done') return { performed: [] };
    await this.sendAll({ adapter, channel, conversationId, sends: claim.sends, token });
    return { performed: claim.sends.map((s) => s.row.id) };
  }

  private async sendAll({ adapter, channel, conversationId, sends, token }: { adapter: ChannelAdapter; channel: string; conversationId: string; sends: readonly ClaimedSend[]; token: string }): Promise<void> {
    const perSecond = rateLimitOf(channel, this.config.outboundRateLimits) * PACE_SAFETY;
    let index = 0;
    let renewedAt = Date.now();
    try {
      for (; index < sends.length; index += 1) {
        const { row, messageId, message } = sends[index] as ClaimedSend;
        if (Date.now() - renewedAt > RENEW_AFTER_MS) {
          // A long, paced batch (a slow channel): keep the rest of it ours.
          await this.extendLease(sends.slice(index).map((s) => s.row.id), token);
          renewedAt = Date.now();
        }
        if (perSecond > 0) {
          // The channel account: per workspace until channels have their own rows (a number each).
          const waitMs = await this.limiter.reserve(`${channel}:${row.workspaceId}`, perSecond);
          if (waitMs > 0) await sleep(waitMs);
        }
        let providerMessageId: string;
        try {
          ({ providerMessageId } = await adapter.send({ workspaceId: row.workspaceId, conversationId, messageId, message, idempotencyKey: row.effectId }));
        } catch (error) {
          const kind = classifyJobError(error);
          if (kind === 'transient') throw error;
          await this.outbox.markFailed(row, { at: this.clock.now(), error: error instanceof Error ? error.message : String(error), errorClass: kind });
          continue;
        }
        await this.markSent({ row, token, messageId, conversationId, providerMessageId });
      }
    } catch (error) {
      await this.release(
        sends.slice(index).map((s) => s.row.id),
        token,
      );
      throw error;
    }
  }

  private async extendLease(ids: readonly string[], token: string): Promise<void> {
    await this.dataSource.query(`UPDATE outbox SET claimed_until = now() + ($3 || ' milliseconds')::interval WHERE id = ANY($1::uuid[]) AND claim_token = $2`, [ids, token, String(LEASE_MS)]);
  }

  private claim({ row, conversationId, token }: { row: OutboxRecord; conversationId: string; token: string }): Promise<Claim> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`runtime:outbound:${conversationId}`]);
      const pending = await tx.query<(OutboxRow & { leased: boolean })[]>(
        `SELECT ${OUTBOX_COLUMNS}, (o.claimed_until IS NOT NULL AND o.claimed_until > now()) AS leased
           FROM outbox o JOIN messages m ON m.id = (o.payload->>'messageId')::uuid
          WHERE o.status = 'pending' AND o.type = 'send' AND o.workspace_id = $1 AND o.conversation_id = $2::uuid
          ORDER BY m.seq`,
        [row.workspaceId, conversationId],
      );
      const own = pending.find((p) => p.id === row.id);
      // Sent already, or in another job's claim (if that job dies, the lease lapses and the recovery sweep runs this row again).
      if (own === undefined || own.leased) return { kind: 'done' };
      if (pending.some((p) => p.leased)) return { kind: 'busy' };
      await tx.query(`UPDATE outbox SET claimed_until = now() + ($3 || ' milliseconds')::interval, claim_token = $2 WHERE id = ANY($1::uuid[])`, [pending.map((p) => p.id), token, String(LEASE_MS)]);
      return {
        kind: 'claimed',
        sends: pending.map((p) => {
          const row = toOutboxRecord(p);
          const payload = row.payload as { messageId: string; message: OutboundMessage };
          return { row, messageId: payload.messageId, message: payload.message };
        }),
      };
    });
  }
}
