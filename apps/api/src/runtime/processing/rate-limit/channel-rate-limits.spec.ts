import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../../config/config-error.js';
import { parseChannelRateLimits, rateLimitOf } from './channel-rate-limits.js';

describe('channel rate limits', () => {
  it('defaults to the providers’ limits (WhatsApp 80/s per number) and leaves our own channels unpaced', () => {
    expect(rateLimitOf('whatsapp', {})).toBe(80);
    expect(rateLimitOf('sandbox', {})).toBe(0);
    expect(rateLimitOf('carrier-pigeon', {})).toBe(0);
  });

  it('reads overrides from OUTBOUND_RATE_LIMITS', () => {
    const overrides = parseChannelRateLimits(' whatsapp=250, sms = 3 ,sandbox=0');
    expect(overrides).toEqual({ whatsapp: 250, sms: 3, sandbox: 0 });
    expect(rateLimitOf('whatsapp', overrides)).toBe(250);
    expect(rateLimitOf('telegram', overrides)).toBe(30);
    expect(parseChannelRateLimits(undefined)).toEqual({});
  });

  it('refuses what it cannot read, naming the variable', () => {
    for (const raw of ['whatsapp', 'whatsapp=fast', 'fax=10', 'whatsapp=-1', 'whatsapp=1000001']) {
      expect(() => parseChannelRateLimits(raw)).toThrow(ConfigError);
      expect(() => parseChannelRateLimits(raw)).toThrow(/OUTBOUND_RATE_LIMITS/);
    }
  });
});
