import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobError } from '../../queues/job-error.js';
import { Clock } from '../clock.js';
import { ConversationRepository } from '../conversation.repository.js';
import { FlowSessionRepository } from '../flow-session.repository.js';
import { toEffectResultEvent } from '../http-request/effect-result-event.js';
import { HttpRequestExecutor, type HttpRequestEffect } from '../http-request/http-request.executor.js';
import { appendRunLogEntry } from '../run-log.js';
import { lockConversation } from '../runtime-sql.js';
import { SessionStepper } from '../session-stepper.js';
import { OutboxRepository, type OutboxRecord } from './outbox.repository.js';

/**
 * Performs a flow's HTTP request (HttpRequestExecutor: address checks, limits, redaction) and
 * feeds the result to the session waiting on it. A failure worth retrying (a 503, a timeout
 * before anything was sent) fails the job while attempts remain; otherwise — success, a final
 * error, or the last attempt — the session resumes with the outcome (its success or error
 * output), and the call's redacted log joins the run log, in the same transaction that marks
 * the outbox row done, so a redelivered job does not step the session twice.
 */
@Injectable()
export class HttpRequestPerformer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: HttpRequestExecutor,
    private readonly sessions: FlowSessionRepository,
    private readonly conversations: ConversationRepository,
    private readonly stepper: SessionStepper,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  /** Returns the conversation whose session was stepped (to dispatch what it produced), or null. */
  async perform(row: OutboxRecord, { lastAttempt }: { lastAttempt: boolean }): Promise<string | null> {
    const effect = row.payload as unknown as HttpRequestEffect;
    if (typeof effect.id !== 'string' || typeof effect.url !== 'string') throw JobError.system(`outbox row ${row.id}: http_request payload is incomplete`);
    const outcome = await this.executor.execute(effect, { workspaceId: row.workspaceId });
    if (!outcome.ok && outcome.failure?.retryAdvisable === true && !lastAttempt) {
      throw JobError.transient(outcome.error ?? 'the HTTP request failed');
    }
    return this.dataSource.transaction(async (tx) => {
      const sessionRow = await this.sessions.findById(tx, { workspaceId: row.workspaceId, id: row.sessionId });
      if (sessionRow === null) return null; // deleted with its conversation
      await lockConversation(tx, sessionRow.conversationId);
      if (!(await this.outbox.markDone(row.id, this.clock.now(), tx))) return null; // another delivery of this job got here first
      await appendRunLogEntry(tx, { workspaceId: row.workspaceId, sessionId: row.sessionId }, this.clock.now(), { kind: 'http_result', data: { effectId: effect.id, nodeId: effect.nodeId, ok: outcome.ok, ...outcome.log } });
      // Re-read under the lock: the step may have moved on (a timeout, a reply) — then the engine ignores the result.
      const session = await this.sessions.findById(tx, { workspaceId: row.workspaceId, id: row.sessionId });
      const conversation = await this.conversations.findById(tx, { workspaceId: row.workspaceId, id: sessionRow.conversationId });
      if (session === null || conversation === null) return null;
      await this.stepper.step(tx, { session, conversation, event: toEffectResultEvent(effect.id, outcome), now: this.clock.now() });
      return conversation.id;
    });
  }
}
