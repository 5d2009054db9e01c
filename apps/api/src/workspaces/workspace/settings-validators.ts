// class-validator rules for workspace settings that the library does not have.
import { ValidateBy, buildMessage, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { canonicalTimeZone } from './time-zone.js';

/** 'HH:mm', 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** 'HH:mm' or '24:00' (the end of the day), for closing times. */
export const CLOSING_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** An IANA time zone the runtime knows ('America/Sao_Paulo'); offsets are refused. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (value: unknown) => canonicalTimeZone(value) !== null,
        defaultMessage: buildMessage((each) => `${each}$property must be an IANA time zone such as America/Sao_Paulo`, options),
      },
    },
    options,
  );
}

/** A holiday: one date ('2026-12-25') or the same day every year ('12-25'; '02-29' allowed). */
export function isHoliday(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (full !== null) return isCalendarDate(Number(full[1]), Number(full[2]), Number(full[3]));
  const annual = /^(\d{2})-(\d{2})$/.exec(value);
  // 2000 is a leap year, so 02-29 is a valid every-year holiday.
  return annual !== null && isCalendarDate(2000, Number(annual[1]), Number(annual[2]));
}

export function IsHoliday(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHoliday',
      validator: {
        validate: isHoliday,
        defaultMessage: buildMessage((each) => `${each}$property must be a date YYYY-MM-DD or an every-year MM-DD`, options),
      },
    },
    options,
  );
}

/** The value must differ from the sibling `property` (an opening interval cannot be empty). */
export function DiffersFrom(property: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'differsFrom',
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => value !== (args?.object as Record<string, unknown> | undefined)?.[property],
        defaultMessage: buildMessage((each) => `${each}$property must differ from ${property} (the interval would be empty)`, options),
      },
    },
    options,
  );
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
