/**
 * Framework-free security primitives for the auth module: password hashing and policy, opaque
 * session/invitation tokens, API keys, login rate limiting, roles and the session cookie.
 */
export {
  CURRENT_SCRYPT_PARAMS,
  hashPassword,
  needsRehash,
  verifyPassword,
  verifyPasswordForUnknownAccount,
  type ScryptParams,
} from './password-hash.js';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkPasswordPolicy } from './password-policy.js';
export { createToken, hashToken, isWellFormedToken, type CreatedToken } from './opaque-token.js';
export { createApiKey, parseApiKey, verifyApiKey, type CreatedApiKey, type ParsedApiKey } from './api-key.js';
export { ipRateLimitKey } from './ip-rate-limit-key.js';
export {
  LoginRateLimiter,
  type FailureLimit,
  type LoginAttemptKeys,
  type LoginRateLimiterOptions,
  type RateLimitDecision,
} from './login-rate-limiter.js';
export {
  ACTIONS,
  ROLES,
  ROLE_PERMISSIONS,
  ROLE_RANK,
  can,
  canAssignRole,
  canChangeRole,
  canRemoveMember,
  hasAnOwner,
  isRole,
  type Action,
  type Role,
} from './roles.js';
export {
  SESSION_COOKIE_NAME,
  clearSessionCookie,
  readCookie,
  serializeSessionCookie,
  type SessionCookieOptions,
} from './cookie.js';
