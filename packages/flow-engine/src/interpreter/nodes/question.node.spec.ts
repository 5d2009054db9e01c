import type { Json } from '../../schema/common.schema.js';
import { buildFlow, textMessage, type NodeInput } from '../test-support/flow-builder.js';
import { Conversation, NOW, effectsOf, endReason, message, sent, sentTexts, type ContextOverrides } from '../test-support/session.js';

type QuestionData = Extract<NodeInput, { type: 'question' }>['data'];

function questionFlow(data: Partial<QuestionData> & Pick<QuestionData, 'kind'>) {
  return buildFlow({
    nodes: [
      { id: 'q', type: 'question', data: { text: 'Qual é o seu {{contact.first_name}}?', variable: 'answer', ...data } },
      textMessage('ok', 'ok'),
      textMessage('bad', 'inválido'),
      textMessage('late', 'tarde'),
    ],
    variables: [{ name: 'answer', type: 'text' }],
    edges: [
      ['q', 'next', 'ok'],
      ['q', 'invalid', 'bad'],
      ['q', 'timeout', 'late'],
      ...(data.options ?? []).map((o) => ['q', o.id, 'ok'] as const),
    ],
  });
}

/** Starts a question flow and answers `reply`; returns the conversation. */
function answer(data: Partial<QuestionData> & Pick<QuestionData, 'kind'>, reply: string, context?: ContextOverrides): Conversation {
  const c = Conversation.start(questionFlow(data), context ? { context } : {});
  c.text(reply);
  return c;
}

const stored = (c: Conversation): Json | undefined => c.state.vars['answer'];

describe('question node', () => {
  it('asks the rendered question as text and waits for a reply', () => {
    const c = Conversation.start(questionFlow({ kind: 'text' }));
    expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'Qual é o seu Maria?' }]);
    expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'q', attempts: 0 });
    expect(c.state.status).toBe('waiting');
  });

  describe('answer kinds', () => {
    it('text: stores the trimmed text and leaves by "next"', () => {
      const c = answer({ kind: 'text' }, '  Quero saber do prazo  ');
      expect(stored(c)).toBe('Quero saber do prazo');
      expect(c.last.trace[0]).toEqual({ nodeId: 'q', output: 'next' });
    });

    it('email: stores the address found, lower-cased', () => {
      expect(stored(answer({ kind: 'email' }, 'é Maria.Silva@Example.com.br, obrigada'))).toBe('maria.silva@example.com.br');
    });

    it('phone: stores E.164 read with the workspace country', () => {
      expect(stored(answer({ kind: 'phone' }, '(11) 98765-4321'))).toBe('+5511987654321');
      expect(stored(answer({ kind: 'phone' }, '(415) 555-2671', { workspace: { country: 'US', locale: 'en' } }))).toBe('+14155552671');
    });

    it('number: reads the workspace locale ("1.234,56" in pt-BR, "1,234.56" in en)', () => {
      expect(stored(answer({ kind: 'number' }, 'R$ 1.234,56'))).toBe(1234.56);
      expect(stored(answer({ kind: 'number' }, '1,234.56', { workspace: { locale: 'en' } }))).toBe(1234.56);
    });

    it('number: an answer outside min/max is re-asked', () => {
      const c = answer({ kind: 'number', min: 1, max: 10 }, '11');
      expect(c.last.trace).toEqual([]);
      expect(sentTexts(c.last.effects)).toEqual(['Por favor, responda com um número.']);
      c.text('7');
      expect(stored(c)).toBe(7);
    });

    it('date: "25/12/2026" is stored as 2026-12-25', () => {
      expect(stored(answer({ kind: 'date' }, '25/12/2026'))).toBe('2026-12-25');
      expect(stored(answer({ kind: 'date' }, 'amanhã'))).toBe('2026-03-11');
    });

    describe('choice', () => {
      const options = [
        { id: 'pix', title: 'Pix' },
        { id: 'card', title: 'Cartão de crédito', aliases: ['cartao'] },
        { id: 'boleto', title: 'Boleto' },
      ];

      it('offers buttons on WhatsApp and numbered text on SMS', () => {
        expect(sent(Conversation.start(questionFlow({ kind: 'choice', options })).last.effects)).toEqual([
          {
            kind: 'buttons',
            text: 'Qual é o seu Maria?',
            buttons: [
              { id: 'pix', title: 'Pix' },
              { id: 'card', title: 'Cartão de crédito' },
              { id: 'boleto', title: 'Boleto' },
            ],
          },
        ]);
        const sms = Conversation.start(questionFlow({ kind: 'choice', options }), { context: { channel: 'sms' } });
        expect(sent(sms.last.effects)).toEqual([{ kind: 'text', text: 'Qual é o seu Maria?\n\n1. Pix\n2. Cartão de crédito\n3. Boleto' }]);
      });

      it('takes a tap by id, a typed number or a typed title/alias; stores the title and leaves by the option id', () => {
        const tapped = Conversation.start(questionFlow({ kind: 'choice', options }));
        tapped.step(message({ kind: 'button', id: 'card', title: 'Cartão de crédito' }));
        expect(tapped.last.trace[0]).toEqual({ nodeId: 'q', output: 'card' });
        expect(stored(tapped)).toBe('Cartão de crédito');

        const numbered = answer({ kind: 'choice', options }, '3');
        expect(numbered.last.trace[0]).toEqual({ nodeId: 'q', output: 'boleto' });
        expect(stored(numbered)).toBe('Boleto');

        expect(answer({ kind: 'choice', options }, 'CARTAO DE CREDITO').last.trace[0]).toEqual({ nodeId: 'q', output: 'card' });
        expect(answer({ kind: 'choice', options }, 'cartão').last.trace[0]).toEqual({ nodeId: 'q', output: 'card' });
      });

      it('re-asks an unknown choice with the default text and the question again', () => {
        const c = answer({ kind: 'choice', options }, 'dinheiro');
        expect(sent(c.last.effects)).toEqual([
          { kind: 'text', text: 'Por favor, escolha uma das opções.' },
          expect.objectContaining({ kind: 'buttons', text: 'Qual é o seu Maria?' }),
        ]);
        expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'q', attempts: 1 });
      });
    });
  });

  describe('invalid answers', () => {
    it.each([
      ['email', 'pt-BR', 'Esse não parece um e-mail. Pode digitar de novo? (ex.: nome@exemplo.com)'],
      ['phone', 'pt-BR', 'Esse não parece um telefone. Pode digitar de novo com o DDD?'],
      ['number', 'pt-BR', 'Por favor, responda com um número.'],
      ['date', 'pt-BR', 'Por favor, responda com uma data, ex.: 25/12/2026.'],
      ['email', 'en', "That doesn't look like an email address. Could you type it again? (e.g. name@example.com)"],
      ['number', 'en', 'Please answer with a number.'],
      ['date', 'en', 'Please answer with a date, e.g. 12/25/2026.'],
    ] as const)('%s (%s) re-asks with the default text', (kind, locale, expected) => {
      const c = answer({ kind }, 'blá', { workspace: { locale } });
      expect(c.last.outcome).toBe('advanced');
      expect(c.last.trace).toEqual([]);
      expect(sentTexts(c.last.effects)).toEqual([expected]);
      expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 'q', attempts: 1 });
      expect(stored(c)).toBeNull();
    });

    it('re-asks a text question when the reply has no words (media without caption)', () => {
      const c = Conversation.start(questionFlow({ kind: 'text' }));
      c.step(message({ kind: 'media', mediaType: 'image', url: 'https://x/y.png' }));
      expect(sentTexts(c.last.effects)).toEqual(['Por favor, responda com uma mensagem de texto.']);
    });

    it('uses the rendered invalidText when set', () => {
      const c = answer({ kind: 'email', invalidText: 'Hmm, {{contact.first_name}}, manda o e-mail de novo?' }, 'não tenho');
      expect(sentTexts(c.last.effects)).toEqual(['Hmm, Maria, manda o e-mail de novo?']);
    });

    it('leaves by "invalid" after maxAttempts invalid answers, cancelling the timer, and stores nothing', () => {
      const c = Conversation.start(questionFlow({ kind: 'email', maxAttempts: 2, timeout: { amount: 1, unit: 'hours' } }));
      const timerId = (c.state.wait as { timerId: string }).timerId;
      c.text('não sei');
      expect(c.state.wait).toMatchObject({ attempts: 1, timerId });
      const r = c.text('ainda não sei');
      expect(r.trace).toEqual([
        { nodeId: 'q', output: 'invalid' },
        { nodeId: 'bad', output: 'next' },
      ]);
      expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
      expect(stored(c)).toBeNull();
    });

    it('defaults to 3 attempts', () => {
      const c = Conversation.start(questionFlow({ kind: 'number' }));
      c.text('a');
      c.text('b');
      expect(c.state.status).toBe('waiting');
      expect(c.text('c').trace[0]).toEqual({ nodeId: 'q', output: 'invalid' });
    });
  });

  it('leaves by "timeout" when its timer fires', () => {
    const c = Conversation.start(questionFlow({ kind: 'text', timeout: { amount: 2, unit: 'hours' } }));
    expect(effectsOf(c.last.effects, 'schedule_timer')).toEqual([
      expect.objectContaining({ nodeId: 'q', purpose: 'reply_timeout', fireAt: new Date(NOW.getTime() + 7_200_000).toISOString() }),
    ]);
    const r = c.fireTimer();
    expect(r.trace).toEqual([
      { nodeId: 'q', output: 'timeout' },
      { nodeId: 'late', output: 'next' },
    ]);
    expect(stored(c)).toBeNull();
  });

  it('cancels the timer on a valid answer', () => {
    const c = Conversation.start(questionFlow({ kind: 'text', timeout: { amount: 2, unit: 'hours' } }));
    const timerId = (c.state.wait as { timerId: string }).timerId;
    expect(effectsOf(c.text('oi').effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId }]);
  });

  it('ends the session as completed when the taken output is open', () => {
    const flow = buildFlow({ nodes: [{ id: 'q', type: 'question', data: { text: 'Nome?', kind: 'text', variable: 'name' } }] });
    const c = Conversation.start(flow);
    expect(endReason(c.text('Ana'))).toBe('completed');
    expect(c.state.vars['name']).toBe('Ana');
  });
});
