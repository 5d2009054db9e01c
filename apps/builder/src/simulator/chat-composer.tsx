import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/index.js';
import { SimIcon } from './simulator-icon.js';

/** Free text from the simulated customer. Enter sends; the text stays if sending fails. */
export function ChatComposer({ onSend, disabled }: { onSend: (text: string) => Promise<boolean>; disabled: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (value === '' || sending || disabled) return;
    setSending(true);
    const sent = await onSend(value);
    setSending(false);
    if (sent) setText('');
  };
  return (
    <form className="sim-composer" onSubmit={(event) => void submit(event)}>
      <label htmlFor="sim-composer-input" className="visually-hidden">
        {t('simulator.chat.composer')}
      </label>
      <input
        id="sim-composer-input"
        className="sim-composer__input"
        value={text}
        maxLength={4096}
        autoComplete="off"
        placeholder={t('simulator.chat.composerPlaceholder')}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="btn btn--primary btn--icon sim-composer__send" aria-label={t('simulator.chat.send')} title={t('simulator.chat.send')} disabled={disabled || text.trim() === ''} aria-busy={sending || undefined}>
        <SimIcon name="send" size={18} />
      </button>
    </form>
  );
}
