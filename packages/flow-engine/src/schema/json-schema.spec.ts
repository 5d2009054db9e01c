import { flowDocumentJsonSchema } from './json-schema.js';
import { NODE_TYPES } from './flow-document.schema.js';

describe('flowDocumentJsonSchema', () => {
  const schema = flowDocumentJsonSchema();
  const text = JSON.stringify(schema);

  it('is a JSON Schema object describing the document', () => {
    expect(schema['$schema']).toMatch(/json-schema\.org/);
    expect(schema['type']).toBe('object');
    expect(schema['required']).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'triggers', 'nodes', 'edges']));
  });

  it('names every node type of the catalogue', () => {
    for (const type of NODE_TYPES) expect(text).toContain(`"const":"${type}"`);
    expect(NODE_TYPES).toHaveLength(15);
  });

  it('carries field descriptions for the builder help text', () => {
    expect(text).toContain('Reply buttons; each is its own output.');
    expect(text).toContain('Tries before the \\"invalid\\" output.');
  });

  it('forbids unknown fields like the zod schema does', () => {
    expect(schema['additionalProperties']).toBe(false);
  });

  it('survives a JSON round trip (no functions or cycles)', () => {
    expect(JSON.parse(text)).toEqual(schema);
  });
});
