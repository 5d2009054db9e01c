import { RESERVED_NAMES, type Json } from '../schema/common.schema.js';
import type { FlowDocument } from '../schema/flow-document.schema.js';
import type { SessionContext, StartTrigger } from '../session/events.js';
import { SESSION_STATE_VERSION, type SessionState } from '../session/session-state.js';
import { messageVar } from './message-var.js';
import { isValidTimeZone, validateBusinessHours } from '../time/index.js';

/**
 * The state a session starts with: declared variables at their defaults, the built-in roots
 * (contact, workspace, session, event, message) and the trigger's data at the top level, so
 * a cart-abandoned event's `cart` reads as `{{cart.total}}`.
 */
export function initialState(args: { flow: FlowDocument; trigger: StartTrigger; context: SessionContext; now: Date }): SessionState {
  const { flow, trigger, context, now } = args;
  const vars: Record<string, Json> = {};
  for (const v of flow.variables) vars[v.name] = v.default ?? null;
  const { contact, workspace } = context;
  vars['contact'] = {
    id: contact.id,
    name: contact.name ?? null,
    first_name: contact.first_name ?? contact.name?.trim().split(/\s+/)[0] ?? null,
    phone: contact.phone ?? null,
    email: contact.email ?? null,
    tags: [...contact.tags],
    attributes: { ...contact.attributes },
  };
  vars['workspace'] = { name: workspace.name ?? null };
  vars['session'] = { id: context.sessionId, channel: context.channel, started_at: now.toISOString() };
  if (trigger.type === 'inbound_message') {
    vars['message'] = messageVar(trigger.message);
  } else {
    const data = trigger.data ?? {};
    for (const [key, value] of Object.entries(data)) if (!RESERVED_NAMES.has(key)) vars[key] = value;
    // The data lives once, at the top level (`cart`, `order`); `event` names what started it.
    vars['event'] = { name: trigger.type === 'commerce_event' ? trigger.event : 'manual' };
  }
  return {
    v: SESSION_STATE_VERSION,
    sessionId: context.sessionId,
    flowId: context.flowId,
    flowVersion: context.flowVersion,
    status: 'active',
    vars,
    env: {
      // Time math throws on an unknown zone; a bad workspace setting must not crash sessions.
      timezone: isValidTimeZone(workspace.timezone) ? workspace.timezone : 'UTC',
      locale: workspace.locale,
      currency: workspace.currency,
      country: workspace.country,
      channel: context.channel,
      // Malformed opening hours are left out (lint and the settings form report them), so a
      // business-hours wait goes straight on instead of failing the session.
      ...(workspace.businessHours && validateBusinessHours(workspace.businessHours).length === 0
        ? { businessHours: workspace.businessHours }
        : {}),
    },
    wait: null,
    seq: 0,
  };
}
