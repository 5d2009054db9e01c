import type { Translate } from '../i18n/index.js';
import { looksLikeEmail, MIN_PASSWORD_LENGTH } from './validation.js';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Sign-in: both fields present, the email shaped like one. */
export function validateLogin({ email, password }: { email: string; password: string }, t: Translate): FieldErrors<'email' | 'password'> {
  const errors: FieldErrors<'email' | 'password'> = {};
  if (email.trim() === '') errors.email = t('common.required');
  else if (!looksLikeEmail(email)) errors.email = t('auth.emailInvalid');
  if (password === '') errors.password = t('common.required');
  return errors;
}

/** A new account (first-run sign-up, invitation): name, email, a long enough password. */
export function validateNewAccount(
  { name, email, password }: { name: string; email?: string; password: string },
  t: Translate,
): FieldErrors<'name' | 'email' | 'password'> {
  const errors: FieldErrors<'name' | 'email' | 'password'> = {};
  if (name.trim() === '') errors.name = t('common.required');
  if (email !== undefined) {
    if (email.trim() === '') errors.email = t('common.required');
    else if (!looksLikeEmail(email)) errors.email = t('auth.emailInvalid');
  }
  if (password === '') errors.password = t('common.required');
  else if ([...password].length < MIN_PASSWORD_LENGTH) errors.password = t('auth.passwordShort', { count: MIN_PASSWORD_LENGTH });
  return errors;
}

export function hasErrors(errors: Readonly<Record<string, string | undefined>>): boolean {
  return Object.values(errors).some((value) => value !== undefined);
}
