import { canonicalTimeZone } from './time-zone.js';

describe('canonicalTimeZone', () => {
  it('accepts IANA zones, in their canonical spelling', () => {
    expect(canonicalTimeZone('America/Sao_Paulo')).toBe('America/Sao_Paulo');
    expect(canonicalTimeZone('america/sao_paulo')).toBe('America/Sao_Paulo');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
  });

  it('refuses unknown zones, offsets and junk', () => {
    for (const value of ['Mars/Olympus', '+03:00', '', ' ', 'x'.repeat(100), 42, null]) expect(canonicalTimeZone(value)).toBeNull();
  });
});
