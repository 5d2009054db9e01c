import { buildFlow, textMessage, type EdgeTriple, type NodeInput } from '../test-support/flow-builder.js';
import { Conversation, NOW, effectsOf, endReason, listTap, sent, sentTexts, text } from '../test-support/session.js';

const menu = (extra: Partial<Extract<NodeInput, { type: 'message' }>['data']> = {}): NodeInput => ({
  id: 'menu',
  type: 'message',
  data: {
    text: 'Como posso ajudar, {{contact.first_name}}?',
    buttons: [
      { id: 'product', title: 'Dúvida sobre produto' },
      { id: 'order', title: 'Meu pedido' },
      { id: 'human', title: 'Falar com atendente' },
    ],
    timeout: { amount: 30, unit: 'minutes' },
    ...extra,
  },
});

function menuFlow(opts: { other?: boolean; node?: NodeInput } = {}) {
  const edges: EdgeTriple[] = [
    ['menu', 'product', 'a_product'],
    ['menu', 'order', 'a_order'],
    ['menu', 'human', 'a_human'],
    ['menu', 'timeout', 'a_timeout'],
  ];
  if (opts.other) edges.push(['menu', 'other', 'a_other']);
  return buildFlow({
    nodes: [
      opts.node ?? menu(),
      textMessage('a_product', 'produto: {{message.text}}'),
      textMessage('a_order', 'pedido'),
      textMessage('a_human', 'humano'),
      textMessage('a_timeout', 'tchau'),
      textMessage('a_other', 'outro: {{message.text}}'),
    ],
    edges,
  });
}

describe('message node: plain messages', () => {
  it('sends rendered text and leaves by "next"; an open "next" ends the session as completed', () => {
    const flow = buildFlow({ nodes: [textMessage('hi', 'Oi, {{contact.first_name}}! Bem-vinda à {{workspace.name}}.')] });
    const c = Conversation.start(flow);
    expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'Oi, Maria! Bem-vinda à Loja Azul.' }]);
    expect(c.last.trace).toEqual([
      { nodeId: 'start', output: 'next' },
      { nodeId: 'hi', output: 'next' },
    ]);
    expect(c.state.status).toBe('ended');
    expect(c.state.endedReason).toBe('completed');
    expect(endReason(c.last)).toBe('completed');
  });

  it('sends media with its rendered caption and file name', () => {
    const flow = buildFlow({
      nodes: [
        {
          id: 'pdf',
          type: 'message',
          data: {
            media: { kind: 'document', url: 'https://cdn.example.com/{{contact.id}}.pdf', caption: 'Sua nota, {{contact.first_name}}', filename: 'nota.pdf' },
          },
        },
      ],
    });
    expect(sent(Conversation.start(flow).last.effects)).toEqual([
      { kind: 'media', mediaType: 'document', url: 'https://cdn.example.com/contact-1.pdf', caption: 'Sua nota, Maria', filename: 'nota.pdf' },
    ]);
  });

  it('uses the text as the caption of media without a caption', () => {
    const flow = buildFlow({
      nodes: [{ id: 'img', type: 'message', data: { text: 'Olha só, {{contact.first_name}}', media: { kind: 'image', url: 'https://cdn.example.com/a.png' } } }],
    });
    expect(sent(Conversation.start(flow).last.effects)).toEqual([
      { kind: 'media', mediaType: 'image', url: 'https://cdn.example.com/a.png', caption: 'Olha só, Maria' },
    ]);
  });
});

describe('message node: buttons', () => {
  it('sends the buttons (with footer and image header) and waits for a reply with a timeout', () => {
    const flow = menuFlow({ node: menu({ footer: 'Loja {{workspace.name}}', media: { kind: 'image', url: 'https://cdn.example.com/{{contact.id}}.png' } }) });
    const c = Conversation.start(flow);
    expect(sent(c.last.effects)).toEqual([
      {
        kind: 'buttons',
        text: 'Como posso ajudar, Maria?',
        buttons: [
          { id: 'product', title: 'Dúvida sobre produto' },
          { id: 'order', title: 'Meu pedido' },
          { id: 'human', title: 'Falar com atendente' },
        ],
        footer: 'Loja Loja Azul',
        header: { mediaType: 'image', url: 'https://cdn.example.com/contact-1.png' },
      },
    ]);
    const [scheduled] = effectsOf(c.last.effects, 'schedule_timer');
    expect(scheduled).toEqual({
      type: 'schedule_timer',
      timerId: expect.any(String),
      nodeId: 'menu',
      fireAt: new Date(NOW.getTime() + 30 * 60_000).toISOString(),
      purpose: 'reply_timeout',
    });
    expect(c.state.status).toBe('waiting');
    expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'menu', attempts: 0, timerId: scheduled?.timerId });
    expect(effectsOf(c.last.effects, 'end_session')).toEqual([]);
  });

  it('never puts an audio file in a buttons header', () => {
    const flow = menuFlow({ node: menu({ media: { kind: 'audio', url: 'https://cdn.example.com/a.ogg' } }) });
    const [message] = sent(Conversation.start(flow).last.effects);
    expect(message).toMatchObject({ kind: 'buttons' });
    expect(message).not.toHaveProperty('header');
  });

  it('takes the tapped button by id, cancels the reply timer and exposes the message to templates', () => {
    const c = Conversation.start(menuFlow());
    const timerId = (c.state.wait as { timerId: string }).timerId;
    const r = c.tap('product', 'Dúvida sobre produto');
    expect(r.outcome).toBe('advanced');
    expect(r.trace).toEqual([
      { nodeId: 'menu', output: 'product' },
      { nodeId: 'a_product', output: 'next' },
    ]);
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
    expect(sentTexts(r.effects)).toEqual(['produto: Dúvida sobre produto']);
  });

  it('reads a typed option number', () => {
    const c = Conversation.start(menuFlow());
    expect(c.text('2').trace[0]).toEqual({ nodeId: 'menu', output: 'order' });
  });

  it('reads a typed title ignoring case, accents and punctuation', () => {
    const c = Conversation.start(menuFlow());
    expect(c.text('duvida sobre PRODUTO!').trace[0]).toEqual({ nodeId: 'menu', output: 'product' });
    const d = Conversation.start(menuFlow());
    expect(d.text('  falar com ATENDENTE ').trace[0]).toEqual({ nodeId: 'menu', output: 'human' });
  });

  it('takes "other" on the first unmatched text when "other" is connected', () => {
    const c = Conversation.start(menuFlow({ other: true }));
    const timerId = (c.state.wait as { timerId: string }).timerId;
    const r = c.text('quero trocar o tamanho');
    expect(r.trace[0]).toEqual({ nodeId: 'menu', output: 'other' });
    expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
    expect(sentTexts(r.effects)).toEqual(['outro: quero trocar o tamanho']);
  });

  it('without "other" connected, re-prompts (pt-BR) and keeps the timer, then leaves by "other" on the third unmatched reply', () => {
    const c = Conversation.start(menuFlow());
    const timerId = (c.state.wait as { timerId: string }).timerId;
    for (const attempt of [1, 2]) {
      const r = c.text('hã?');
      expect(r.outcome).toBe('advanced');
      expect(r.trace).toEqual([]);
      expect(sent(r.effects)).toEqual([
        { kind: 'text', text: 'Por favor, escolha uma das opções.' },
        expect.objectContaining({ kind: 'buttons', text: 'Como posso ajudar, Maria?' }),
      ]);
      expect(effectsOf(r.effects, 'cancel_timer')).toEqual([]);
      expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'menu', attempts: attempt, timerId });
      expect(c.state.status).toBe('waiting');
    }
    const third = c.text('hã?');
    expect(third.trace).toEqual([{ nodeId: 'menu', output: 'other' }]);
    expect(effectsOf(third.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
    expect(endReason(third)).toBe('completed');
    expect(c.state.status).toBe('ended');
  });

  it('re-prompts in English for an English workspace', () => {
    const c = Conversation.start(menuFlow(), { context: { workspace: { locale: 'en' } } });
    expect(sentTexts(c.text('what?').effects)[0]).toBe('Please choose one of the options.');
  });

  it('leaves by "timeout" when its own reply timer fires', () => {
    const c = Conversation.start(menuFlow());
    const r = c.fireTimer();
    expect(r.trace).toEqual([
      { nodeId: 'menu', output: 'timeout' },
      { nodeId: 'a_timeout', output: 'next' },
    ]);
    expect(sentTexts(r.effects)).toEqual(['tchau']);
  });

  it('ignores events that are not replies (external events, effect results)', () => {
    const c = Conversation.start(menuFlow());
    const before = c.state;
    expect(c.step({ type: 'external', name: 'order.created', data: {} }).outcome).toBe('ignored');
    expect(c.step({ type: 'effect_result', effectId: 'x', ok: true }).outcome).toBe('ignored');
    expect(c.step({ type: 'conversation', action: 'resolved' }).outcome).toBe('ignored');
    expect(c.state).toBe(before);
  });
});

describe('message node: list', () => {
  const listFlow = () =>
    buildFlow({
      nodes: [
        {
          id: 'faq',
          type: 'message',
          data: {
            text: 'Sobre o que é a sua dúvida?',
            list: {
              buttonLabel: 'Ver assuntos',
              sections: [
                { title: 'Pedidos', rows: [{ id: 'shipping', title: 'Prazo de entrega', description: 'Quando chega' }, { id: 'returns', title: 'Trocas e devoluções' }] },
                { rows: [{ id: 'payment', title: 'Formas de pagamento' }] },
              ],
            },
          },
        },
        textMessage('a_shipping', 'entrega'),
        textMessage('a_returns', 'trocas'),
        textMessage('a_payment', 'pagamento'),
      ],
      edges: [
        ['faq', 'shipping', 'a_shipping'],
        ['faq', 'returns', 'a_returns'],
        ['faq', 'payment', 'a_payment'],
      ],
    });

  it('sends the list and waits without a timer when no timeout is set', () => {
    const c = Conversation.start(listFlow());
    expect(sent(c.last.effects)).toEqual([
      {
        kind: 'list',
        text: 'Sobre o que é a sua dúvida?',
        buttonLabel: 'Ver assuntos',
        sections: [
          { title: 'Pedidos', rows: [{ id: 'shipping', title: 'Prazo de entrega', description: 'Quando chega' }, { id: 'returns', title: 'Trocas e devoluções' }] },
          { rows: [{ id: 'payment', title: 'Formas de pagamento' }] },
        ],
      },
    ]);
    expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([]);
    expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'faq', attempts: 0 });
  });

  it('takes a row by its id, by its number across sections and by its title', () => {
    expect(Conversation.start(listFlow()).step(listTap('payment', 'Formas de pagamento')).trace[0]).toEqual({ nodeId: 'faq', output: 'payment' });
    expect(Conversation.start(listFlow()).step(text('3')).trace[0]).toEqual({ nodeId: 'faq', output: 'payment' });
    expect(Conversation.start(listFlow()).step(text('trocas e devolucoes')).trace[0]).toEqual({ nodeId: 'faq', output: 'returns' });
  });
});
