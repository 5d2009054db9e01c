import { describe, expect, it } from '@jest/globals';
import { RecentMap } from './recent-map.js';

describe('RecentMap', () => {
  it('answers what was set, forgets what was deleted or taken', () => {
    const recent = new RecentMap<number>(10);
    recent.set('a', 1);
    recent.set('b', 2);
    recent.set('c', 3);
    expect(recent.has('a')).toBe(true);
    expect(recent.has('z')).toBe(false);
    recent.delete('a');
    expect(recent.has('a')).toBe(false);
    expect(recent.take('b')).toBe(2);
    expect(recent.has('b')).toBe(false);
    expect(recent.take('b')).toBeUndefined();
    expect(recent.take('c')).toBe(3);
  });

  it('get answers a value and keeps it, without making it the newest', () => {
    const recent = new RecentMap<number>(2);
    recent.set('a', 1);
    recent.set('b', 2);
    expect(recent.get('a')).toBe(1);
    expect(recent.get('a')).toBe(1);
    expect(recent.get('z')).toBeUndefined();
    recent.set('c', 3); // a is still the oldest
    expect(recent.get('a')).toBeUndefined();
    expect(recent.get('b')).toBe(2);
  });

  it('keeps at most its capacity, forgetting the oldest first; setting again makes a key the newest', () => {
    const recent = new RecentMap<true>(3);
    for (const key of ['a', 'b', 'c']) recent.set(key, true);
    recent.set('a', true); // a is now the newest; b the oldest
    recent.set('d', true);
    expect(recent.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].filter((key) => recent.has(key))).toEqual(['a', 'c', 'd']);
    for (const key of ['e', 'f', 'g', 'h']) recent.set(key, true);
    expect(['a', 'c', 'd', 'e', 'f', 'g', 'h'].filter((key) => recent.has(key))).toEqual(['f', 'g', 'h']);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentMap(0)).toThrow(RangeError);
    expect(() => new RecentMap(1.5)).toThrow(RangeError);
  });
});
