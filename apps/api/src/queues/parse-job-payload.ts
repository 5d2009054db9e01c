import { JobError } from './job-error.js';
import { PAYLOAD_ID_FIELD, PAYLOAD_VERSION, type QueueName, type QueuePayload } from './queue-names.js';

/**
 * A job's stored data -> its typed payload. Data of another version or shape is a system
 * error (not retried): it can only come from a deploy that forgot a payload migration.
 */
export function parseJobPayload<Q extends QueueName>(queue: Q, data: unknown): QueuePayload<Q> {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (record['v'] !== PAYLOAD_VERSION) {
    throw JobError.system(`Unsupported ${queue} payload version: ${JSON.stringify(record['v'])}`);
  }
  const field = PAYLOAD_ID_FIELD[queue];
  const id = record[field];
  if (typeof id !== 'string' || id === '') throw JobError.system(`Invalid ${queue} payload: ${field} is missing`);
  return { v: PAYLOAD_VERSION, [field]: id } as unknown as QueuePayload<Q>;
}
