import { matchChoice, parseDate, parseEmail, parseNumber, parsePhone } from '../../answers/index.js';
import type { Json } from '../../schema/common.schema.js';
import type { NodeOf } from '../../schema/flow-document.schema.js';
import type { InboundMessage } from '../../session/events.js';
import { defaultText } from '../default-texts.js';
import { ignore, isOwnTimer, next, type NodeHandler, type NodeOutcome } from '../node-handler.js';
import { renderChoices } from '../render-choices.js';
import type { Run } from '../run.js';
import { inboundAsText } from './inbound-text.js';

type QuestionNode = NodeOf<'question'>;
type Answer = { ok: true; value: Json; output: string } | { ok: false };

function ask(node: QuestionNode, run: Run): void {
  const text = run.render(node.data.text);
  if (node.data.kind === 'choice') {
    const choices = (node.data.options ?? []).map((o) => ({ id: o.id, title: run.render(o.title) }));
    run.send(node.id, renderChoices({ channel: run.state.env.channel, locale: run.env.locale, text, choices }));
  } else {
    run.send(node.id, { kind: 'text', text });
  }
}

function readAnswer(node: QuestionNode, message: InboundMessage, run: Run): Answer {
  const { data } = node;
  const text = inboundAsText(message);
  if (data.kind === 'choice') {
    const buttonId = message.kind === 'button' || message.kind === 'list' ? message.id : undefined;
    // Match and store the titles as the customer saw them (they may use {{variables}}).
    const options = (data.options ?? []).map((o) => ({ ...o, title: run.render(o.title) }));
    const matched = matchChoice({ ...(text !== undefined ? { text } : {}), ...(buttonId ? { buttonId } : {}) }, options);
    if (!matched.ok) return { ok: false };
    const option = options.find((o) => o.id === matched.value);
    return { ok: true, value: option?.title ?? matched.value, output: matched.value };
  }
  if (text === undefined || text.trim() === '') return { ok: false };
  switch (data.kind) {
    case 'text':
      return { ok: true, value: text.trim(), output: 'next' };
    case 'email': {
      const r = parseEmail(text);
      return r.ok ? { ok: true, value: r.value, output: 'next' } : { ok: false };
    }
    case 'phone': {
      const r = parsePhone(text, run.state.env.country);
      return r.ok ? { ok: true, value: r.value, output: 'next' } : { ok: false };
    }
    case 'number': {
      const r = parseNumber(text, run.env.locale);
      if (!r.ok) return { ok: false };
      if ((data.min !== undefined && r.value < data.min) || (data.max !== undefined && r.value > data.max)) return { ok: false };
      return { ok: true, value: r.value, output: 'next' };
    }
    case 'date': {
      const r = parseDate(text, { locale: run.env.locale, timezone: run.env.timezone, now: run.now });
      return r.ok ? { ok: true, value: r.value, output: 'next' } : { ok: false };
    }
  }
}

function invalidText(node: QuestionNode, run: Run): string {
  if (node.data.invalidText) return run.render(node.data.invalidText);
  const key = node.data.kind === 'choice' ? 'choose_option' : (`invalid_${node.data.kind}` as const);
  return defaultText(run.env.locale, key);
}

/** Asks, validates the answer the way customers type it, re-asks up to maxAttempts, times out. */
export const questionNode: NodeHandler<'question'> = {
  enter(node, run) {
    ask(node, run);
    const timerId = node.data.timeout
      ? run.scheduleTimer(node.id, run.after(node.data.timeout), 'reply_timeout')
      : undefined;
    return { kind: 'wait', wait: { kind: 'reply', nodeId: node.id, attempts: 0, ...(timerId ? { timerId } : {}) } };
  },

  resume(node, wait, event, run): NodeOutcome {
    if (wait.kind !== 'reply') return ignore;
    if (isOwnTimer(wait, event)) return next('timeout');
    if (event.type !== 'message') return ignore;
    const answer = readAnswer(node, event.message, run);
    if (answer.ok) {
      run.cancelTimer(wait.timerId);
      run.setVar(node.data.variable, answer.value);
      return next(answer.output);
    }
    const attempts = wait.attempts + 1;
    if (attempts >= node.data.maxAttempts) {
      run.cancelTimer(wait.timerId);
      return next('invalid');
    }
    run.send(node.id, { kind: 'text', text: invalidText(node, run) });
    if (node.data.kind === 'choice') ask(node, run);
    return { kind: 'wait', wait: { ...wait, attempts } };
  },
};
