import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import { Button } from './button.js';
import './field.css';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (insecure origin, policy): select the text for Ctrl+C instead.
    input?.select();
    return false;
  }
}

/** A secret or a link shown once: read-only, selected on focus, with a Copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div style={{ display: 'flex', gap: 'var(--space-2)' }}>
        <input
          id={id}
          ref={input}
          className="input"
          readOnly
          value={value}
          spellCheck={false}
          style={{ fontFamily: 'var(--font-mono)', fontSize: 'var(--text-sm)' }}
          onFocus={(event) => event.target.select()}
          aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        />
        <Button
          variant={copied ? 'secondary' : 'primary'}
          icon={copied ? 'check' : 'copy'}
          onClick={() => {
            void copyText(value, input.current).then((done) => setCopied(done));
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
