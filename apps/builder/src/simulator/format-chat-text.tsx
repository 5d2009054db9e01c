import type { ReactNode } from 'react';
import type { SimulatedChannel } from '../api/simulation-types.js';

// WhatsApp and Telegram draw *bold*, _italic_ and ~strikethrough~ (Telegram through its
// Markdown mode, which the adapter uses); the other channels show the characters as typed.
const MARKS: Readonly<Record<string, 'strong' | 'em' | 's'>> = { '*': 'strong', _: 'em', '~': 's' };
const FORMATTED = /([*_~])(?=\S)([^\n]*?\S)\1(?![\w*_~])/g;

/** A message's text as the channel would show it: formatting marks applied, line breaks kept (by CSS). */
export function formatChatText(text: string, channel: SimulatedChannel): ReactNode {
  if (channel !== 'whatsapp' && channel !== 'telegram') return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(FORMATTED)) {
    const index = match.index;
    // A mark must open at a word boundary ("2*3*4" stays as typed).
    if (index > 0 && /\w/.test(text[index - 1] ?? '')) continue;
    const Tag = MARKS[match[1] ?? ''] ?? 'span';
    if (index > last) parts.push(text.slice(last, index));
    parts.push(<Tag key={index}>{match[2]}</Tag>);
    last = index + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
