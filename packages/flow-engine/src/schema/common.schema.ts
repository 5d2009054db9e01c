import { z } from 'zod';

/** Ids of nodes, edges, triggers, buttons and branches: stable, URL- and log-safe. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" and "_" only')
  .describe('A stable identifier, unique within the flow.');

/** Variable names as written in templates: `first_name`, `cart`, `nps_score`. */
export const VariableNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'start with a letter or "_", then letters, digits or "_"')
  .refine((name) => !RESERVED_NAMES.has(name), 'this name is reserved')
  .describe('Name of a flow variable, used in templates as {{name}}.');

/** Names a variable can never take: they are built-in roots or unsafe property names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'contact',
  'workspace',
  'event',
  'session',
  'message',
  '__proto__',
  'constructor',
  'prototype',
]);

export const CHANNEL_TYPES = ['whatsapp', 'webchat', 'sms', 'telegram', 'messenger', 'instagram', 'sandbox'] as const;
export const ChannelTypeSchema = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export const DurationSchema = z.strictObject({
  amount: z.number().int().positive().max(100_000),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof DurationSchema>;

const UNIT_MS: Record<Duration['unit'], number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Length of a duration in milliseconds (a day counted as 24 hours). */
export function durationMs(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}

/** Text that may contain `{{...}}` placeholders, rendered against the session's variables. */
export const TemplateTextSchema = z.string().max(8_192);
/** A condition or value expression, e.g. `cart.total > 100 && contact.tags contains "vip"`. */
export const ExpressionSchema = z.string().min(1).max(2_000);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonSchema), z.record(z.string(), JsonSchema)]),
);
