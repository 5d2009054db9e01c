import type { BusinessHoursSettings } from '../../session/events.js';
import { buildFlow, textMessage, type NodeInput } from '../test-support/flow-builder.js';
import { Conversation, NOW, effectsOf, manual, text, type ContextOverrides } from '../test-support/session.js';

type WaitData = Extract<NodeInput, { type: 'wait' }>['data'];

function waitFlow(data: WaitData) {
  return buildFlow({
    nodes: [{ id: 'w', type: 'wait', data }, textMessage('after', 'depois'), textMessage('replied', 'respondeu')],
    edges: [
      ['w', 'next', 'after'],
      ['w', 'reply', 'replied'],
    ],
  });
}

function scheduledAt(c: Conversation): string | undefined {
  return effectsOf(c.last.effects, 'schedule_timer')[0]?.fireAt;
}

const WEEKDAYS_9_TO_18: BusinessHoursSettings = {
  days: { mon: [{ start: '09:00', end: '18:00' }], tue: [{ start: '09:00', end: '18:00' }], wed: [{ start: '09:00', end: '18:00' }] },
};

describe('wait node', () => {
  it('duration: arms a timer and goes on by "next" when it fires', () => {
    const c = Conversation.start(waitFlow({ mode: 'duration', duration: { amount: 2, unit: 'hours' } }));
    const [scheduled] = effectsOf(c.last.effects, 'schedule_timer');
    expect(scheduled).toEqual({ type: 'schedule_timer', timerId: 'sess:1', nodeId: 'w', fireAt: '2026-03-10T14:00:00.000Z', purpose: 'wait' });
    expect(c.state).toMatchObject({ status: 'waiting', wait: { kind: 'timer', nodeId: 'w', timerId: 'sess:1' } });
    const r = c.fireTimer();
    expect(r.trace).toEqual([
      { nodeId: 'w', output: 'next' },
      { nodeId: 'after', output: 'next' },
    ]);
  });

  it('ignores replies unless interruptOnReply is set', () => {
    const c = Conversation.start(waitFlow({ mode: 'duration', duration: { amount: 1, unit: 'days' } }));
    const before = c.state;
    expect(c.step(text('oi')).outcome).toBe('ignored');
    expect(c.state).toBe(before);
  });

  it('interruptOnReply: a reply cancels the timer and leaves by "reply"', () => {
    const c = Conversation.start(waitFlow({ mode: 'duration', duration: { amount: 1, unit: 'days' }, interruptOnReply: true }));
    const r = c.step(text('oi'));
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId: 'sess:1' }]);
    expect(r.trace[0]).toEqual({ nodeId: 'w', output: 'reply' });
  });

  it('until_time: the next time of day in the workspace time zone', () => {
    // NOW is 09:00 in São Paulo (UTC-3).
    expect(scheduledAt(Conversation.start(waitFlow({ mode: 'until_time', time: '10:30' })))).toBe('2026-03-10T13:30:00.000Z');
    expect(scheduledAt(Conversation.start(waitFlow({ mode: 'until_time', time: '08:00' })))).toBe('2026-03-11T11:00:00.000Z');
    const lisbon: ContextOverrides = { workspace: { timezone: 'Europe/Lisbon' } };
    expect(scheduledAt(Conversation.start(waitFlow({ mode: 'until_time', time: '13:00' }), { context: lisbon }))).toBe('2026-03-10T13:00:00.000Z');
  });

  describe('until_date', () => {
    const flow = waitFlow({ mode: 'until_date', at: 'order.delivery_date' });
    const start = (date: string | number) => Conversation.start(flow, { trigger: manual({ order: { delivery_date: date } }) });

    it('waits until the date the expression gives', () => {
      const c = start('2026-03-12T15:00:00Z');
      expect(scheduledAt(c)).toBe('2026-03-12T15:00:00.000Z');
      expect(c.state.status).toBe('waiting');
    });

    it('goes straight on when the date is past', () => {
      const c = start('2026-03-01T00:00:00Z');
      expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([]);
      expect(c.last.trace).toContainEqual({ nodeId: 'w', output: 'next' });
    });

    it('goes straight on, with a warning, when the expression gives no date', () => {
      const c = start('semana que vem');
      expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([]);
      expect(effectsOf(c.last.effects, 'log')).toEqual([expect.objectContaining({ level: 'warn', code: 'wait_date_invalid', nodeId: 'w' })]);
      expect(c.last.trace).toContainEqual({ nodeId: 'w', output: 'next' });
    });
  });

  describe('business_hours', () => {
    const flow = waitFlow({ mode: 'business_hours' });
    const context: ContextOverrides = { workspace: { businessHours: WEEKDAYS_9_TO_18 } };

    it('does not wait while the shop is open (Tuesday 09:00 in São Paulo)', () => {
      const c = Conversation.start(flow, { context });
      expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([]);
      expect(c.last.trace).toContainEqual({ nodeId: 'w', output: 'next' });
    });

    it('waits until the next opening when closed', () => {
      // Tuesday 20:00 in São Paulo -> Wednesday 09:00.
      expect(scheduledAt(Conversation.start(flow, { context, now: new Date('2026-03-10T23:00:00Z') }))).toBe('2026-03-11T12:00:00.000Z');
      // Wednesday 19:00 -> Monday 09:00 (closed Thursday to Sunday).
      expect(scheduledAt(Conversation.start(flow, { context, now: new Date('2026-03-11T22:00:00Z') }))).toBe('2026-03-16T12:00:00.000Z');
    });

    it('does not wait when the workspace has no business hours', () => {
      const c = Conversation.start(flow, { now: new Date('2026-03-10T23:00:00Z') });
      expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([]);
      expect(c.last.trace).toContainEqual({ nodeId: 'w', output: 'next' });
    });
  });

  it('keeps the clock pure: the timer is computed from `now`, not the wall clock', () => {
    const later = new Date(NOW.getTime() + 86_400_000);
    const c = Conversation.start(waitFlow({ mode: 'duration', duration: { amount: 10, unit: 'minutes' } }), { now: later });
    expect(scheduledAt(c)).toBe(new Date(later.getTime() + 600_000).toISOString());
  });
});
