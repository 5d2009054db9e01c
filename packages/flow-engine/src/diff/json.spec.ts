import fc from 'fast-check';
import { copyJson, diffJson, jsonEqual, unionKeys } from './json.js';
import type { FieldChange } from './types.js';

describe('json helpers', () => {
  it('compares deeply, treating an undefined field as absent', () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });

  it('merges key orders the same way in both directions', () => {
    expect(unionKeys({ id: 1, type: 1, label: 1, data: 1 }, { id: 1, type: 1, data: 1 })).toEqual(['id', 'type', 'label', 'data']);
    expect(unionKeys({ id: 1, type: 1, data: 1 }, { id: 1, type: 1, label: 1, data: 1 })).toEqual(['id', 'type', 'label', 'data']);
    fc.assert(
      fc.property(fc.object(), fc.object(), (a, b) => {
        const keys = unionKeys(a, b);
        expect(unionKeys(b, a)).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('copies a "__proto__" key as data, never as a prototype', () => {
    const copy = copyJson(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.keys(copy as object)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('finds no change between equal values and one per differing leaf otherwise', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same: FieldChange[] = [];
        diffJson(a, structuredClone(a), '', same);
        expect(same).toEqual([]);
        const changes: FieldChange[] = [];
        diffJson(a, b, '', changes);
        expect(changes.length === 0).toBe(jsonEqual(a, b));
      }),
    );
  });
});
