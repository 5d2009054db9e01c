import { pathInFile, readFlowFile } from './read-flow-file.js';

describe('readFlowFile', () => {
  it('reads an object, ignoring a byte order mark', () => {
    expect(readFlowFile('\uFEFF{"schemaVersion":1,"nodes":[]}')).toEqual({ ok: true, document: { schemaVersion: 1, nodes: [] } });
  });

  it('says why text is not JSON', () => {
    const result = readFlowFile('{"nodes": [');
    expect(result).toMatchObject({ ok: false, problem: 'not-json' });
    expect(result.ok === false && result.problem === 'not-json' && result.reason.length > 0).toBe(true);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', '42', 'null', '"flow"']) expect(readFlowFile(text)).toEqual({ ok: false, problem: 'not-object' });
  });
});

describe('pathInFile', () => {
  it('drops the request body prefix', () => {
    expect(pathInFile('document.nodes.2.data.text')).toBe('nodes.2.data.text');
    expect(pathInFile('document')).toBe('(root)');
    expect(pathInFile('name')).toBe('name');
  });
});
