/**
 * A phone number in E.164 out of what the customer typed, in the way people write numbers
 * locally ('(11) 98765-4321', '011 98765-4321', '+1 415 555 2671', '5511987654321').
 */
import { type CountryCode, type PhoneNumber, findPhoneNumbersInText, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import { type Parsed, fail, ok, rejectUnusable, single } from './parsed.js';

/** International dialling written as '00 <country code>' ('0055 11 ...'). */
const DOUBLE_ZERO_PREFIX = /^\s*00(?=\s*[1-9])/u;

/**
 * libphonenumber-js's compact metadata accepts a 9-digit Brazilian national number, but
 * every real one has 8 (shared-cost 4004-xxxx), 10 or 11 digits: 9 digits is a mobile typed
 * without its area code (DDD), which is a common mistake worth asking again about.
 */
function isUsable(phone: PhoneNumber | undefined): phone is PhoneNumber {
  if (!phone?.isValid()) return false;
  return !(phone.country === 'BR' && phone.nationalNumber.length === 9);
}

function validE164(text: string, country: CountryCode | undefined): string | null {
  const phone = parsePhoneNumberFromString(text, country);
  return isUsable(phone) ? phone.number : null;
}

function phonesInText(text: string, country: CountryCode | undefined): string[] {
  const options = country ? { defaultCountry: country } : {};
  return findPhoneNumbersInText(text, options)
    .filter((found) => isUsable(found.number))
    .map((found) => found.number.number);
}

/**
 * Reads a phone number and returns it in E.164 ('+5511987654321').
 *
 * `defaultCountry` (ISO 3166 alpha-2, e.g. 'BR') applies to numbers written without a
 * country code, including national trunk/carrier prefixes ('011 ...', '0 15 11 ...').
 * Numbers written with the country code but no '+' ('5511987654321'), or with a '00'
 * international prefix, are accepted too. An unknown country means only international
 * numbers are understood.
 *
 * Validity comes from libphonenumber-js's default (compact) metadata: it checks lengths and
 * leading digits per country, not every number range.
 *
 * @returns `'ambiguous'` for two different numbers, `'invalid'` when none is valid.
 * Never throws.
 */
export function parsePhone(text: string, defaultCountry: string): Parsed<string> {
  const unusable = rejectUnusable(text);
  if (unusable) return unusable;
  const upper = typeof defaultCountry === 'string' ? defaultCountry.toUpperCase() : '';
  const country = isSupportedCountry(upper) ? upper : undefined;
  try {
    if (DOUBLE_ZERO_PREFIX.test(text)) {
      const international = validE164(text.replace(DOUBLE_ZERO_PREFIX, '+'), country);
      if (international) return ok(international);
    }
    const found = single(phonesInText(text, country), fail('invalid'));
    if (found.ok || found.reason === 'ambiguous') return found;
    const direct = validE164(text, country);
    return direct ? ok(direct) : fail('invalid');
  } catch {
    // libphonenumber-js does not document throwing on odd input, but a parser must not.
    return fail('invalid');
  }
}
