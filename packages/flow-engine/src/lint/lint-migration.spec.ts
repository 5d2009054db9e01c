import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from './lint.js';

describe('lint on documents of older schema versions', () => {
  it('migrates before checking, so a v0 draft export lints like its v1 form', () => {
    const v0 = JSON.parse(readFileSync(join(__dirname, '../migrations/__fixtures__/v0-draft.input.json'), 'utf8')) as unknown;
    const v1 = JSON.parse(readFileSync(join(__dirname, '../migrations/__fixtures__/v0-draft.expected.json'), 'utf8')) as unknown;
    expect(lint(v0)).toEqual(lint(v1));
    expect(lint(v0).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('says plainly when a document is newer than this version understands', () => {
    expect(lint({ schemaVersion: 7, name: 'x', triggers: [], nodes: [], edges: [] })).toEqual([
      expect.objectContaining({ code: 'invalid_document', path: 'schemaVersion', message: expect.stringContaining('newer than this Jornada') }),
    ]);
  });
});
