import { useEffect, useRef } from 'react';
import type { SimulatedChannel, SimulationMessage } from '../api/simulation-types.js';
import { useT } from '../i18n/index.js';
import { ChatMessage, type Choose } from './chat-message.js';

interface ChatThreadProps {
  readonly messages: readonly SimulationMessage[];
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
export function ChatThread({ messages, channel, contactName, working, onChoose, busy }: ChatThreadProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const element = scroller.current;
    if (element !== null && pinned.current) element.scrollTop = element.scrollHeight;
  }, [messages, working]);

  return (
    <div
      ref={scroller}
      className={`sim-thread sim-thread--${channel}`}
      onScroll={(event) => {
        const element = event.currentTarget;
        pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
    >
      <ol className="sim-thread__list" role="log" aria-live="polite" aria-relevant="additions" aria-label={t('simulator.chat.label', { contact: contactName })}>
        {messages.map((message) => (
          <ChatMessage key={message.id} message={message} channel={channel} onChoose={onChoose} busy={busy} />
        ))}
      </ol>
      {messages.length === 0 && !working && <p className="sim-thread__empty">{t('simulator.chat.empty')}</p>}
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
