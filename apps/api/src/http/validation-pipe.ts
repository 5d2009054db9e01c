import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiError, type ErrorDetail } from './api-error.js';

/**
 * The global pipe: DTOs (class-validator) are checked at the edge, unknown fields are refused
 * (not silently dropped), and payloads become DTO instances. Failures are one 400
 * `validation_failed` whose details name every offending field by its dotted path.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // `value` is kept only to tell a missing field from a wrong one; it is never echoed back.
    validationError: { target: false, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) => {
      const details = flattenValidationErrors(errors);
      return new ApiError({
        status: 400,
        code: 'validation_failed',
        message: details.length === 1 ? `Invalid request: ${details[0]?.message ?? ''}` : `Invalid request: ${String(details.length)} problems.`,
        details,
      });
    },
  });
}

/** Nested class-validator errors -> `[{ field: 'a.b.0.c', message }]`, one per failed rule. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = error.property === '' || error.property === undefined ? parent : parent === '' ? error.property : `${parent}.${error.property}`;
    const constraints = Object.entries(error.constraints ?? {});
    const missing = (error.value === undefined || error.value === null) && constraints.length > 0 && !constraints.some(([rule]) => NOT_ABOUT_VALUE.has(rule));
    if (missing) {
      // One clear line for an absent field instead of every rule it would have had to pass.
      details.push({ field: field === '' ? '(body)' : field, message: `${field} is required` });
    } else {
      // A value of the wrong type fails its length/format rules too; its type is the one problem.
      const typeRule = constraints.find(([rule]) => TYPE_RULES.has(rule));
      for (const [rule, message] of typeRule ? [typeRule] : constraints) {
        details.push({ field: field === '' ? '(body)' : field, message: describe(rule, field, message) });
      }
    }
    if (error.children !== undefined && error.children.length > 0) details.push(...flattenValidationErrors(error.children, field));
  }
  return details;
}

/** class-validator rules about a value's type. */
const TYPE_RULES: ReadonlySet<string> = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isObject', 'isArray']);

/** Rules whose failure is not about the field's value being absent. */
const NOT_ABOUT_VALUE: ReadonlySet<string> = new Set(['whitelistValidation', 'unknownValue']);

function describe(rule: string, field: string, message: string): string {
  // class-validator says "property x should not exist"; name the field the same way as others.
  if (rule === 'whitelistValidation') return `${field} is not an accepted field`;
  if (rule === 'unknownValue') return 'the body must be a JSON object';
  return message;
}
