import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseFlow } from '../schema/parse-flow.js';
import type { FlowMigration } from './migration.js';
import { FLOW_MIGRATIONS, migrateFlow } from './migrate-flow.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('migrateFlow', () => {
  it('turns the v0 draft fixture into exactly the v1 fixture', () => {
    const result = migrateFlow(fixture('v0-draft.input.json'));
    expect(result).toMatchObject({ ok: true, fromVersion: 0 });
    if (result.ok) expect(result.document).toEqual(fixture('v0-draft.expected.json'));
  });

  it('gives a valid current document that parseFlow accepts and reports as migrated', () => {
    const parsed = parseFlow(fixture('v0-draft.input.json'));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 0 });
  });

  it('leaves a current document untouched', () => {
    const current = fixture('v0-draft.expected.json');
    const result = migrateFlow(current);
    expect(result).toEqual({ ok: true, document: current, fromVersion: 1, applied: [] });
  });

  it('does not modify its input (migrations are pure)', () => {
    const input = fixture('v0-draft.input.json');
    const copy = structuredClone(input);
    migrateFlow(input);
    expect(input).toEqual(copy);
  });

  it('refuses documents from a newer Jornada and documents without a version, naming the problem', () => {
    expect(migrateFlow({ schemaVersion: 99, nodes: [] })).toEqual({
      ok: false,
      error: expect.stringContaining('newer than this Jornada understands') as unknown as string,
    });
    expect(migrateFlow({ name: 'x' })).toEqual({ ok: false, error: 'schemaVersion is missing or not a whole number' });
    expect(migrateFlow([])).toEqual({ ok: false, error: 'a flow document must be a JSON object' });
  });

  it('applies a chain of migrations in order, each once', () => {
    const calls: number[] = [];
    const chain: FlowMigration[] = [0, 1, 2].map((from) => ({
      from,
      description: `step ${from}`,
      migrate: (doc) => {
        calls.push(from);
        return { ...doc, schemaVersion: from + 1, [`m${from}`]: true };
      },
    }));
    const result = migrateFlow({ schemaVersion: 1, nodes: [] }, chain);
    expect(calls).toEqual([1, 2]);
    expect(result).toMatchObject({ ok: true, fromVersion: 1, document: { schemaVersion: 3, m1: true, m2: true } });
  });

  it('has one migration per version, contiguous from 0', () => {
    FLOW_MIGRATIONS.forEach((m, i) => expect(m.from).toBe(i));
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        migrateFlow(value);
        parseFlow(value);
      }),
    );
  });
});
