// Golden-transcript driver: replays a script of customer, clock, commerce, HTTP and agent
// inputs through the pure engine (`start` / `step`), the way the shell would, and renders
// what happened as a human-readable transcript. The transcripts are committed and compared
// (see golden-file.ts), so any change in what a journey says or does shows up as a diff.
//
// The driver is deliberately strict: it stores the state as the shell does (JSON through
// `parseSessionState`), checks that `step` never mutates its input, and collects
// "problems" (repeated idempotency keys, a stale timer that was not ignored...) that the
// specs assert to be empty.
import { start, step, type StepResult } from '../../src/interpreter/engine.js';
import type { ChannelType, Json } from '../../src/schema/common.schema.js';
import type { FlowDocument } from '../../src/schema/flow-document.schema.js';
import { parseFlow } from '../../src/schema/parse-flow.js';
import type { Effect } from '../../src/session/effects.js';
import type { ContactSnapshot, EngineEvent, InboundMessage, SessionContext, StartTrigger, WorkspaceSettings } from '../../src/session/events.js';
import { parseSessionState, type SessionState } from '../../src/session/session-state.js';
import { JOURNEY_TEMPLATES } from '../../src/templates/index.js';
import type { JourneyTemplate, TemplateLocale } from '../../src/templates/journey-template.js';
import { clock, indent, json, quote, renderEffect, renderPath, renderStatus, type Timer } from './render-transcript.js';

export type TemplateId = JourneyTemplate['id'];

// --- Who, where, when ---------------------------------------------------------------------

/** The Brazilian shop and its customer most scenarios use. */
const PT_BR = {
  contact: { id: 'ct_marina', name: 'Marina Souza', phone: '+5511987654321', tags: [], attributes: {} },
  workspace: { name: 'Loja Azul', timezone: 'America/Sao_Paulo', locale: 'pt-BR', currency: 'BRL', country: 'BR' },
} as const satisfies { contact: ContactSnapshot; workspace: WorkspaceSettings };

/** The English (US) variant. */
const EN = {
  contact: { id: 'ct_emma', name: 'Emma Miller', phone: '+12125550147', tags: [], attributes: {} },
  workspace: { name: 'Blue Harbor Store', timezone: 'America/New_York', locale: 'en', currency: 'USD', country: 'US' },
} as const satisfies { contact: ContactSnapshot; workspace: WorkspaceSettings };

/** Contact overrides: `phone: null` / `email: null` remove the field (e.g. an anonymous webchat visitor). */
export interface ContactOverrides {
  phone?: string | null;
  email?: string | null;
  tags?: string[];
  attributes?: Record<string, Json>;
}

export function sessionContext(args: {
  template: TemplateId;
  locale: TemplateLocale;
  channel: ChannelType;
  contact?: ContactOverrides;
}): SessionContext {
  const base = args.locale === 'en' ? EN : PT_BR;
  const { phone, email, tags, attributes } = args.contact ?? {};
  const contact: ContactSnapshot = {
    id: base.contact.id,
    name: base.contact.name,
    tags: [...(tags ?? base.contact.tags)],
    attributes: { ...(attributes ?? base.contact.attributes) },
  };
  const phoneValue = phone === undefined ? base.contact.phone : phone;
  if (phoneValue !== null) contact.phone = phoneValue;
  if (email !== undefined && email !== null) contact.email = email;
  return { sessionId: 's1', flowId: args.template, flowVersion: 1, channel: args.channel, contact, workspace: { ...base.workspace } };
}

/** The published flow of a journey template, parsed the way the API parses a flow. */
export function templateFlow(id: TemplateId, locale: TemplateLocale): FlowDocument {
  const template = JOURNEY_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`no journey template "${id}"`);
  const parsed = parseFlow(template.build(locale));
  if (!parsed.ok) throw new Error(`template ${id} (${locale}) does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.flow;
}

// --- Scripts --------------------------------------------------------------------------------

/** What starts the session: a customer's first message or a commerce event. */
export type Opening = { say: string } | { event: 'cart.abandoned' | 'order.created'; data: Record<string, Json> };

/** One scripted input. Only `after` is not an input: it moves the clock. */
export type ScriptStep =
  /** Advance the clock ('90s', '20m', '2h', '3d'); refuses to skip the timer the session waits on. */
  | { after: string }
  /** Fire the timer the session currently waits on, at its fireAt (the clock moves there). */
  | { fire: 'timer' }
  /** Fire a timer that is no longer current (a timer id, or the node that scheduled it last): must be ignored. */
  | { fireStale: string }
  /** The customer types text. */
  | { say: string }
  /** The customer taps a reply button (also a template quick reply). */
  | { tap: string; title: string }
  /** The customer picks a row of a list message. */
  | { pick: string; title: string }
  /** The customer sends media without text (a sticker, a photo). */
  | { media: 'image' | 'sticker'; caption?: string }
  /** A commerce event reaches the session (the shell forwards it while the session waits). */
  | { event: string; data: Record<string, Json> }
  /** The shell answers the pending http_request effect. */
  | { http: { ok: boolean; status?: number; body?: Json; error?: string } }
  /** An agent acts on the conversation. */
  | { agent: 'resolved' | 'handed_back' };

export interface Scenario {
  /** File name of the transcript, kebab-case. */
  name: string;
  /** One line saying what the scenario shows, written into the transcript. */
  title: string;
  locale?: TemplateLocale;
  channel?: ChannelType;
  contact?: ContactOverrides;
  /** Wall-clock start with offset, e.g. '2026-11-27T09:00:00-03:00'. */
  startAt: string;
  opening: Opening;
  steps: ScriptStep[];
}

export interface ScenarioRun {
  transcript: string;
  /** Ids of the flow's edges the conversation traversed. */
  edges: Set<string>;
  /** Outputs taken that have no edge (the journey ended there): `node:output`. */
  openOutputs: Set<string>;
  /** Contract violations seen while replaying; specs expect none. */
  problems: string[];
  finalState: SessionState;
}

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match) throw new Error(`script: "${text}" is not a duration such as 90s, 20m, 2h or 3d`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

// --- Replay -----------------------------------------------------------------------------------


/** The timer id the session waits on, if any. */
function currentTimerId(state: SessionState): string | undefined {
  const wait = state.wait;
  return wait && 'timerId' in wait ? wait.timerId : undefined;
}

function inbound(stepDef: ScriptStep): InboundMessage | undefined {
  if ('say' in stepDef) return { kind: 'text', text: stepDef.say };
  if ('tap' in stepDef) return { kind: 'button', id: stepDef.tap, title: stepDef.title };
  if ('pick' in stepDef) return { kind: 'list', id: stepDef.pick, title: stepDef.title };
  if ('media' in stepDef) {
    return stepDef.media === 'image'
      ? { kind: 'media', mediaType: 'image', url: 'https://media.example/photo.jpg', ...(stepDef.caption !== undefined ? { caption: stepDef.caption } : {}) }
      : { kind: 'media', mediaType: 'sticker', url: 'https://media.example/sticker.webp' };
  }
  return undefined;
}

function describeInbound(message: InboundMessage): string {
  switch (message.kind) {
    case 'text':
      return `customer: ${quote(message.text)}`;
    case 'button':
      return `customer taps [${message.id}] ${quote(message.title)}`;
    case 'list':
      return `customer picks [${message.id}] ${quote(message.title)}`;
    case 'media':
      return `customer sends ${message.mediaType}${message.caption !== undefined ? ` with caption ${quote(message.caption)}` : ' (no text)'}`;
    case 'location':
      return `customer sends location ${message.latitude},${message.longitude}`;
  }
}

/** Replays `scenario` against `flow` and renders the transcript. Pure and deterministic. */
export function runScenario(template: TemplateId, scenario: Scenario): ScenarioRun {
  const locale = scenario.locale ?? 'pt-BR';
  const channel = scenario.channel ?? 'whatsapp';
  const flow = templateFlow(template, locale);
  const context = sessionContext({ template, locale, channel, ...(scenario.contact ? { contact: scenario.contact } : {}) });
  const timezone = context.workspace.timezone;
  const edgeIds = new Map(flow.edges.map((e) => [`${e.source}\u0000${e.sourceHandle}`, e.id] as const));

  const lines: string[] = [];
  const problems: string[] = [];
  const edges = new Set<string>();
  const openOutputs = new Set<string>();
  const timers = new Map<string, Timer>();
  const effectIds = new Map<string, string>();
  /** Quick replies of templates sent so far, newest last: which node offered which id. */
  const offeredQuickReplies: Array<{ nodeId: string; id: string }> = [];

  let now = new Date(scenario.startAt);
  if (Number.isNaN(now.getTime())) throw new Error(`script: bad startAt ${scenario.startAt}`);

  const contactLine = [context.contact.name, context.contact.phone, context.contact.email].filter(Boolean).join(' ');
  lines.push(`# ${template} / ${scenario.name}`);
  lines.push(`# ${scenario.title}`);
  lines.push(`# ${locale} · ${channel} · ${timezone} · ${context.workspace.currency} · workspace "${context.workspace.name ?? ''}" · contact ${contactLine}`);
  lines.push('');

  const record = (input: string, result: StepResult, route: { id: string; source: string } | undefined): void => {
    lines.push(`${clock(now, timezone)}  ${input}`);
    if (result.outcome === 'ignored') {
      lines.push('    (ignored)');
      if (result.effects.length > 0) problems.push(`${input}: ignored but returned ${result.effects.length} effects`);
      return;
    }
    lines.push(indent(renderPath(result.trace, route, result.state)));
    for (const effect of result.effects) {
      lines.push(indent(renderEffect(effect, timezone)));
      checkEffect(effect);
    }
    for (const entry of result.trace) {
      if (entry.output === undefined) continue;
      const id = edgeIds.get(`${entry.nodeId}\u0000${entry.output}`);
      if (id) edges.add(id);
      else if (!flow.triggers.some((t) => t.id === entry.nodeId)) openOutputs.add(`${entry.nodeId}:${entry.output}`);
    }
    if (route) {
      const id = edgeIds.get(`${route.source}\u0000${route.id}`);
      if (id) edges.add(id);
    }
  };

  const checkEffect = (effect: Effect): void => {
    const claim = (id: string, what: string): void => {
      const previous = effectIds.get(id);
      if (previous !== undefined) problems.push(`id ${id} used twice: ${previous} and ${what}`);
      else effectIds.set(id, what);
    };
    switch (effect.type) {
      case 'send':
        claim(effect.id, `send at ${effect.nodeId}`);
        if (effect.message.kind === 'template') {
          for (const q of effect.message.quickReplies) offeredQuickReplies.push({ nodeId: effect.nodeId, id: q.id });
        }
        break;
      case 'handoff':
      case 'http_request':
      case 'record_conversion':
        claim(effect.id, `${effect.type} at ${effect.nodeId}`);
        break;
      case 'record_survey':
        // The comment updates the score's record: same id, same node, same score.
        if (!effectIds.has(effect.id)) claim(effect.id, `record_survey at ${effect.nodeId} score ${effect.score}`);
        else if (effectIds.get(effect.id) !== `record_survey at ${effect.nodeId} score ${effect.score}`) {
          problems.push(`record_survey ${effect.id} reuses an id of ${effectIds.get(effect.id) ?? '?'}`);
        }
        break;
      case 'schedule_timer':
        claim(effect.timerId, `timer at ${effect.nodeId}`);
        if (new Date(effect.fireAt).getTime() < now.getTime()) problems.push(`timer ${effect.timerId} scheduled in the past (${effect.fireAt})`);
        timers.set(effect.timerId, { nodeId: effect.nodeId, fireAt: effect.fireAt, status: 'pending' });
        break;
      case 'cancel_timer': {
        const timer = timers.get(effect.timerId);
        if (!timer) problems.push(`cancel of unknown timer ${effect.timerId}`);
        else if (timer.status !== 'pending') problems.push(`cancel of ${timer.status} timer ${effect.timerId}`);
        else timer.status = 'cancelled';
        break;
      }
      default:
        break;
    }
  };

  /** Stores the state as the shell does (JSON in a database) and reads it back. */
  const store = (state: SessionState): SessionState => {
    const parsed = parseSessionState(JSON.parse(JSON.stringify(state)));
    if (!parsed.ok) {
      problems.push(`state does not survive storage: ${parsed.error}`);
      return state;
    }
    return parsed.state;
  };

  // Start.
  const trigger: StartTrigger =
    'say' in scenario.opening
      ? { type: 'inbound_message', message: { kind: 'text', text: scenario.opening.say } }
      : { type: 'commerce_event', event: scenario.opening.event, data: scenario.opening.data };
  const first = start({ flow, trigger, context, now });
  const openingLine = 'say' in scenario.opening ? `start: ${describeInbound(trigger.type === 'inbound_message' ? trigger.message : { kind: 'text', text: '' })}` : `start: event ${scenario.opening.event} ${json(scenario.opening.data)}`;
  record(openingLine, first, undefined);
  let state = store(first.state);

  const feed = (input: string, event: EngineEvent, expectIgnored = false): void => {
    const before = JSON.stringify(state);
    const result = step({ flow, state, event, now });
    if (JSON.stringify(state) !== before) problems.push(`${input}: step mutated the state it was given`);
    let route: { id: string; source: string } | undefined;
    // The engine's trace starts at a quick reply's target without naming the template node
    // and output it left by; recover that edge from the template that offered the button.
    const firstEntry = result.trace[0];
    if (result.outcome === 'advanced' && event.type === 'message' && state.routes && firstEntry && firstEntry.nodeId !== state.wait?.nodeId) {
      const tapped = event.message.kind === 'button' || event.message.kind === 'list' ? event.message.id : undefined;
      const candidates = Object.entries(state.routes).filter(([, r]) => r.nodeId === firstEntry.nodeId).map(([id]) => id);
      const id = tapped !== undefined && candidates.includes(tapped) ? tapped : candidates[0];
      const offer = [...offeredQuickReplies].reverse().find((o) => o.id === id && edgeIds.has(`${o.nodeId}\u0000${o.id}`));
      if (id !== undefined && offer) route = { id, source: offer.nodeId };
    }
    record(input, result, route);
    if (expectIgnored && result.outcome !== 'ignored') problems.push(`${input}: a stale timer was not ignored`);
    state = store(result.state);
  };

  for (const stepDef of scenario.steps) {
    if ('after' in stepDef) {
      const target = new Date(now.getTime() + parseDuration(stepDef.after));
      const timerId = currentTimerId(state);
      const timer = timerId ? timers.get(timerId) : undefined;
      if (timer && timer.status === 'pending' && new Date(timer.fireAt).getTime() < target.getTime()) {
        throw new Error(`script: "after ${stepDef.after}" would skip timer ${timerId ?? ''} due ${timer.fireAt}; fire it first`);
      }
      now = target;
      continue;
    }
    if ('fire' in stepDef) {
      const timerId = currentTimerId(state);
      const timer = timerId ? timers.get(timerId) : undefined;
      if (!timerId || !timer) throw new Error(`script: fire, but the session waits on no timer (${renderStatus(state, timezone, timers)})`);
      const fireAt = new Date(timer.fireAt);
      if (fireAt.getTime() < now.getTime()) problems.push(`timer ${timerId} fires at ${timer.fireAt}, before the clock`);
      now = fireAt;
      timer.status = 'fired';
      feed(`timer ${timerId} fires (${timer.nodeId})`, { type: 'timer', timerId });
      continue;
    }
    if ('fireStale' in stepDef) {
      const known = timers.has(stepDef.fireStale)
        ? stepDef.fireStale
        : [...timers.entries()].reverse().find(([, t]) => t.nodeId === stepDef.fireStale)?.[0];
      if (!known) throw new Error(`script: no timer ${stepDef.fireStale} to fire stale`);
      if (known === currentTimerId(state)) throw new Error(`script: timer ${known} is current, not stale`);
      const timer = timers.get(known);
      feed(`timer ${known} fires (${timer?.nodeId ?? '?'}, stale)`, { type: 'timer', timerId: known }, true);
      continue;
    }
    const message = inbound(stepDef);
    if (message) {
      feed(describeInbound(message), { type: 'message', message });
      continue;
    }
    if ('event' in stepDef) {
      feed(`event ${stepDef.event} ${json(stepDef.data)}`, { type: 'external', name: stepDef.event, data: stepDef.data });
      continue;
    }
    if ('http' in stepDef) {
      const wait = state.wait;
      if (!wait || wait.kind !== 'effect') throw new Error(`script: http result, but no http_request is pending (${renderStatus(state, timezone, timers)})`);
      const { ok, status, body, error } = stepDef.http;
      const shown = `${ok ? 'ok' : 'failed'}${status !== undefined ? ` ${status}` : ''}${body !== undefined ? ` ${json(body)}` : ''}${error !== undefined ? ` ${quote(error)}` : ''}`;
      feed(`http result for ${wait.effectId}: ${shown}`, {
        type: 'effect_result',
        effectId: wait.effectId,
        ok,
        ...(status !== undefined ? { status } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(error !== undefined ? { error } : {}),
      });
      continue;
    }
    if ('agent' in stepDef) {
      feed(`agent: ${stepDef.agent}`, { type: 'conversation', action: stepDef.agent });
      continue;
    }
  }

  lines.push('');
  lines.push(renderStatus(state, timezone, timers));
  const leftover = [...timers.entries()].filter(([id, t]) => t.status === 'pending' && id !== currentTimerId(state));
  if (state.status === 'ended' && currentTimerId(state)) problems.push('an ended session still waits on a timer');
  if (leftover.length > 0) lines.push(`leftover timers (never cancelled): ${leftover.map(([id, t]) => `${id} ${t.nodeId}`).join(', ')}`);
  return { transcript: `${lines.join('\n')}\n`, edges, openOutputs, problems, finalState: state };
}
