import type { FlowDocument } from '../schema/flow-document.schema.js';
import { smallFlow, template } from './__fixtures__/documents.js';
import { diffFlows, summarizeDiff } from './index.js';

function edited(edit: (doc: FlowDocument) => void): FlowDocument {
  const doc = smallFlow();
  edit(doc);
  return doc;
}

const after = edited((d) => {
  const greeting = d.nodes[0]!;
  if (greeting.type !== 'message') throw new Error('fixture');
  greeting.data.text = 'Hi!';
  greeting.data.buttons![0]!.title = 'Sure';
  d.nodes.push({ id: 'tpl', type: 'whatsapp_template', label: 'Reminder', data: { name: 'reminder', language: 'en_US', body: [] } });
  d.edges[2] = { id: 'e3', source: 'greeting', sourceHandle: 'no', target: 'tpl' };
  d.variables = [{ name: 'coupon', type: 'text', default: 'X' }, { name: 'email', type: 'text' }];
  d.settings.stepBudget = 100;
  d.name = 'Hello';
});

describe('summarizeDiff', () => {
  it('writes one short line per change in English', () => {
    expect(summarizeDiff(diffFlows(smallFlow(), after), 'en')).toEqual([
      'Changed flow details: name',
      'Changed settings: step budget',
      'Added WhatsApp template "Reminder"',
      'Changed message "Greeting": text, buttons',
      'Added connection greeting (no) → tpl',
      'Removed connection greeting (no) → end',
      'Added variable "email"',
      'Changed variable "coupon"',
    ]);
  });

  it('writes Brazilian Portuguese with agreeing participles', () => {
    expect(summarizeDiff(diffFlows(after, smallFlow()), 'pt-BR')).toEqual([
      'Dados do fluxo alterados: nome',
      'Configurações alteradas: limite de passos',
      'Modelo do WhatsApp "Reminder" removido',
      'Mensagem "Greeting" alterada: texto, botões',
      'Conexão greeting (no) → end adicionada',
      'Conexão greeting (no) → tpl removida',
      'Variável "email" removida',
      'Variável "coupon" alterada',
    ]);
  });

  it('says nothing for identical documents and one line for a layout change', () => {
    expect(summarizeDiff(diffFlows(smallFlow(), smallFlow()), 'en')).toEqual([]);
    const moved = edited((d) => (d.ui.positions['end'] = { x: 9, y: 9 }));
    expect(summarizeDiff(diffFlows(smallFlow(), moved), 'pt-BR')).toEqual(['Só a disposição do fluxo mudou']);
  });

  it('summarizes a translated template', () => {
    const lines = summarizeDiff(diffFlows(template('cart-recovery', 'pt-BR'), template('cart-recovery', 'en')), 'pt-BR');
    expect(lines).toContain('Mensagem "Confirm opt-out" alterada: texto');
    expect(lines).toContain('Modelo do WhatsApp "Cart reminder" alterado: idioma, respostas rápidas');
  });
});
