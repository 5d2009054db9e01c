import { useEffect, useRef } from 'react';
import type { SimulatedChannel, SimulationMessage } from '../api/simulation-types.js';
import { useT } from '../i18n/index.js';
import { ChatMessage, type Choose } from './chat-message.js';
import { SimIcon, type SimIconName } from './simulator-icon.js';

/**
 * Something the tester did that is not a message (the start event, a skipped wait), shown in the
 * thread after the messages that were on screen when it happened — placed by count, not by clock,
 * so a browser clock apart from the server's cannot move it.
 */
export interface ThreadNote {
  readonly id: string;
  readonly afterMessages: number;
  readonly text: string;
  readonly icon: SimIconName;
}

interface ChatThreadProps {
  readonly messages: readonly SimulationMessage[];
  readonly notes: readonly ThreadNote[];
  readonly channel: SimulatedChannel;
  readonly contactName: string;
  readonly working: boolean;
  readonly onChoose: Choose;
  readonly busy: boolean;
}

/**
 * The conversation: a log (screen readers announce new messages politely), scrolled to the
 * newest unless the reader scrolled up to read an older one.
 */
export function ChatThread({ messages, notes, channel, contactName, working, onChoose, busy }: ChatThreadProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = scroller.current;
    if (element !== null && pinned.current) element.scrollTop = element.scrollHeight;
  }, [messages, notes, working]);

  return (
    <div
      ref={scroller}
      className={`sim-thread sim-thread--${channel}`}
      // Scrollable with the keyboard too (arrows, Page Up/Down) once focused.
      tabIndex={0}
      aria-label={t('simulator.chat.label', { contact: contactName })}
      role="region"
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      <ol className="sim-thread__list" role="log" aria-live="polite" aria-relevant="additions">
        {interleave(messages, notes).map((item) =>
          'direction' in item ? (
            <ChatMessage key={item.id} message={item} channel={channel} onChoose={onChoose} busy={busy} />
          ) : (
            <li key={item.id} className="sim-event">
              <SimIcon name={item.icon} size={14} />
              <span>{item.text}</span>
            </li>
          ),
        )}
      </ol>
      {messages.length === 0 && notes.length === 0 && !working && <p className="sim-thread__empty">{t('simulator.chat.empty')}</p>}
      {working && (
        <div className="sim-typing" role="status">
          <span className="sim-typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="visually-hidden">{t('simulator.chat.typing')}</span>
        </div>
      )}
    </div>
  );
}

/** Messages with the notes between them, each note after the messages it followed. */
function interleave(messages: readonly SimulationMessage[], notes: readonly ThreadNote[]): (SimulationMessage | ThreadNote)[] {
  const items: (SimulationMessage | ThreadNote)[] = [];
  let n = 0;
  messages.forEach((message, index) => {
    while (n < notes.length && (notes[n]?.afterMessages ?? 0) <= index) items.push(notes[n++] as ThreadNote);
    items.push(message);
  });
  while (n < notes.length) items.push(notes[n++] as ThreadNote);
  return items;
}
