import { describe, expect, it } from '@jest/globals';
import { jobRetention, POSTGRES_MAX_COMPLETED_AGE_SECONDS } from './queue-policies.js';

describe('jobRetention', () => {
  const keep = { ageSeconds: 24 * 60 * 60, count: 10_000 };

  it('keeps jobs by age and by count on Redis', () => {
    expect(jobRetention('redis', keep, 'completed')).toEqual({ age: keep.ageSeconds, count: keep.count });
    expect(jobRetention('redis', keep, 'failed')).toEqual({ age: keep.ageSeconds, count: keep.count });
  });

  it('keeps jobs by age only on PostgreSQL, completed ones an hour at most', () => {
    expect(jobRetention('postgres', keep, 'completed')).toEqual({ age: POSTGRES_MAX_COMPLETED_AGE_SECONDS });
    expect(jobRetention('postgres', { ageSeconds: 60, count: 5 }, 'completed')).toEqual({ age: 60 });
    expect(jobRetention('postgres', keep, 'failed')).toEqual({ age: keep.ageSeconds });
  });
});
