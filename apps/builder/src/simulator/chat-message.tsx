import { useState, type ReactNode } from 'react';
import type { OutboundMessage } from '@jornada/flow-engine';
import { asOutboundMessage, type SimulatedChannel, type SimulationMessage } from '../api/simulation-types.js';
import { useI18n, useT } from '../i18n/index.js';
import { Dialog } from '../ui/dialog.js';
import { Icon } from '../ui/icon.js';
import { formatChatText } from './format-chat-text.js';
import { SimIcon, type SimIconName } from './simulator-icon.js';

/** What a tap sends: the button or row id with its title. */
export type Choose = (choice: { buttonId: string; title: string }) => void;

interface ChatMessageProps {
  readonly message: SimulationMessage;
  readonly channel: SimulatedChannel;
  readonly onChoose: Choose;
  /** Taps are refused meanwhile (a tap is being sent). */
  readonly busy: boolean;
}

/** One message of the thread, drawn the way the chosen channel shows it. */
export function ChatMessage({ message, channel, onChoose, busy }: ChatMessageProps) {
  const { format } = useI18n();
  const time = format.date(message.createdAt, { hour: '2-digit', minute: '2-digit' });
  if (message.direction === 'in') return <InboundMessage message={message} time={time} />;
  const outbound = asOutboundMessage(message.content);
  return (
    <li className="sim-msg sim-msg--out">
      {outbound === null ? (
        <div className="sim-bubble sim-bubble--out">
          <p className="sim-bubble__text">{JSON.stringify(message.content)}</p>
          <Meta time={time} status={message.status} />
        </div>
      ) : (
        <OutboundBody message={outbound} channel={channel} onChoose={onChoose} busy={busy} meta={<Meta time={time} status={message.status} />} />
      )}
    </li>
  );
}

function InboundMessage({ message, time }: { message: SimulationMessage; time: string }) {
  const t = useT();
  const content = message.content;
  const title = typeof content['title'] === 'string' ? content['title'] : undefined;
  const text = typeof content['text'] === 'string' ? content['text'] : (title ?? '');
  return (
    <li className="sim-msg sim-msg--in">
      <div className="sim-bubble sim-bubble--in">
        <span className="visually-hidden">{t('simulator.chat.you')}: </span>
        {title !== undefined && content['kind'] !== 'text' ? (
          <p className="sim-bubble__text sim-bubble__tap">
            <Icon name="check" size={14} />
            <span>{title}</span>
            <span className="visually-hidden">({t('simulator.chat.tapped', { title })})</span>
          </p>
        ) : (
          <p className="sim-bubble__text">{text}</p>
        )}
        <span className="sim-bubble__meta">{time}</span>
      </div>
    </li>
  );
}

function Meta({ time, status }: { time: string; status: string }) {
  const t = useT();
  const label = status === 'queued' ? t('simulator.chat.queued') : status === 'failed' ? t('simulator.chat.failed') : t('simulator.chat.sent');
  const icon = status === 'queued' ? <Icon name="clock" size={12} label={label} /> : status === 'failed' ? <Icon name="alert" size={12} label={label} /> : <SimIcon name="double-check" size={14} label={label} />;
  return (
    <span className={`sim-bubble__meta${status === 'failed' ? ' sim-bubble__meta--failed' : ''}`}>
      {time}
      <span title={label} className="sim-bubble__status">
        {icon}
      </span>
    </span>
  );
}


function MediaPlaceholder({ mediaType, url, filename }: { mediaType: 'image' | 'video' | 'audio' | 'document'; url: string; filename?: string | undefined }) {
  const t = useT();
  return (
    <div className={`sim-media sim-media--${mediaType}`}>
      {mediaType === 'document' ? <Icon name="file" size={20} /> : <SimIcon name={mediaType satisfies SimIconName} size={20} />}
      <span className="sim-media__kind">{t(`simulator.message.media.${mediaType}`)}</span>
      <span className="sim-media__name" title={url}>
        {filename ?? shortUrl(url)}
      </span>
    </div>
  );
}

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const file = parsed.pathname.split('/').filter(Boolean).pop();
    return file === undefined ? parsed.host : `${parsed.host}/…/${file}`;
  } catch {
    return url;
  }
}

interface BodyProps {
  readonly message: OutboundMessage;
  readonly channel: SimulatedChannel;
  readonly onChoose: Choose;
  readonly busy: boolean;
  readonly meta: ReactNode;
}

function OutboundBody({ message, channel, onChoose, busy, meta }: BodyProps) {
  const t = useT();
  const bot = <span className="visually-hidden">{t('simulator.chat.bot')}: </span>;
  switch (message.kind) {
    case 'text':
      return (
        <div className="sim-bubble sim-bubble--out">
          {bot}
          <p className="sim-bubble__text">{formatChatText(message.text, channel)}</p>
          {meta}
        </div>
      );
    case 'media':
      return (
        <div className="sim-bubble sim-bubble--out sim-bubble--media">
          {bot}
          <MediaPlaceholder mediaType={message.mediaType} url={message.url} filename={message.filename} />
          {message.caption !== undefined && <p className="sim-bubble__text">{formatChatText(message.caption, channel)}</p>}
          {meta}
        </div>
      );
    case 'buttons':
      if (channel === 'sms') return <NumberedText text={message.text} options={message.buttons.map((b) => b.title)} meta={meta} />;
      return (
        <>
          <div className="sim-bubble sim-bubble--out">
            {bot}
            {message.header !== undefined && <MediaPlaceholder mediaType={message.header.mediaType} url={message.header.url} />}
            <p className="sim-bubble__text">{formatChatText(message.text, channel)}</p>
            {message.footer !== undefined && <p className="sim-bubble__footer">{message.footer}</p>}
            {meta}
          </div>
          <ChoiceButtons channel={channel} choices={message.buttons.map((b) => ({ buttonId: b.id, title: b.title }))} onChoose={onChoose} busy={busy} />
        </>
      );
    case 'list':
      if (channel === 'sms') return <NumberedText text={message.text} options={message.sections.flatMap((s) => s.rows.map((r) => r.title))} meta={meta} />;
      return <ListMessage message={message} channel={channel} onChoose={onChoose} busy={busy} meta={meta} />;
    case 'template':
      return <TemplateMessage message={message} channel={channel} onChoose={onChoose} busy={busy} meta={meta} />;
  }
}

/** SMS has no buttons: choices arrive as numbered lines (the engine renders them so; this is a safety net). */
function NumberedText({ text, options, meta }: { text: string; options: readonly string[]; meta: ReactNode }) {
  return (
    <div className="sim-bubble sim-bubble--out">
      <p className="sim-bubble__text">{`${text}\n\n${options.map((option, i) => `${String(i + 1)}. ${option}`).join('\n')}`}</p>
      {meta}
    </div>
  );
}

function ChoiceButtons({ channel, choices, onChoose, busy }: { channel: SimulatedChannel; choices: readonly { buttonId: string; title: string }[]; onChoose: Choose; busy: boolean }) {
  return (
    <div className={`sim-choices sim-choices--${channel}`}>
      {choices.map((choice) => (
        <button key={choice.buttonId} type="button" className="sim-choice" aria-disabled={busy || undefined} onClick={() => !busy && onChoose(choice)}>
          {channel === 'whatsapp' && <SimIcon name="reply" size={14} className="sim-choice__reply" />}
          {choice.title}
        </button>
      ))}
    </div>
  );
}

function ListMessage({ message, channel, onChoose, busy, meta }: BodyProps & { message: Extract<OutboundMessage, { kind: 'list' }> }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="sim-bubble sim-bubble--out">
        <span className="visually-hidden">{t('simulator.chat.bot')}: </span>
        <p className="sim-bubble__text">{formatChatText(message.text, channel)}</p>
        {message.footer !== undefined && <p className="sim-bubble__footer">{message.footer}</p>}
        {meta}
      </div>
      <div className={`sim-choices sim-choices--${channel}`}>
        <button type="button" className="sim-choice sim-choice--list" aria-haspopup="dialog" aria-label={t('simulator.message.listOpen', { label: message.buttonLabel })} onClick={() => setOpen(true)}>
          <Icon name="menu" size={16} />
          {message.buttonLabel}
        </button>
      </div>
      {open && (
        <Dialog title={message.buttonLabel} description={t('simulator.message.listTitle')} size="sm" onClose={() => setOpen(false)}>
          <div className="sim-list">
            {message.sections.map((section, index) => (
              <section key={section.title ?? String(index)} className="sim-list__section" aria-label={section.title}>
                {section.title !== undefined && <h3 className="sim-list__title">{section.title}</h3>}
                <ul className="sim-list__rows">
                  {section.rows.map((row) => (
                    <li key={row.id}>
                      <button
                        type="button"
                        className="sim-list__row"
                        aria-disabled={busy || undefined}
                        onClick={() => {
                          if (busy) return;
                          setOpen(false);
                          onChoose({ buttonId: row.id, title: row.title });
                        }}
                      >
                        <span className="sim-list__row-title">{row.title}</span>
                        {row.description !== undefined && <span className="sim-list__row-description">{row.description}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </Dialog>
      )}
    </>
  );
}

function TemplateMessage({ message, channel, onChoose, busy, meta }: BodyProps & { message: Extract<OutboundMessage, { kind: 'template' }> }) {
  const t = useT();
  const header = message.header;
  return (
    <>
      <div className="sim-bubble sim-bubble--out sim-bubble--template">
        <span className="visually-hidden">{t('simulator.chat.bot')}: </span>
        {header !== undefined && header.kind !== 'text' && <MediaPlaceholder mediaType={header.kind} url={header.url} />}
        <p className="sim-template__name">
          <Icon name="file" size={14} />
          {t('simulator.message.template', { name: message.name, language: message.language })}
        </p>
        <p className="sim-template__hint">{t('simulator.message.templateHint')}</p>
        <dl className="sim-template__params">
          {header !== undefined && header.kind === 'text' && header.params.length > 0 && (
            <div>
              <dt>{t('simulator.message.templateHeader')}</dt>
              <dd>{header.params.join(' · ')}</dd>
            </div>
          )}
          {message.body.map((param, index) => (
            // Positional parameters: their index is their identity.
            <div key={index}>
              <dt>{`{{${String(index + 1)}}}`}</dt>
              <dd>{param === '' ? '—' : param}</dd>
            </div>
          ))}
        </dl>
        {meta}
      </div>
      {(message.urlButtons.length > 0 || message.quickReplies.length > 0) && (
        <div className={`sim-choices sim-choices--${channel}`}>
          {message.urlButtons.map((button) => (
            <span key={`url-${String(button.index)}`} className="sim-choice sim-choice--link">
              <Icon name="link" size={14} />
              {t('simulator.message.templateLink', { param: button.param })}
            </span>
          ))}
          {message.quickReplies.map((reply) => (
            <button key={reply.id} type="button" className="sim-choice" aria-disabled={busy || undefined} onClick={() => !busy && onChoose({ buttonId: reply.id, title: reply.title })}>
              {reply.title}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
