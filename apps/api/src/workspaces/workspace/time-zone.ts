/**
 * An IANA time-zone name in its canonical spelling ('america/sao_paulo' -> 'America/Sao_Paulo'),
 * or `null` when the runtime does not know it. Offsets ('+03:00'), which newer runtimes accept
 * as zones, are refused: they have no DST rules, and business hours need those.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64 || /^[+-]/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
