import { hasErrors, JOURNEY_TEMPLATES, lint } from '@jornada/flow-engine';
import { ApiError } from '../http/api-error.js';
import { exportFileName } from './flow-drafts.controller.js';
import { blankFlowDocument, parseFlowDocumentOrThrow, renameStoredDocument, templateDocument, templateLocaleFor } from './flow-document.js';
import { decodeCursor, encodeCursor, escapeLike } from './keyset-cursor.js';

describe('flow documents', () => {
  it('makes a blank flow that is valid and lint-clean', () => {
    const blank = blankFlowDocument({ name: 'New', description: 'About' });
    expect(parseFlowDocumentOrThrow(blank).flow).toEqual(blank);
    expect(lint(blank)).toEqual([]);
  });

  it('builds every template in both languages, publishable as is', () => {
    for (const template of JOURNEY_TEMPLATES) {
      for (const locale of ['pt-BR', 'en'] as const) expect(hasErrors(lint(templateDocument(template, locale)))).toBe(false);
    }
    expect(templateLocaleFor('pt-PT')).toBe('pt-BR');
    expect(templateLocaleFor('es')).toBe('en');
    expect(templateLocaleFor(null)).toBe('en');
  });

  it('names each invalid path under the request field', () => {
    try {
      parseFlowDocumentOrThrow({ schemaVersion: 1, name: '', triggers: [], nodes: [{ id: 'x', type: 'nope', data: {} }], edges: [] }, 'document');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).details?.map((detail) => detail.field)).toEqual(expect.arrayContaining(['document.name', 'document.nodes.0.type']));
    }
  });

  it('renames a stored document; an empty description removes it', () => {
    expect(renameStoredDocument({ name: 'a', description: 'd', nodes: [] }, { name: 'b' })).toEqual({ name: 'b', description: 'd', nodes: [] });
    expect(renameStoredDocument({ name: 'a', description: 'd' }, { name: 'b', description: '' })).toEqual({ name: 'b' });
  });

  it('gives export files safe ASCII names', () => {
    expect(exportFileName('Recuperação de carrinho!')).toBe('recuperacao-de-carrinho.flow.json');
    expect(exportFileName('"; rm -rf /')).toBe('rm-rf.flow.json');
    expect(exportFileName('🚀')).toBe('flow.flow.json');
  });
});

describe('keyset cursors', () => {
  it('round-trip and refuse anything else with a 400 naming cursor', () => {
    const position = { at: '2026-11-22T10:00:00.123456Z', id: '3f1c1d4e-5a0b-4a55-9d7e-2a1f6d0c9b8e' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(undefined)).toBeUndefined();
    for (const bad of ['x', Buffer.from('["2026", "id"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(ApiError);
    }
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
