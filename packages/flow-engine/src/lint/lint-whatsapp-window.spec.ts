import { cartAbandoned, edge, end, flow, inbound, only, text, type EdgeInput, type NodeInput, type TriggerInput } from './__fixtures__/flows.js';
import type { ChannelType, Duration } from '../schema/common.schema.js';
import { lint } from './lint.js';

const hours = (amount: number): Duration => ({ amount, unit: 'hours' });
const wait = (id: string, duration: Duration): NodeInput => ({ id, type: 'wait', data: { mode: 'duration', duration } });
const template = (id: string): NodeInput => ({ id, type: 'whatsapp_template', data: { name: 'reminder', language: 'en', quickReplies: [{ index: 0, id: 'yes', title: 'Yes' }] } });
const question = (id: string, timeout?: Duration): NodeInput => ({ id, type: 'question', data: { text: '?', kind: 'text', variable: 'v', ...(timeout ? { timeout } : {}) } });

function flagged(trigger: TriggerInput, nodes: NodeInput[], edges: EdgeInput[], channels: ChannelType[] = ['whatsapp']): string[] {
  const doc = flow({ triggers: [trigger], nodes: [...nodes, end()], edges: [edge(trigger.id, nodes[0]?.id ?? 'end'), ...edges], settings: { channels } });
  return only(lint(doc), 'whatsapp_window').map((i) => i.nodeId ?? '');
}

describe('the WhatsApp 24-hour window', () => {
  it('accepts free-form replies to a customer who just wrote', () => {
    expect(flagged(inbound(), [text('m')], [edge('m', 'end')])).toEqual([]);
  });

  it('flags free-form messages that open a business-initiated conversation', () => {
    expect(flagged(cartAbandoned(), [text('m')], [])).toEqual(['m']);
    expect(flagged({ id: 'tm', type: 'manual' }, [question('q')], [])).toEqual(['q']);
  });

  it('does not count a template as reopening the window, but counts a tap on its quick reply', () => {
    const nodes = [template('tp'), text('after_next'), text('after_tap')];
    expect(flagged(cartAbandoned(), nodes, [edge('tp', 'after_next'), edge('tp', 'after_tap', 'yes')])).toEqual(['after_next']);
  });

  it('adds up waits', () => {
    expect(flagged(inbound(), [wait('w', hours(23)), text('m')], [edge('w', 'm')])).toEqual([]);
    expect(flagged(inbound(), [wait('w', hours(20)), wait('w2', hours(4)), text('m')], [edge('w', 'w2'), edge('w2', 'm')])).toEqual(['m']);
    expect(flagged(inbound(), [wait('w', { amount: 2, unit: 'days' }), text('m')], [edge('w', 'm')])).toEqual(['m']);
    const untilTime: NodeInput = { id: 'w', type: 'wait', data: { mode: 'until_time', time: '09:00', interruptOnReply: true } };
    expect(flagged(inbound(), [untilTime, text('m'), text('r')], [edge('w', 'm'), edge('w', 'r', 'reply')])).toEqual(['m']);
  });

  it('resets when the customer answers, and adds the timeout when they do not', () => {
    const nodes = [question('q', hours(30)), text('answered'), text('silent')];
    expect(flagged(cartAbandoned(), [template('tp'), ...nodes], [edge('tp', 'q'), edge('q', 'answered'), edge('q', 'silent', 'timeout')])).toEqual(['q', 'silent']);
    expect(flagged(inbound(), nodes, [edge('q', 'answered'), edge('q', 'silent', 'timeout')])).toEqual(['silent']);
  });

  it('treats buttons like an answer and survey comments like a short wait', () => {
    const menu: NodeInput = { id: 'menu', type: 'message', data: { text: 'Pick', buttons: [{ id: 'b', title: 'B' }], timeout: hours(1) } };
    expect(flagged(inbound(), [wait('w', hours(25)), menu, text('m')], [edge('w', 'menu'), edge('menu', 'm', 'b')])).toEqual(['menu']);
    const survey: NodeInput = { id: 's', type: 'survey', data: { kind: 'csat', text: '?', comment: { prompt: 'Why?', timeout: hours(2) } } };
    expect(flagged(inbound(), [survey, wait('w', hours(21)), text('m')], [edge('s', 'w', 'positive'), edge('w', 'm')])).toEqual([]);
    expect(flagged(inbound(), [survey, wait('w', hours(22)), text('m')], [edge('s', 'w', 'positive'), edge('w', 'm')])).toEqual(['m']);
  });

  it('adds the event window of a wait for event, except on a reply', () => {
    const wfe: NodeInput = { id: 'e', type: 'wait_for_event', data: { events: ['order.created'], within: { amount: 2, unit: 'days' }, interruptOnReply: true } };
    expect(flagged(inbound(), [wfe, text('got'), text('late'), text('reply')], [edge('e', 'got', 'received'), edge('e', 'late', 'timeout'), edge('e', 'reply', 'reply')])).toEqual(['got', 'late']);
  });

  it('keeps the time across a handoff, and flags its message to the customer', () => {
    const handoff = (id: string, message?: string): NodeInput => ({ id, type: 'handoff', data: { reason: 'help', ...(message ? { message } : {}) } });
    expect(flagged(cartAbandoned(), [handoff('h'), text('m')], [edge('h', 'm', 'returned')])).toEqual(['m']);
    expect(flagged(cartAbandoned(), [handoff('h', 'A person will write to you')], [])).toEqual(['h']);
    expect(flagged(inbound(), [handoff('h', 'A person will write to you'), text('m')], [edge('h', 'm', 'resolved')])).toEqual([]);
  });

  it('sees a loop of short waits as unbounded', () => {
    const nodes = [text('m'), wait('w', { amount: 1, unit: 'seconds' })];
    expect(flagged(inbound(), nodes, [edge('m', 'w'), edge('w', 'm')])).toEqual(['m']);
    // A loop through a question resets each time round.
    expect(flagged(inbound(), [question('q', hours(1)), wait('w', hours(2))], [edge('q', 'w'), edge('w', 'q'), edge('q', 'end', 'timeout')])).toEqual([]);
  });

  it('takes the longest of many paths without mistaking them for a loop', () => {
    // c0 -> (wait 1 h | straight on) -> c1 -> ... : 2^k paths, the longest k hours.
    const ladder = (k: number) => {
      const nodes: NodeInput[] = [];
      const edges: EdgeInput[] = [];
      for (let i = 0; i < k; i += 1) {
        nodes.push({ id: `c${i}`, type: 'condition', data: { branches: [{ id: 'slow', when: 'true' }] } }, wait(`w${i}`, hours(1)));
        const after = i + 1 < k ? `c${i + 1}` : 'm';
        edges.push(edge(`c${i}`, `w${i}`, 'slow'), edge(`w${i}`, after), edge(`c${i}`, after, 'else'));
      }
      return flagged(inbound(), [...nodes, text('m')], edges);
    };
    expect(ladder(23)).toEqual([]);
    expect(ladder(24)).toEqual(['m']);
  });

  it('applies to WhatsApp flows only', () => {
    expect(flagged(cartAbandoned(), [text('m')], [], ['webchat'])).toEqual([]);
  });
});
