import { ValidateBy, type ValidationOptions } from 'class-validator';
import { checkPasswordPolicy } from '../../security/index.js';

/** A new password must pass the policy of security/password-policy.ts; the message says why not. */
export function IsAcceptablePassword(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAcceptablePassword',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && checkPasswordPolicy(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'password'}: ${checkPasswordPolicy(args?.value as string) ?? 'Enter a password.'}`,
      },
    },
    options,
  );
}
