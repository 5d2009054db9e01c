import { firstNameOf, normalizeName, normalizeTags, parseEmailField, parsePhoneField } from './contact-fields.js';
import type { ContactState } from './contact.repository.js';

/** What a create or update asks for, as received: `null` clears, `undefined` keeps. */
export interface ContactInput {
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
  readonly attributes?: Record<string, unknown> | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly optIn?: boolean | undefined;
}

export const EMPTY_CONTACT: ContactState = {
  name: null,
  firstName: null,
  email: null,
  phone: null,
  attributes: {},
  tags: [],
  optInStatus: 'unknown',
  optedInAt: null,
  optedOutAt: null,
};

/**
 * The contact after `input`: phone read in E.164 with the workspace's `country`, email
 * lower-cased, attributes merged (a null value removes the key), tags replaced, consent
 * stamped with `now` when it changes. Throws a 400 naming the field for an unreadable phone
 * or email. Pure.
 */
export function applyContactInput(current: ContactState, input: ContactInput, { country, now }: { country: string | null; now: Date }): ContactState {
  const name = input.name === undefined ? current.name : input.name === null ? null : normalizeName(input.name);
  return {
    name,
    firstName: input.name === undefined ? current.firstName : firstNameOf(name),
    email: input.email === undefined ? current.email : input.email === null || input.email.trim() === '' ? null : parseEmailField(input.email),
    phone: input.phone === undefined ? current.phone : input.phone === null || input.phone.trim() === '' ? null : parsePhoneField(input.phone, country),
    attributes: input.attributes === undefined ? current.attributes : mergeAttributes(current.attributes, input.attributes),
    tags: input.tags === undefined ? current.tags : normalizeTags(input.tags),
    ...(input.optIn === undefined ? pickConsent(current) : applyConsent(current, input.optIn, now)),
  };
}

/** Opting in (or out) again keeps the time of the first opt-in (out) since the last change. */
export function applyConsent(current: ContactState, optIn: boolean, now: Date): Pick<ContactState, 'optInStatus' | 'optedInAt' | 'optedOutAt'> {
  if (optIn) return { optInStatus: 'subscribed', optedInAt: current.optInStatus === 'subscribed' ? (current.optedInAt ?? now) : now, optedOutAt: current.optedOutAt };
  return { optInStatus: 'unsubscribed', optedInAt: current.optedInAt, optedOutAt: current.optInStatus === 'unsubscribed' ? (current.optedOutAt ?? now) : now };
}

function pickConsent(current: ContactState): Pick<ContactState, 'optInStatus' | 'optedInAt' | 'optedOutAt'> {
  return { optInStatus: current.optInStatus, optedInAt: current.optedInAt, optedOutAt: current.optedOutAt };
}

function mergeAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, value]) => value !== null));
}
