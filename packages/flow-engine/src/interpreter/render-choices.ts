import type { ChannelType } from '../schema/common.schema.js';
import type { OutboundMessage } from '../session/effects.js';
import { defaultText } from './default-texts.js';

export interface ChoiceToRender {
  id: string;
  title: string;
  description?: string;
}

// WhatsApp's interactive limits; the sandbox behaves like WhatsApp so simulations match production.
const WHATSAPP_MAX_BUTTONS = 3;
const WHATSAPP_MAX_BUTTON_TITLE = 20;
const WHATSAPP_MAX_LIST_ROWS = 10;
const WHATSAPP_MAX_ROW_TITLE = 24;

/**
 * Shows choices the best way the channel allows: reply buttons, else a list, else numbered
 * text (customers can answer with the number; see matchChoice). SMS has no buttons at all.
 */
export function renderChoices(args: {
  channel: ChannelType;
  locale: string;
  text: string;
  choices: readonly ChoiceToRender[];
  footer?: string;
  listLabel?: string;
}): OutboundMessage {
  const { channel, text, choices } = args;
  const footer = args.footer ? { footer: args.footer } : {};
  const buttons = choices.map((c) => ({ id: c.id, title: c.title }));
  if (channel !== 'sms') {
    const whatsappLike = channel === 'whatsapp' || channel === 'sandbox';
    const maxButtons = whatsappLike ? WHATSAPP_MAX_BUTTONS : 10;
    const fitsButtons = choices.length <= maxButtons && (!whatsappLike || choices.every((c) => c.title.length <= WHATSAPP_MAX_BUTTON_TITLE));
    if (fitsButtons) return { kind: 'buttons', text, buttons, ...footer };
    const fitsList =
      whatsappLike && choices.length <= WHATSAPP_MAX_LIST_ROWS && choices.every((c) => c.title.length <= WHATSAPP_MAX_ROW_TITLE);
    if (fitsList) {
      return {
        kind: 'list',
        text,
        buttonLabel: args.listLabel ?? defaultText(args.locale, 'list_button'),
        sections: [{ rows: choices.map((c) => ({ id: c.id, title: c.title, ...(c.description ? { description: c.description } : {}) })) }],
        ...footer,
      };
    }
  }
  const numbered = choices.map((c, i) => `${i + 1}. ${c.title}`).join('\n');
  return { kind: 'text', text: `${text}\n\n${numbered}` };
}
