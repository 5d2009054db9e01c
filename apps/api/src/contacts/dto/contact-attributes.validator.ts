import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

export const MAX_ATTRIBUTES = 100;
export const MAX_ATTRIBUTES_BYTES = 16_384;
/** Attribute names flows read as contact.attributes.<name>: identifiers, never prototype keys. */
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a contact's custom attributes are not acceptable, or null when they are. */
export function attributesProblem(value: unknown, { allowNull }: { allowNull: boolean }): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of name -> value';
  const entries = Object.entries(value);
  if (entries.length > MAX_ATTRIBUTES) return `may have at most ${String(MAX_ATTRIBUTES)} entries`;
  for (const [name, item] of entries) {
    if (!ATTRIBUTE_NAME.test(name) || FORBIDDEN.has(name)) return `"${name.slice(0, 70)}" is not a valid name (letters, digits and _, not starting with a digit)`;
    if (item === null && !allowNull) return `"${name}" cannot be null`;
  }
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_ATTRIBUTES_BYTES) return `must be at most ${String(MAX_ATTRIBUTES_BYTES)} bytes of JSON`;
  return null;
}

/** Custom attributes: a JSON object with identifier keys; `allowNull` lets a PATCH remove keys. */
export function IsContactAttributes(options: { allowNull: boolean }, validation?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isContactAttributes',
      target: target.constructor,
      propertyName: String(propertyName),
      ...(validation === undefined ? {} : { options: validation }),
      validator: {
        validate: (value: unknown) => attributesProblem(value, options) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'attributes'} ${attributesProblem(args?.value, options) ?? 'are invalid'}`,
      },
    });
  };
}
