/** The API's password policy (apps/api security/password-policy): length is checked here first. */
export const MIN_PASSWORD_LENGTH = 10;

/** A light check before sending: the server validates for real. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
