/**
 * The job queues, one per concern, and what a job of each carries. Payloads hold ids only
 * (Postgres is the system of record; a job is a pointer to a row) plus `v`, the payload
 * version: a job enqueued before a deploy must still be understood after it.
 */
export interface QueuePayloads {
  /** A stored inbound event (webhook delivery) to step into its conversation. */
  readonly inbound: { readonly v: 1; readonly inboundEventId: string };
  /** A timer row that came due (wait, reminder, no-reply timeout). */
  readonly timers: { readonly v: 1; readonly timerId: string };
  /** An outbox effect (a send) to perform. */
  readonly outbound: { readonly v: 1; readonly outboxEffectId: string };
  /** An external or commerce event to route to the flows and sessions waiting for it. */
  readonly events: { readonly v: 1; readonly externalEventId: string };
}

export type QueueName = keyof QueuePayloads;
export type QueuePayload<Q extends QueueName> = QueuePayloads[Q];

export const QUEUE_NAMES = Object.freeze(['inbound', 'timers', 'outbound', 'events'] as const satisfies readonly QueueName[]);

/** The id field of each queue's payload: it names the row, and makes the job id. */
export const PAYLOAD_ID_FIELD = Object.freeze({
  inbound: 'inboundEventId',
  timers: 'timerId',
  outbound: 'outboxEffectId',
  events: 'externalEventId',
} as const satisfies { readonly [Q in QueueName]: keyof QueuePayloads[Q] });

/** The current payload version; bump it (and parse the old one) when a payload changes. */
export const PAYLOAD_VERSION = 1;

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(value);
}

/**
 * The explicit job id: adding the same row twice while its job is kept is a no-op. BullMQ
 * refuses `:` in custom ids, hence `-` (`inbound-<eventId>`).
 */
export function jobIdFor<Q extends QueueName>(queue: Q, payload: QueuePayload<Q>): string {
  const id = (payload as unknown as Record<string, string>)[PAYLOAD_ID_FIELD[queue]];
  return `${queue}-${String(id)}`;
}
