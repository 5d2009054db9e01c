import { buildFlow, textMessage, type NodeInput } from '../test-support/flow-builder.js';
import { Conversation, NOW, effectsOf, listTap, sent, sentTexts, text } from '../test-support/session.js';

type SurveyData = Extract<NodeInput, { type: 'survey' }>['data'];

const BANDS = {
  nps: ['detractor', 'passive', 'promoter'],
  csat: ['negative', 'neutral', 'positive'],
  ces: ['difficult', 'neutral', 'easy'],
} as const;

function surveyFlow(data: Partial<SurveyData> & Pick<SurveyData, 'kind'>) {
  const bands = BANDS[data.kind];
  return buildFlow({
    variables: [{ name: 'score', type: 'number' }],
    nodes: [
      { id: 's', type: 'survey', data: { text: 'De 0 a 10, {{contact.first_name}}?', ...data } },
      ...bands.map((b) => textMessage(`m_${b}`, b)),
      textMessage('m_invalid', 'invalid'),
      textMessage('m_timeout', 'timeout'),
    ],
    edges: [...bands.map((b) => ['s', b, `m_${b}`] as const), ['s', 'invalid', 'm_invalid'], ['s', 'timeout', 'm_timeout']],
  });
}

describe('survey node', () => {
  describe('NPS', () => {
    it('asks as text (11 scores do not fit a list) and waits', () => {
      const c = Conversation.start(surveyFlow({ kind: 'nps' }));
      expect(sent(c.last.effects)).toEqual([{ kind: 'text', text: 'De 0 a 10, Maria?' }]);
      expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 's', attempts: 0, phase: 'answer' });
    });

    it('reads "nota 9": records the score once, stores it and leaves by the band', () => {
      const c = Conversation.start(surveyFlow({ kind: 'nps', variable: 'score' }));
      const r = c.text('nota 9');
      expect(effectsOf(r.effects, 'record_survey')).toEqual([{ type: 'record_survey', id: 'sess:2', nodeId: 's', kind: 'nps', score: 9 }]);
      expect(c.state.vars['score']).toBe(9);
      expect(r.trace).toEqual([
        { nodeId: 's', output: 'promoter' },
        { nodeId: 'm_promoter', output: 'next' },
      ]);
    });

    it.each([
      ['0', 'detractor'],
      ['6', 'detractor'],
      ['7', 'passive'],
      ['8', 'passive'],
      ['10/10', 'promoter'],
    ])('%s -> %s', (answer, band) => {
      const c = Conversation.start(surveyFlow({ kind: 'nps' }));
      expect(c.text(answer).trace[0]).toEqual({ nodeId: 's', output: band });
    });

    it('re-asks an out-of-range score with the default text, then leaves by "invalid" after maxAttempts (default 2)', () => {
      const c = Conversation.start(surveyFlow({ kind: 'nps' }));
      const first = c.text('11');
      expect(first.trace).toEqual([]);
      expect(sentTexts(first.effects)).toEqual(['Por favor, responda com um número de 0 a 10.']);
      expect(effectsOf(first.effects, 'record_survey')).toEqual([]);
      expect(c.state.wait).toMatchObject({ attempts: 1, phase: 'answer' });
      const second = c.text('sei lá');
      expect(second.trace[0]).toEqual({ nodeId: 's', output: 'invalid' });
      expect(effectsOf(second.effects, 'record_survey')).toEqual([]);
    });

    it('uses the rendered invalidText when set', () => {
      const c = Conversation.start(surveyFlow({ kind: 'nps', invalidText: '{{contact.first_name}}, só um número de 0 a 10 🙏', maxAttempts: 3 }));
      expect(sentTexts(c.text('muito bom').effects)).toEqual(['Maria, só um número de 0 a 10 🙏']);
    });

    it('leaves by "timeout" when nobody answers', () => {
      const c = Conversation.start(surveyFlow({ kind: 'nps', timeout: { amount: 1, unit: 'days' } }));
      expect(c.fireTimer().trace[0]).toEqual({ nodeId: 's', output: 'timeout' });
      expect(effectsOf(c.allEffects, 'record_survey')).toEqual([]);
    });
  });

  describe('CSAT and CES', () => {
    it('offers CSAT scores as a WhatsApp list, highest first, and takes a row tap score_4', () => {
      const c = Conversation.start(surveyFlow({ kind: 'csat', text: 'Como foi?' }));
      expect(sent(c.last.effects)).toEqual([
        {
          kind: 'list',
          text: 'Como foi?',
          buttonLabel: 'Escolha uma nota',
          sections: [{ rows: ['5', '4', '3', '2', '1'].map((s) => ({ id: `score_${s}`, title: s })) }],
        },
      ]);
      const r = c.step(listTap('score_4', '4'));
      expect(effectsOf(r.effects, 'record_survey')).toEqual([expect.objectContaining({ kind: 'csat', score: 4 })]);
      expect(r.trace[0]).toEqual({ nodeId: 's', output: 'positive' });
    });

    it('re-asks CSAT out of range in English', () => {
      const c = Conversation.start(surveyFlow({ kind: 'csat' }), { context: { workspace: { locale: 'en' } } });
      expect(sentTexts(c.text('7').effects)).toEqual(['Please answer with a number from 1 to 5.']);
    });

    it.each([
      ['2', 'difficult'],
      ['4', 'neutral'],
      ['seis', 'easy'],
    ])('CES %s -> %s', (answer, band) => {
      const c = Conversation.start(surveyFlow({ kind: 'ces' }));
      expect(sent(c.last.effects)[0]).toMatchObject({ kind: 'list' });
      expect(c.text(answer).trace[0]).toEqual({ nodeId: 's', output: band });
    });
  });

  describe('comment phase', () => {
    const withComment = (timeout?: { amount: number; unit: 'minutes' | 'hours' }) =>
      surveyFlow({
        kind: 'nps',
        variable: 'score',
        timeout: { amount: 1, unit: 'days' },
        comment: { prompt: 'Obrigado, {{contact.first_name}}! Quer contar o motivo?', ...(timeout ? { timeout } : {}) },
      });

    it('records the score at once, asks for the comment and waits with a default 1-hour deadline', () => {
      const c = Conversation.start(withComment());
      const answerTimer = 'sess:2';
      expect(c.state.wait).toMatchObject({ timerId: answerTimer });
      const r = c.text('3');
      expect(effectsOf(r.effects, 'record_survey')).toEqual([{ type: 'record_survey', id: 'sess:3', nodeId: 's', kind: 'nps', score: 3 }]);
      expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId: answerTimer }]);
      expect(sentTexts(r.effects)).toEqual(['Obrigado, Maria! Quer contar o motivo?']);
      const [commentTimer] = effectsOf(r.effects, 'schedule_timer');
      expect(commentTimer).toEqual(expect.objectContaining({ nodeId: 's', purpose: 'reply_timeout', fireAt: new Date(c.now.getTime() + 3_600_000).toISOString() }));
      expect(r.trace).toEqual([]);
      expect(c.state.vars['score']).toBe(3);
      expect(c.state.wait).toEqual({ kind: 'reply', nodeId: 's', attempts: 0, phase: 'comment', score: 3, surveyId: 'sess:3', timerId: commentTimer?.timerId });
    });

    it('records the comment under the same id with the score, then leaves by the band', () => {
      const c = Conversation.start(withComment());
      c.text('3');
      const commentTimer = (c.state.wait as { timerId: string }).timerId;
      const r = c.text('  A entrega atrasou  ');
      expect(effectsOf(r.effects, 'record_survey')).toEqual([
        { type: 'record_survey', id: 'sess:3', nodeId: 's', kind: 'nps', score: 3, comment: 'A entrega atrasou' },
      ]);
      expect(effectsOf(r.effects, 'cancel_timer')).toEqual([{ type: 'cancel_timer', timerId: commentTimer }]);
      expect(r.trace[0]).toEqual({ nodeId: 's', output: 'detractor' });
      expect(effectsOf(c.allEffects, 'record_survey').map((e) => e.id)).toEqual(['sess:3', 'sess:3']);
    });

    it('goes on by the band without a second record when the comment never comes', () => {
      const c = Conversation.start(withComment({ amount: 10, unit: 'minutes' }));
      c.text('10');
      expect(effectsOf(c.last.effects, 'schedule_timer')[0]?.fireAt).toBe(new Date(c.now.getTime() + 600_000).toISOString());
      const r = c.fireTimer();
      expect(r.trace[0]).toEqual({ nodeId: 's', output: 'promoter' });
      expect(effectsOf(c.allEffects, 'record_survey')).toHaveLength(1);
    });

    it('ignores the stale answer timer during the comment phase', () => {
      const c = Conversation.start(withComment());
      c.text('8');
      expect(c.step({ type: 'timer', timerId: 'sess:2' }).outcome).toBe('ignored');
      expect(c.state.wait).toMatchObject({ phase: 'comment' });
    });
  });

  it('starts at NOW for timers', () => {
    const c = Conversation.start(surveyFlow({ kind: 'nps', timeout: { amount: 2, unit: 'hours' } }));
    expect(effectsOf(c.last.effects, 'schedule_timer')[0]?.fireAt).toBe(new Date(NOW.getTime() + 7_200_000).toISOString());
  });

  it('does not take a score from a non-score button id', () => {
    const c = Conversation.start(surveyFlow({ kind: 'csat', maxAttempts: 3 }));
    expect(c.step(listTap('score_9', '9')).trace).toEqual([]);
    expect(c.step(text('5')).trace[0]).toEqual({ nodeId: 's', output: 'positive' });
  });
});
