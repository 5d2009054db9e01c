/** A session ends this long after its last use (sliding expiry), or at logout. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * `last_used_at` (and with it the sliding expiry) is written at most this often per session:
 * every authenticated request would otherwise be a write.
 */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
/** API keys' `last_used_at` is written at most this often per key. */
export const API_KEY_TOUCH_INTERVAL_MS = 60 * 1000;
