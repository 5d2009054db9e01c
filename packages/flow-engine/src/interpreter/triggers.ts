import { normalizeText } from '../answers/index.js';
import { isTruthy } from '../expressions/index.js';
import type { ChannelType, Json } from '../schema/common.schema.js';
import type { FlowDocument, Trigger } from '../schema/flow-document.schema.js';
import type { InboundMessage, StartTrigger } from '../session/events.js';
import { evaluateSource } from './compiled.js';
import { inboundAsText } from './nodes/inbound-text.js';

/** The trigger a start refers to: the one named, else the first of the same kind. */
export function findStartTrigger(flow: FlowDocument, trigger: StartTrigger): Trigger | undefined {
  if (trigger.triggerId) return flow.triggers.find((t) => t.id === trigger.triggerId && t.type === trigger.type);
  return flow.triggers.find((t) => t.type === trigger.type && (t.type !== 'commerce_event' || (trigger.type === 'commerce_event' && t.event === trigger.event)));
}

/** What the shell knows about an inbound message when it looks for a flow to start. */
export interface InboundCandidate {
  type: 'inbound_message';
  message: InboundMessage;
  channel: ChannelType;
  /** True when this contact never wrote before. */
  firstContact: boolean;
}

export interface CommerceCandidate {
  type: 'commerce_event';
  event: string;
  data: Record<string, Json>;
}

function keywordMatches(keywords: readonly string[], text: string): boolean {
  const said = normalizeText(text);
  if (said === '') return false;
  const words = said.split(' ');
  return keywords.some((k) => {
    const keyword = normalizeText(k);
    if (keyword === '') return false;
    // A multi-word keyword matches as a phrase; a single word must be a whole word of the message.
    return keyword.includes(' ') ? ` ${said} `.includes(` ${keyword} `) : words.includes(keyword);
  });
}

function regexMatches(pattern: string, flags: string | undefined, text: string): boolean {
  try {
    return new RegExp(pattern, flags).test(text);
  } catch {
    return false; // lint reports invalid patterns; at run time they simply do not match
  }
}

/**
 * The trigger of `flow` that a candidate fires, if any. For inbound messages the shell asks
 * this only when no session is running for the conversation; it tries specific triggers
 * (keyword, regex, first contact) of all flows before `any`, so use `triggerSpecificity`.
 */
export function matchTrigger(flow: FlowDocument, candidate: InboundCandidate | CommerceCandidate): Trigger | undefined {
  for (const trigger of flow.triggers) {
    if (candidate.type === 'commerce_event') {
      if (trigger.type !== 'commerce_event' || trigger.event !== candidate.event) continue;
      if (trigger.filter) {
        const holds = isTruthy(evaluateSource(trigger.filter, { ...candidate.data, event: candidate.data }, { locale: 'en', currency: 'USD', timezone: 'UTC' }));
        if (!holds) continue;
      }
      return trigger;
    }
    if (trigger.type !== 'inbound_message') continue;
    if (trigger.channels?.length && !trigger.channels.includes(candidate.channel)) continue;
    const text = inboundAsText(candidate.message) ?? '';
    const { match } = trigger;
    if (match.kind === 'any') return trigger;
    if (match.kind === 'first_contact' && candidate.firstContact) return trigger;
    if (match.kind === 'keyword' && keywordMatches(match.keywords, text)) return trigger;
    if (match.kind === 'regex' && regexMatches(match.pattern, match.flags, text)) return trigger;
  }
  return undefined;
}

/**
 * Higher wins when several flows match one message: keyword/regex, then first contact, then
 * any; within each, a trigger limited to some channels (a per-channel default) beats one that
 * listens on all of them.
 */
export function triggerSpecificity(trigger: Trigger): number {
  if (trigger.type !== 'inbound_message') return 0;
  const perChannel = trigger.channels !== undefined && trigger.channels.length > 0 ? 1 : 0;
  switch (trigger.match.kind) {
    case 'keyword':
    case 'regex':
      return 6 + perChannel;
    case 'first_contact':
      return 4 + perChannel;
    case 'any':
      return 2 + perChannel;
  }
}
