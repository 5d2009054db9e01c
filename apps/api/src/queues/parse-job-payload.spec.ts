import { JobError } from './job-error.js';
import { parseJobPayload } from './parse-job-payload.js';
import { jobIdFor } from './queue-names.js';

describe('parseJobPayload', () => {
  it('keeps the version and the id, and drops anything else', () => {
    expect(parseJobPayload('inbound', { v: 1, inboundEventId: 'e1', extra: true })).toEqual({ v: 1, inboundEventId: 'e1' });
    expect(parseJobPayload('timers', { v: 1, timerId: 't1' })).toEqual({ v: 1, timerId: 't1' });
  });

  it('refuses another version or a missing id as a system error', () => {
    for (const data of [{ v: 2, timerId: 't1' }, { timerId: 't1' }, { v: 1 }, { v: 1, timerId: '' }, null]) {
      let error: unknown;
      try {
        parseJobPayload('timers', data);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(JobError);
      expect((error as JobError).kind).toBe('system');
    }
  });
});

describe('jobIdFor', () => {
  it('names the queue and the row, without the colon BullMQ refuses', () => {
    expect(jobIdFor('inbound', { v: 1, inboundEventId: 'e1' })).toBe('inbound-e1');
    expect(jobIdFor('outbound', { v: 1, outboxEffectId: 'o9' })).toBe('outbound-o9');
  });
});
