import fc from 'fast-check';
import { anyText } from './__fixtures__/any-text.js';
import type { ChoiceOption } from './match-choice.js';
import { matchChoice } from './match-choice.js';

const yesNo: ChoiceOption[] = [
  { id: 'yes', title: 'Sim', aliases: ['s', 'yes', 'claro'] },
  { id: 'no', title: 'Não', aliases: ['n'] },
];
const menu: ChoiceOption[] = [
  { id: 'order', title: 'Status do pedido' },
  { id: 'human', title: 'Falar com uma pessoa' },
  { id: 'exchange', title: 'Troca ou devolução' },
];

describe('matchChoice', () => {
  it('takes a tapped button id first', () => {
    expect(matchChoice({ buttonId: 'no', text: 'Sim' }, yesNo)).toEqual({ ok: true, value: 'no' });
    // Unknown id without text: some channels put the title in the payload.
    expect(matchChoice({ buttonId: 'Sim' }, yesNo)).toEqual({ ok: true, value: 'yes' });
  });

  it.each(['2', '2.', '2)', '#2', 'opção 2', 'opcao 2', 'Option 2', '2️⃣', ' 2 ', 'nº 2', 'n° 2', 'opção: 2'])('reads the option number %j', (text) => {
    expect(matchChoice({ text }, menu)).toEqual({ ok: true, value: 'human' });
  });

  it('reports numbers beyond the list as out_of_range', () => {
    expect(matchChoice({ text: '4' }, menu)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(matchChoice({ text: '0' }, menu)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(matchChoice({ text: '🔟' }, menu)).toEqual({ ok: false, reason: 'out_of_range' });
  });

  it.each([
    ['sim!', 'yes'],
    ['SIM', 'yes'],
    ['👍 Sim', 'yes'],
    ['Não', 'no'],
    ['nao', 'no'],
    ['NÃO.', 'no'],
    ['s', 'yes'],
    ['Claro!!', 'yes'],
  ])('matches titles and aliases loosely: %j', (text, id) => {
    expect(matchChoice({ text }, yesNo)).toEqual({ ok: true, value: id });
  });

  it('finds exactly one title mentioned in a sentence', () => {
    expect(matchChoice({ text: 'quero falar com uma pessoa' }, menu)).toEqual({ ok: true, value: 'human' });
    expect(matchChoice({ text: 'Oi! Queria ver o status do pedido, por favor' }, menu)).toEqual({ ok: true, value: 'order' });
    expect(matchChoice({ text: 'sim, claro' }, yesNo)).toEqual({ ok: true, value: 'yes' });
    expect(matchChoice({ text: 'quero a opção 3 por favor' }, menu)).toEqual({ ok: true, value: 'exchange' });
  });

  it('prefers the longer title when one title contains another', () => {
    const options = [{ id: 'person', title: 'Pessoa' }, ...menu];
    expect(matchChoice({ text: 'quero falar com uma pessoa' }, options)).toEqual({ ok: true, value: 'human' });
  });

  it('reports two different mentioned options as ambiguous', () => {
    expect(matchChoice({ text: 'sim ou não' }, yesNo)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(matchChoice({ text: 'status do pedido e troca ou devolução' }, menu)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(matchChoice({ text: 'x' }, [{ id: 'a', title: 'X' }, { id: 'b', title: 'x' }])).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('prefers a title that is itself a number over the list position', () => {
    const sizes = [{ id: 's38', title: '38' }, { id: 's2', title: '2' }, { id: 's40', title: '40' }];
    expect(matchChoice({ text: '2' }, sizes)).toEqual({ ok: true, value: 's2' });
    expect(matchChoice({ text: '3' }, sizes)).toEqual({ ok: true, value: 's40' });
  });

  it('matches emoji-only titles', () => {
    expect(matchChoice({ text: '👍' }, [{ id: 'up', title: '👍' }, { id: 'down', title: '👎' }])).toEqual({ ok: true, value: 'up' });
  });

  it('distinguishes empty from not understood', () => {
    expect(matchChoice({}, yesNo)).toEqual({ ok: false, reason: 'empty' });
    expect(matchChoice({ text: '   ' }, yesNo)).toEqual({ ok: false, reason: 'empty' });
    expect(matchChoice({ text: 'talvez' }, yesNo)).toEqual({ ok: false, reason: 'invalid' });
    expect(matchChoice({ text: 'simples' }, yesNo)).toEqual({ ok: false, reason: 'invalid' });
    expect(matchChoice({ text: 'x'.repeat(5000) }, yesNo)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('never throws and only returns known ids', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.string()), (text, buttonId) => {
        const result = matchChoice({ text, ...(buttonId === null ? {} : { buttonId }) }, menu);
        if (result.ok) expect(menu.map((o) => o.id)).toContain(result.value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchChoice with short aliases inside sentences', () => {
  const helped = [
    { id: 'yes', title: 'Sim, obrigado!', aliases: ['sim', 's', 'resolveu'] },
    { id: 'no', title: 'Não, quero ajuda', aliases: ['não', 'nao', 'preciso de ajuda'] },
  ];

  it('reads a one-word alias given as the whole answer', () => {
    expect(matchChoice({ text: 'Não' }, helped)).toEqual({ ok: true, value: 'no' });
    expect(matchChoice({ text: 'sim!' }, helped)).toEqual({ ok: true, value: 'yes' });
  });

  it('does not read a one-word alias out of an unrelated sentence (regression: a question became "no")', () => {
    expect(matchChoice({ text: 'E se eu não estiver em casa na entrega?' }, helped).ok).toBe(false);
  });

  it('still finds a multi-word alias mentioned in a sentence', () => {
    expect(matchChoice({ text: 'acho que preciso de ajuda sim' }, helped)).toEqual({ ok: true, value: 'no' });
  });
});

describe('matchChoice without numbers (template quick replies are never shown numbered)', () => {
  const quickReplies = [{ id: 'stop', title: 'Parar lembretes' }];

  it('does not take a typed "1" as the first option', () => {
    expect(matchChoice({ text: '1' }, quickReplies, { byNumber: false }).ok).toBe(false);
    expect(matchChoice({ text: 'opção 1' }, quickReplies, { byNumber: false }).ok).toBe(false);
    expect(matchChoice({ text: '1' }, quickReplies)).toEqual({ ok: true, value: 'stop' });
  });

  it('still matches the title and the tap', () => {
    expect(matchChoice({ text: 'parar lembretes' }, quickReplies, { byNumber: false })).toEqual({ ok: true, value: 'stop' });
    expect(matchChoice({ buttonId: 'stop' }, quickReplies, { byNumber: false })).toEqual({ ok: true, value: 'stop' });
  });
});
