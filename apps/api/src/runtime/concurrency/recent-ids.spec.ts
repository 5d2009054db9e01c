import { describe, expect, it } from '@jest/globals';
import { RecentIds } from './recent-ids.js';

describe('RecentIds', () => {
  it('remembers what was added and forgets what was deleted', () => {
    const recent = new RecentIds(10);
    recent.add(['a', 'b']);
    expect(recent.has('a')).toBe(true);
    expect(recent.has('c')).toBe(false);
    recent.delete(['a']);
    expect(recent.has('a')).toBe(false);
    expect(recent.has('b')).toBe(true);
  });

  it('keeps at most its capacity, forgetting the oldest first; adding again makes an id the newest', () => {
    const recent = new RecentIds(3);
    recent.add(['a', 'b', 'c']);
    recent.add(['a']); // a is now the newest; b the oldest
    recent.add(['d']);
    expect(recent.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].filter((id) => recent.has(id))).toEqual(['a', 'c', 'd']);
    recent.add(['e', 'f', 'g', 'h']);
    expect(['a', 'c', 'd', 'e', 'f', 'g', 'h'].filter((id) => recent.has(id))).toEqual(['f', 'g', 'h']);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RecentIds(0)).toThrow(RangeError);
    expect(() => new RecentIds(1.5)).toThrow(RangeError);
  });
});
