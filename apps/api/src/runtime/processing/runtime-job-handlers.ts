import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { Json } from '@jornada/flow-engine';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig } from '../../config/app-config.js';
import { classifyJobError, JobError } from '../../queues/job-error.js';
import type { QueueName, QueuePayload } from '../../queues/queue-names.js';
import { QUEUE_SETTINGS, type QueueSettings } from '../../queues/queue-settings.js';
import type { JobContext } from '../../queues/queue.service.js';
import { Clock } from '../clock.js';
import { KeyedSerializer } from '../concurrency/keyed-serializer.js';
import { RecentMap } from '../concurrency/recent-map.js';
import { StatementCoalescer } from '../concurrency/statement-coalescer.js';
import { FireTimerUseCase } from '../fire-timer.use-case.js';
import { InboundEventRepository } from '../inbound-event.repository.js';
import { InboundStepBatch } from '../inbound-step-batch.js';
import type { BatchedEvent } from '../inbound-step-batch.repository.js';
import type { ProcessInboundEventResult } from '../process-inbound-event.use-case.js';
import { appendRunLogEntry } from '../run-log.js';
import { RuntimeFault } from '../session-stepper.js';
import { StartFlowUseCase } from '../start-flow.use-case.js';
import { FailInboundEventUseCase } from './fail-inbound-event.use-case.js';
import { OutboxRepository, type OutboxRecord } from './outbox.repository.js';
import { HttpRequestPerformer } from './http-request-performer.js';
import { RuntimeDispatcher } from './runtime-dispatcher.js';
import { SendPerformer } from './send-performer.js';

/** How many stepped events a process remembers dispatching (RuntimeJobHandlers.dispatchedHere): minutes of a busy worker's work. */
const DISPATCHED_HERE_REMEMBERED = 50_000;

/** A timer job that runs early (clock skew between processes) waits in the job up to this long. */
const MAX_EARLY_WAIT_MS = 10_000;

/**
 * The processors of the runtime's queues (registered by RuntimeProcessingModule):
 * - inbound: step the event (ProcessInboundEventUseCase; concurrent jobs of different senders
 *   together, InboundStepBatch), then dispatch what it produced; after the last attempt,
 *   FailInboundEventUseCase so the sender's later events are not blocked.
 * - timers: fire the timer (FireTimerUseCase), then dispatch what it produced.
 * - outbound: perform one outbox row: a send through the conversation's channel adapter, a
 *   flow's HTTP request, or a jump to another flow.
 */
@Injectable()
export class RuntimeJobHandlers {
  private readonly senders = new KeyedSerializer();
  /**
   * Events this process stepped and whose replies it is dispatching or has dispatched. The job
   * of such an event (stepped with a later one of its sender, whose job ran first) has nothing to
   * add. Only while this process lives: when it dies, another worker's job of the event finds it
   * unknown here and dispatches what is pending.
   */
  private readonly dispatchedHere = new RecentMap<true>(DISPATCHED_HERE_REMEMBERED);
  /** Jobs that arrive while a batch is in flight are stepped together (one sender's jobs wait in `senders` first). */
  private readonly inboundSteps: StatementCoalescer<BatchedEvent, ProcessInboundEventResult>;

  constructor(
    private readonly dataSource: DataSource,
    inboundBatch: InboundStepBatch,
    private readonly inboundEvents: InboundEventRepository,
    private readonly failInbound: FailInboundEventUseCase,
    private readonly fireTimer: FireTimerUseCase,
    private readonly dispatcher: RuntimeDispatcher,
    private readonly outbox: OutboxRepository,
    private readonly sends: SendPerformer,
    private readonly httpRequests: HttpRequestPerformer,
    private readonly startFlow: StartFlowUseCase,
    private readonly clock: Clock,
    @Inject(QUEUE_SETTINGS) private readonly settings: QueueSettings,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.inboundSteps = new StatementCoalescer((events) => inboundBatch.execute(events), { maxBatch: config.inboundBatchSize, maxInFlight: 2 });
  }

  async inbound({ inboundEventId }: QueuePayload<'inbound'>, context: JobContext): Promise<void> {
    // Many jobs' look-ups share one statement under load (StatementCoalescer).
    const event = await this.inboundEvents.findSender(inboundEventId);
    if (event === null) return; // deleted with its workspace
    const workspaceId = event.workspaceId;
    try {
      // This process's jobs of one sender wait here, not each on the sender's lock with a pooled connection.
      const result = await this.senders.run(`${workspaceId}:${event.channel}:${event.sender}`, () =>
        this.inboundSteps.submit({ workspaceId, eventId: inboundEventId, channel: event.channel, sender: event.sender }),
      );
      if (result.status === 'done') {
        const stepped = result.processed.map((p) => p.eventId);
        for (const id of stepped) this.dispatchedHere.set(id, true);
        try {
          await this.dispatcher.dispatchConversations(result.conversationIds, result.inlineSends);
        } catch (error) {
          for (const id of stepped) this.dispatchedHere.delete(id); // this job's retry, or theirs, dispatches
          throw error;
        }
      }
      // When another job processed it, this one may be the retry of a job that died before
      // dispatching, unless that job is this process's.
      else if (!this.dispatchedHere.has(inboundEventId)) await this.dispatcher.afterInbound([inboundEventId]);
    } catch (cause) {
      const error = asJobError(cause);
      if (this.isLastAttempt('inbound', error, context)) {
        const outcome = await this.failInbound.execute({ workspaceId, eventId: inboundEventId, error: error.message });
        this.logger.warn({ inboundEventId, ...outcome }, 'Inbound event failed for good; its sender is unblocked');
        await this.dispatcher.afterInbound([inboundEventId, ...outcome.processed]);
      }
      throw error;
    }
  }

  async timers({ timerId: timerRowId }: QueuePayload<'timers'>, context: JobContext): Promise<void> {
    const found = await this.dataSource.query<{ workspace_id: string; timer_id: string; session_id: string }[]>(
      `SELECT workspace_id, timer_id, session_id FROM session_timers WHERE id = $1`,
      [timerRowId],
    );
    const timer = found[0];
    if (timer === undefined) return;
    for (;;) {
      let result;
      try {
        result = await this.fireTimer.execute({ workspaceId: timer.workspace_id, timerId: timer.timer_id });
      } catch (cause) {
        const error = asJobError(cause);
        // A timer that can never fire is marked failed (visible in the run log), not left pending for the sweep to re-arm.
        if (this.isLastAttempt('timers', error, context)) await this.markTimerFailed({ ...timer, id: timerRowId, error: error.message, errorClass: error.kind });
        throw error;
      }
      if (result.status !== 'not_due') break;
      // Re-adding the job under its own id would be a no-op (this job still exists): wait here instead.
      const remaining = result.fireAt.getTime() - this.clock.now().getTime();
      if (remaining > MAX_EARLY_WAIT_MS) throw JobError.transient(`timer ${timer.timer_id} is not due for ${String(remaining)} ms`);
      await sleep(Math.max(remaining, 1));
    }
    await this.dispatcher.afterTimer(timerRowId);
  }

  async outbound({ outboxEffectId }: QueuePayload<'outbound'>, context: JobContext): Promise<void> {
    const row = await this.outbox.findById(outboxEffectId);
    if (row === null || row.status !== 'pending') return; // done (a redelivered job) or failed already
    try {
      switch (row.type) {
        case 'send':
          await this.sends.perform(row);
          return;
        case 'start_flow':
          await this.performStartFlow(row);
          return;
        case 'http_request': {
          const conversationId = await this.httpRequests.perform(row, { lastAttempt: context.attempt >= this.settings.policies.outbound.attempts });
          if (conversationId !== null) await this.dispatcher.dispatchConversations([conversationId]);
          return;
        }
        case 'schedule_timer':
        case 'cancel_timer':
        case 'handoff':
          await this.dispatcher.dispatch(row); // applied by the step; only bookkeeping left
          return;
        default:
          throw JobError.system(`effect type "${row.type}" is not supported`);
      }
    } catch (cause) {
      const error = asJobError(cause);
      if (this.isLastAttempt('outbound', error, context)) {
        await this.outbox.markFailed(row, { at: this.clock.now(), error: error.message, errorClass: error.kind });
      }
      throw error;
    }
  }

  /** A "jump to flow": the target starts in the same conversation; the row is marked done in the same commit. */
  private async performStartFlow(row: OutboxRecord): Promise<void> {
    const { flowId, data, conversationId } = row.payload as { flowId?: string; data?: Record<string, Json>; conversationId?: string };
    if (typeof flowId !== 'string' || typeof conversationId !== 'string') throw JobError.system(`outbox row ${row.id}: start_flow payload is incomplete`);
    const result = await this.dataSource.transaction(async (tx) => {
      const started = await this.startFlow.execute({ workspaceId: row.workspaceId, conversationId, flowId, data: data ?? {} }, tx);
      if (started.status === 'started') await this.outbox.markDone(row.id, this.clock.now(), tx);
      return started;
    });
    if (result.status === 'refused') throw JobError.user(`cannot jump to flow ${flowId}: ${result.reason}`);
    await this.dispatcher.dispatchConversations([conversationId]);
  }

  private async markTimerFailed(timer: { id: string; workspace_id: string; session_id: string; timer_id: string; error: string; errorClass: string }): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [, count] = await tx.query<[unknown[], number]>(`UPDATE session_timers SET status = 'failed', error = $2 WHERE id = $1 AND status IS NOT DISTINCT FROM 'pending'`, [
        timer.id,
        timer.error.slice(0, 2000),
      ]);
      if (count === 0) return;
      await appendRunLogEntry(tx, { workspaceId: timer.workspace_id, sessionId: timer.session_id }, this.clock.now(), { kind: 'error', data: { timerId: timer.timer_id, error: timer.error, errorClass: timer.errorClass } });
    });
  }

  /** Whether the queue will not try this job again after `error`. */
  private isLastAttempt(queue: QueueName, error: JobError, context: JobContext): boolean {
    return classifyJobError(error) !== 'transient' || context.attempt >= this.settings.policies[queue].attempts;
  }
}

/** A RuntimeFault (unreadable state or document) is a system error; anything unclassified stays transient. */
function asJobError(error: unknown): JobError {
  if (error instanceof JobError) return error;
  if (error instanceof RuntimeFault) return JobError.system(error.message, { cause: error });
  return JobError.transient(error instanceof Error ? error.message : String(error), { cause: error });
}
