// How the golden transcripts read: one line per effect, the path taken and the session's
// status, in the workspace's time zone. Kept apart from the replay driver (transcript.ts).
import type { TraceEntry } from '../../src/interpreter/run.js';
import type { Json } from '../../src/schema/common.schema.js';
import type { Effect, OutboundMessage } from '../../src/session/effects.js';
import type { SessionState } from '../../src/session/session-state.js';
import { zonedParts } from '../../src/time/zoned-time.js';

/** A timer the driver saw scheduled, and what became of it. */
export interface Timer {
  nodeId: string;
  fireAt: string;
  status: 'pending' | 'cancelled' | 'fired';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-27 10:00` in the workspace zone (seconds only when not zero). */
export function clock(at: Date | string, timezone: string): string {
  const p = zonedParts(typeof at === 'string' ? new Date(at) : at, timezone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}${p.second ? `:${pad(p.second)}` : ''}`;
}

export const quote = (text: string): string => JSON.stringify(text);
export const json = (value: Json | undefined): string => (value === undefined ? '' : JSON.stringify(value));

function renderMessage(message: OutboundMessage): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'media':
      return `[${message.mediaType} ${message.url}${message.filename ? ` ${message.filename}` : ''}]${message.caption ? ` ${message.caption}` : ''}`;
    case 'buttons': {
      const header = message.header ? `[${message.header.mediaType} ${message.header.url}] ` : '';
      const footer = message.footer ? ` (footer: ${message.footer})` : '';
      return `${header}[buttons: ${message.buttons.map((b) => b.title).join(' | ')}] ${message.text}${footer}`;
    }
    case 'list': {
      const rows = message.sections.flatMap((s) => s.rows.map((r) => r.title));
      const footer = message.footer ? ` (footer: ${message.footer})` : '';
      return `[list "${message.buttonLabel}": ${rows.join(' | ')}] ${message.text}${footer}`;
    }
    case 'template': {
      const parts = [`template ${message.name} ${message.language}`];
      if (message.header) {
        parts.push(message.header.kind === 'text' ? `header=[${message.header.params.join(', ')}]` : `header=${message.header.kind}:${message.header.url}`);
      }
      parts.push(`body=[${message.body.join(', ')}]`);
      for (const b of message.urlButtons) parts.push(`url${b.index}=${b.param}`);
      if (message.quickReplies.length > 0) parts.push(`quick=[${message.quickReplies.map((q) => `${q.id} ${quote(q.title)}`).join(', ')}]`);
      return parts.join(' ');
    }
  }
}

export function renderEffect(effect: Effect, timezone: string): string {
  switch (effect.type) {
    case 'send':
      return `bot: ${renderMessage(effect.message)}`;
    case 'schedule_timer':
      return `timer ${effect.timerId} ${effect.nodeId} at ${clock(effect.fireAt, timezone)} (${effect.purpose})`;
    case 'cancel_timer':
      return `cancel timer ${effect.timerId}`;
    case 'handoff':
      return `handoff${effect.team ? ` team=${effect.team}` : ''} priority=${effect.priority} reason=${quote(effect.reason)}`;
    case 'http_request': {
      const headers = Object.entries(effect.headers).map(([k, v]) => `${k}: ${v}`);
      return `http ${effect.method} ${effect.url}${headers.length ? ` [${headers.join('; ')}]` : ''}${effect.body !== undefined ? ` body=${quote(effect.body)}` : ''} timeout=${effect.timeoutMs}ms`;
    }
    case 'set_contact':
      return `contact ${Object.entries(effect.attributes).map(([k, v]) => `attributes.${k}=${json(v)}`).join(' ')}`;
    case 'tag':
      return `tag ${[...effect.add.map((t) => `+${t}`), ...effect.remove.map((t) => `-${t}`)].join(' ')}`;
    case 'record_survey':
      return `survey ${effect.kind} score=${effect.score}${effect.comment !== undefined ? ` comment=${quote(effect.comment)}` : ''} (record ${effect.id})`;
    case 'record_conversion':
      return `conversion ${effect.kind} ${effect.value !== undefined ? `${effect.value.toFixed(2)} ${effect.currency ?? '?'}` : '(no value)'}`;
    case 'start_flow':
      return `start flow ${effect.flowId} data=${JSON.stringify(effect.data)}`;
    case 'end_session':
      return `end ${effect.reason}`;
    case 'log':
      return `log ${effect.level} ${effect.code}${effect.nodeId ? ` at ${effect.nodeId}` : ''}: ${effect.message}`;
  }
}

export function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? `${prefix}${line}` : `${prefix}  ${line}`))
    .join('\n');
}

export function renderPath(trace: readonly TraceEntry[], route: { id: string; source: string } | undefined, state: SessionState): string {
  if (trace.length === 0 && !route) return `path: (stays at ${state.wait?.nodeId ?? '?'})`;
  const hops = trace.map((t) => (t.output !== undefined ? `${t.nodeId}:${t.output}` : t.nodeId));
  if (route) hops.unshift(`${route.source}:${route.id} (quick reply)`);
  return `path: ${hops.join(' → ')}`;
}

export function renderStatus(state: SessionState, timezone: string, timers: ReadonlyMap<string, Timer>): string {
  if (state.status === 'ended') return `status: ended (${state.endedReason ?? '?'})`;
  const wait = state.wait;
  if (!wait) return `status: ${state.status} (not waiting)`;
  const detail =
    wait.kind === 'effect'
      ? `effect ${wait.effectId}`
      : 'timerId' in wait && wait.timerId
        ? `timer ${wait.timerId} at ${timers.get(wait.timerId) ? clock(timers.get(wait.timerId)?.fireAt ?? '', timezone) : '?'}`
        : 'no deadline';
  return `status: ${state.status} at ${wait.nodeId} (${wait.kind}, ${detail})`;
}
