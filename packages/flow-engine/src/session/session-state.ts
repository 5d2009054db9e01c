import { z } from 'zod';
import { ChannelTypeSchema, JsonSchema } from '../schema/common.schema.js';
import { isValidTimeZone } from '../time/index.js';

/** Version of the session state layout; bump with a migration when it changes. */
export const SESSION_STATE_VERSION = 1 as const;

const WaitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reply'),
    nodeId: z.string(),
    attempts: z.number().int(),
    timerId: z.string().optional(),
    /** Surveys ask a score, then optionally a comment. */
    phase: z.enum(['answer', 'comment']).optional(),
    /** The score a survey got while it waits for the optional comment. */
    score: z.number().optional(),
    surveyId: z.string().optional(),
  }),
  z.object({ kind: z.literal('timer'), nodeId: z.string(), timerId: z.string() }),
  z.object({ kind: z.literal('event'), nodeId: z.string(), timerId: z.string() }),
  z.object({ kind: z.literal('effect'), nodeId: z.string(), effectId: z.string() }),
  z.object({ kind: z.literal('human'), nodeId: z.string() }),
]);
export type Wait = z.infer<typeof WaitSchema>;

export const SessionStateSchema = z.object({
  v: z.literal(SESSION_STATE_VERSION),
  sessionId: z.string(),
  flowId: z.string(),
  flowVersion: z.number().int(),
  status: z.enum(['active', 'waiting', 'handoff', 'ended']),
  /** Flow variables plus the built-in roots (contact, workspace, event, message, session). */
  vars: z.record(z.string(), JsonSchema),
  env: z.object({
    timezone: z.string().refine(isValidTimeZone, 'not a known IANA time zone'),
    locale: z.string(),
    currency: z.string(),
    country: z.string(),
    channel: ChannelTypeSchema,
    businessHours: z
      .object({
        days: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))),
        holidays: z.array(z.string()).optional(),
      })
      .optional(),
  }),
  wait: WaitSchema.nullable(),
  /** Counter behind every effect and timer id, so ids are deterministic and never reused. */
  seq: z.number().int(),
  /**
   * Quick-reply buttons of templates already sent, by button id -> node: tapping one later
   * takes its path from wherever the session waits (e.g. "Stop reminders" during a 23 h wait).
   */
  routes: z.record(z.string(), z.object({ nodeId: z.string(), title: z.string(), from: z.string().optional() })).optional(),
  endedReason: z.string().optional(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

/**
 * Reads a stored session state (untrusted JSON from the database) and returns a valid, current
 * state, or an error naming the problem. Future layouts are migrated here, so a conversation
 * that waited across a deploy still resumes.
 */
export function parseSessionState(input: unknown): { ok: true; state: SessionState } | { ok: false; error: string } {
  const result = SessionStateSchema.safeParse(input);
  if (result.success) return { ok: true, state: result.data };
  const first = result.error.issues[0];
  return { ok: false, error: `${first?.path.join('.') || 'state'}: ${first?.message ?? 'invalid'}` };
}
