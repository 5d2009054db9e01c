import { describe, expect, it } from '@jest/globals';
import { parseRealtimePayload } from './realtime-event.js';

describe('parseRealtimePayload', () => {
  const base = { workspaceId: 'w', conversationId: 'c' };

  it('reads a batch of the three kinds of event', () => {
    const batch = [
      { type: 'message', ...base, messageId: 'm' },
      { type: 'session', ...base, sessionId: 's' },
      { type: 'conversation', ...base },
    ];
    expect(parseRealtimePayload(JSON.stringify(batch))).toEqual(batch);
    expect(parseRealtimePayload(JSON.stringify(batch[0]))).toEqual([batch[0]]);
  });

  it('leaves out anything else on the channel', () => {
    for (const payload of [undefined, '', 'not json', '42', 'null', '{"type":"other","workspaceId":"w","conversationId":"c"}', '{"type":"message","workspaceId":"w","conversationId":"c"}', '{"type":"session","conversationId":"c","sessionId":"s"}']) {
      expect(parseRealtimePayload(payload)).toEqual([]);
    }
    expect(parseRealtimePayload(JSON.stringify([{ type: 'conversation', ...base }, { type: 'nope' }]))).toEqual([{ type: 'conversation', ...base }]);
  });
});
