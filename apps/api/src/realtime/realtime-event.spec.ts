import { describe, expect, it } from '@jest/globals';
import { parseRealtimeEvent } from './realtime-event.js';

describe('parseRealtimeEvent', () => {
  it('reads the three kinds of event', () => {
    const base = { workspaceId: 'w', conversationId: 'c' };
    expect(parseRealtimeEvent(JSON.stringify({ type: 'message', ...base, messageId: 'm' }))).toEqual({ type: 'message', ...base, messageId: 'm' });
    expect(parseRealtimeEvent(JSON.stringify({ type: 'session', ...base, sessionId: 's' }))).toEqual({ type: 'session', ...base, sessionId: 's' });
    expect(parseRealtimeEvent(JSON.stringify({ type: 'conversation', ...base }))).toEqual({ type: 'conversation', ...base });
  });

  it('ignores anything else on the channel', () => {
    for (const payload of [undefined, '', 'not json', '42', 'null', '{"type":"other","workspaceId":"w","conversationId":"c"}', '{"type":"message","workspaceId":"w","conversationId":"c"}', '{"type":"session","conversationId":"c","sessionId":"s"}']) {
      expect(parseRealtimeEvent(payload)).toBeNull();
    }
  });
});
