import { CHANNEL_TYPES, type ChannelType } from '@jornada/flow-engine';
import { ConfigError } from '../../../config/config-error.js';

/**
 * Default sends per second per channel account, from each provider's documented limits;
 * 0 means unpaced. Override with OUTBOUND_RATE_LIMITS (`whatsapp=250,sms=3`).
 * - WhatsApp Cloud API: 80 messages/s per business number by default (up to 1,000 when Meta
 *   raises the number's throughput).
 * - Telegram bots: about 30 messages/s overall.
 * - SMS (Twilio): 1 segment/s on a long code; more on toll-free and short codes.
 * - Messenger and Instagram: Meta's send API, conservatively 40/s.
 * - Web chat and the sandbox are ours: unpaced.
 */
export const DEFAULT_CHANNEL_RATE_LIMITS: Readonly<Record<ChannelType, number>> = Object.freeze({
  whatsapp: 80,
  telegram: 30,
  sms: 1,
  messenger: 40,
  instagram: 40,
  webchat: 0,
  sandbox: 0,
});

const MAX_RATE = 100_000;

/** Parses OUTBOUND_RATE_LIMITS: `channel=perSecond` pairs, comma-separated; throws a ConfigError naming the variable. */
export function parseChannelRateLimits(raw: string | undefined): Readonly<Partial<Record<ChannelType, number>>> {
  if (raw === undefined || raw.trim() === '') return {};
  const limits: Partial<Record<ChannelType, number>> = {};
  for (const pair of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const match = /^([a-z]+)\s*=\s*(\d+)$/.exec(pair);
    const channel = match?.[1] as ChannelType | undefined;
    const rate = Number(match?.[2]);
    if (match === null || channel === undefined || !(CHANNEL_TYPES as readonly string[]).includes(channel) || rate > MAX_RATE) {
      throw new ConfigError(
        `Invalid OUTBOUND_RATE_LIMITS ${JSON.stringify(raw)}: expected channel=perSecond pairs separated by commas (channels: ${CHANNEL_TYPES.join(', ')}; 0 = unpaced; at most ${String(MAX_RATE)}), e.g. whatsapp=250,sms=3.`,
      );
    }
    limits[channel] = rate;
  }
  return limits;
}

/** The pace of a channel: the configured override, else the default; 0 = unpaced. */
export function rateLimitOf(channel: string, overrides: Readonly<Partial<Record<ChannelType, number>>>): number {
  const known = channel as ChannelType;
  return overrides[known] ?? DEFAULT_CHANNEL_RATE_LIMITS[known] ?? 0;
}
