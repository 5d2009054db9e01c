import { edge, end, flow, inbound, only, type NodeInput } from './__fixtures__/flows.js';
import type { ChannelType } from '../schema/common.schema.js';
import type { LintCode } from './issue.js';
import { lint } from './lint.js';

const on = (node: NodeInput, channels: ChannelType[] = ['whatsapp']) =>
  lint(flow({ triggers: [inbound()], nodes: [node, end()], edges: [edge('t1', node.id)], settings: { channels } }));
const codes = (node: NodeInput, channels?: ChannelType[]) => on(node, channels).filter((i) => i.code.startsWith('whatsapp_') && i.code !== 'whatsapp_window').map((i) => i.code);

const buttons = (n: number, title = 'OK') => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title }));
const rows = (n: number, title = 'Row') => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title }));
const menu = (data: Record<string, unknown>): NodeInput => ({ id: 'm', type: 'message', label: 'Menu', data: { text: 'Pick', ...data } }) as NodeInput;
const x = (n: number) => 'x'.repeat(n);

describe('WhatsApp limits', () => {
  it('allows at most 3 buttons', () => {
    expect(codes(menu({ buttons: buttons(3) }))).toEqual([]);
    const issues = only(on(menu({ buttons: buttons(4) })), 'whatsapp_too_many_buttons');
    expect(issues).toEqual([expect.objectContaining({ nodeId: 'm', severity: 'error', path: 'nodes.0.data.buttons', params: expect.objectContaining({ count: 4, max: 3 }) })]);
    expect(issues[0]?.message).toMatch(/^The "Menu" message has 4 buttons; WhatsApp shows at most 3\./);
  });

  it('allows button titles of up to 20 characters', () => {
    expect(codes(menu({ buttons: buttons(1, x(20)) }))).toEqual([]);
    expect(only(on(menu({ buttons: buttons(2, x(21)) })), 'whatsapp_button_title_too_long').map((i) => i.path)).toEqual([
      'nodes.0.data.buttons.0.title',
      'nodes.0.data.buttons.1.title',
    ]);
    expect(codes(menu({ list: { buttonLabel: x(21), sections: [{ rows: rows(1) }] } }))).toEqual(['whatsapp_button_title_too_long']);
  });

  it('allows template quick replies of up to 25 characters', () => {
    const tpl: NodeInput = { id: 'tp', type: 'whatsapp_template', data: { name: 'a', language: 'en', quickReplies: [{ index: 0, id: 'q', title: x(25) }] } };
    expect(codes(tpl)).toEqual([]);
  });

  it('allows at most 10 list rows in all sections', () => {
    expect(codes(menu({ list: { buttonLabel: 'See', sections: [{ rows: rows(10) }] } }))).toEqual([]);
    const split = { buttonLabel: 'See', sections: [{ rows: rows(6) }, { rows: rows(5).map((r) => ({ ...r, id: `s${r.id}` })) }] };
    expect(only(on(menu({ list: split })), 'whatsapp_list_too_many_rows')).toEqual([expect.objectContaining({ params: expect.objectContaining({ count: 11, max: 10 }) })]);
  });

  it('allows list row titles of up to 24 characters', () => {
    expect(codes(menu({ list: { buttonLabel: 'See', sections: [{ rows: rows(1, x(24)) }] } }))).toEqual([]);
    expect(only(on(menu({ list: { buttonLabel: 'See', sections: [{ rows: rows(1, x(25)) }] } })), 'whatsapp_list_row_title_too_long')).toEqual([
      expect.objectContaining({ path: 'nodes.0.data.list.sections.0.rows.0.title' }),
    ]);
  });

  it.each<[string, NodeInput, number]>([
    ['plain text', { id: 'm', type: 'message', data: { text: '' } }, 4096],
    ['a buttons body', menu({ buttons: buttons(2) }), 1024],
    ['a list body', menu({ list: { buttonLabel: 'See', sections: [{ rows: rows(2) }] } }), 1024],
    ['a media caption', { id: 'm', type: 'message', data: { text: '', media: { kind: 'image', url: 'https://x.example/a.png' } } }, 1024],
    ['a text question', { id: 'm', type: 'question', data: { text: '', kind: 'text', variable: 'v' } }, 4096],
    ['a choice question sent as buttons', { id: 'm', type: 'question', data: { text: '', kind: 'choice', variable: 'v', options: [{ id: 'a', title: 'A' }] } }, 1024],
    ['an NPS survey', { id: 'm', type: 'survey', data: { kind: 'nps', text: '' } }, 4096],
    ['a CSAT survey (sent as a list)', { id: 'm', type: 'survey', data: { kind: 'csat', text: '' } }, 1024],
  ])('limits the text of %s to %i characters', (_what, node, max) => {
    const withText = (n: number) => ({ ...node, data: { ...node.data, text: x(n) } }) as NodeInput;
    expect(codes(withText(max))).toEqual([]);
    expect(only(on(withText(max + 1)), 'whatsapp_text_too_long')).toEqual([
      expect.objectContaining({ path: 'nodes.0.data.text', params: expect.objectContaining({ length: max + 1, max }) }),
    ]);
  });

  it('does not flag choice questions, which the engine adapts to the channel', () => {
    const options = Array.from({ length: 10 }, (_, i) => ({ id: `o${i}`, title: x(40) }));
    expect(codes({ id: 'q', type: 'question', data: { text: x(3000), kind: 'choice', variable: 'v', options } })).toEqual([]);
  });

  it('checks nothing when the flow is not on WhatsApp', () => {
    const loud = menu({ text: x(5000), buttons: buttons(5, x(30)) });
    expect(codes(loud, ['webchat', 'sandbox'])).toEqual([]);
    const all: LintCode[] = ['whatsapp_too_many_buttons', 'whatsapp_button_title_too_long', 'whatsapp_text_too_long'];
    expect(new Set(codes(loud, ['webchat', 'whatsapp']))).toEqual(new Set(all));
  });
});
