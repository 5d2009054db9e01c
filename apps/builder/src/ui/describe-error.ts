import { isApiError } from '../api/api-error.js';
import type { Translate } from '../i18n/translator.js';

export interface ErrorDescription {
  /** What happened and what to do, in the reader's language. */
  readonly message: string;
  /** The request id, to quote when reporting a problem. */
  readonly detail?: string;
}

/**
 * Words for a failed call. Codes the builder knows read in the current language; a validation
 * failure names its fields; anything else shows the server's own message (English), which
 * always says what was wrong.
 */
export function describeError(error: unknown, t: Translate): ErrorDescription {
  if (!isApiError(error)) return { message: t('common.error.server') };
  const detail = error.requestId === undefined ? undefined : t('common.requestId', { id: error.requestId });
  const withDetail = (message: string): ErrorDescription => (detail === undefined ? { message } : { message, detail });
  if (error.status === 0) return { message: t('common.error.network') };
  if (error.status >= 500) return withDetail(t('common.error.server'));
  switch (error.status) {
    case 401:
      return { message: t('common.error.sessionExpired') };
    case 403:
      return withDetail(t('common.error.forbidden'));
    case 404:
      return withDetail(t('common.error.notFound'));
    case 413:
      return withDetail(t('common.error.tooLarge'));
    default:
  }
  if (error.code === 'validation_failed' && error.details.length > 0) {
    return withDetail(t('common.error.invalid', { fields: error.details.map((item) => item.message).join('; ') }));
  }
  return withDetail(t('common.error.generic', { message: error.message }));
}
