import { matchChoice } from '../../answers/index.js';
import type { NodeOf } from '../../schema/flow-document.schema.js';
import type { OutboundMessage } from '../../session/effects.js';
import { defaultText } from '../default-texts.js';
import { ignore, isOwnTimer, next, type NodeHandler } from '../node-handler.js';
import type { Run } from '../run.js';
import { targetOf } from '../../graph/flow-index.js';
import { inboundAsText } from './inbound-text.js';
import { renderChoices } from '../render-choices.js';

type MessageNode = NodeOf<'message'>;

/** The unmatched reply that takes "other" when it is not connected (the message is re-sent before it). */
const MAX_UNMATCHED = 3;

function choicesOf(node: MessageNode): Array<{ id: string; title: string; description?: string }> {
  if (node.data.buttons?.length) return node.data.buttons;
  return node.data.list?.sections.flatMap((s) => s.rows) ?? [];
}

function renderMessages(node: MessageNode, run: Run): OutboundMessage[] {
  const { data } = node;
  const text = data.text ? run.render(data.text) : '';
  const footer = data.footer ? { footer: run.render(data.footer) } : {};
  if (run.state.env.channel === 'sms' && (data.buttons?.length || data.list)) {
    return [renderChoices({ channel: 'sms', locale: run.env.locale, text, choices: choicesOf(node) })];
  }
  if (data.buttons?.length) {
    const header =
      data.media && data.media.kind !== 'audio'
        ? { header: { mediaType: data.media.kind, url: run.render(data.media.url) } }
        : {};
    return [{ kind: 'buttons', text, buttons: data.buttons.map((b) => ({ id: b.id, title: b.title })), ...footer, ...header }];
  }
  if (data.list) {
    const sections = data.list.sections.map((section) => ({
      ...(section.title ? { title: section.title } : {}),
      rows: section.rows.map((r) => ({ id: r.id, title: r.title, ...(r.description ? { description: r.description } : {}) })),
    }));
    return [{ kind: 'list', text, buttonLabel: data.list.buttonLabel, sections, ...footer }];
  }
  if (data.media) {
    // The text rides as the caption unless a caption of its own is set; then it follows the media.
    const caption = data.media.caption ? run.render(data.media.caption) : text;
    const media: OutboundMessage = {
      kind: 'media',
      mediaType: data.media.kind,
      url: run.render(data.media.url),
      ...(caption ? { caption } : {}),
      ...(data.media.filename ? { filename: data.media.filename } : {}),
    };
    return data.media.caption && text ? [media, { kind: 'text', text }] : [media];
  }
  return [{ kind: 'text', text }];
}

/** Sends text, media, reply buttons or a list; with buttons or a list it waits for the tap. */
export const messageNode: NodeHandler<'message'> = {
  enter(node, run) {
    for (const message of renderMessages(node, run)) run.send(node.id, message);
    if (choicesOf(node).length === 0) return next('next');
    const timerId = node.data.timeout
      ? run.scheduleTimer(node.id, run.after(node.data.timeout), 'reply_timeout')
      : undefined;
    return { kind: 'wait', wait: { kind: 'reply', nodeId: node.id, attempts: 0, ...(timerId ? { timerId } : {}) } };
  },

  resume(node, wait, event, run) {
    if (wait.kind !== 'reply') return ignore;
    if (isOwnTimer(wait, event)) return next('timeout');
    if (event.type !== 'message') return ignore;
    const message = event.message;
    const buttonId = message.kind === 'button' || message.kind === 'list' ? message.id : undefined;
    const text = inboundAsText(message);
    const matched = matchChoice({ ...(text !== undefined ? { text } : {}), ...(buttonId ? { buttonId } : {}) }, choicesOf(node));
    if (matched.ok) {
      run.cancelTimer(wait.timerId);
      return next(matched.value);
    }
    const attempts = wait.attempts + 1;
    if (targetOf(run.index, node.id, 'other') !== undefined || attempts >= MAX_UNMATCHED) {
      run.cancelTimer(wait.timerId);
      return next('other');
    }
    run.send(node.id, { kind: 'text', text: defaultText(run.env.locale, 'choose_option') });
    for (const message of renderMessages(node, run)) run.send(node.id, message);
    return { kind: 'wait', wait: { ...wait, attempts } };
  },
};
