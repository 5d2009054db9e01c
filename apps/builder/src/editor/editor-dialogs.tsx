import { useState } from 'react';
import { useT } from '../i18n/index.js';
import { Button } from '../ui/button.js';
import { Dialog } from '../ui/dialog.js';
import { Callout } from '../ui/feedback.js';
import { loose } from './node-text.js';
import { SHORTCUTS } from './shortcuts.js';
import './editor-dialogs.css';

/** Confirms publishing: what goes live, what it replaces, warnings left. */
export function PublishDialog({ name, liveVersion, warnings, onPublish, onClose }: { name: string; liveVersion: number | null; warnings: number; onPublish: () => Promise<void>; onClose: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    try {
      await onPublish();
      onClose();
    } catch {
      // The editor reports why (a toast, or the problems panel); the dialog stays for another try.
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('editor.publish.title', { name })}
      description={t('editor.publish.text')}
      onClose={onClose}
      dismissible={!busy}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" icon="upload" loading={busy} onClick={() => void publish()} data-autofocus>
            {t('editor.publish.confirm')}
          </Button>
        </>
      }
    >
      <p className="editor-dialog__text">{liveVersion === null ? t('editor.publish.first') : t('editor.publish.next', { version: liveVersion })}</p>
      {warnings > 0 && <Callout tone="warning">{t('editor.publish.warnings', { count: warnings })}</Callout>}
    </Dialog>
  );
}

export type ConflictChoice = 'theirs' | 'mine' | 'copy';

/** Another tab or person saved first: the marketer decides; nothing is overwritten silently. */
export function ConflictDialog({ theirRevision, onChoose }: { theirRevision: number; onChoose: (choice: ConflictChoice) => Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState<ConflictChoice | null>(null);
  const choose = async (choice: ConflictChoice) => {
    setBusy(choice);
    try {
      await onChoose(choice);
    } finally {
      setBusy(null);
    }
  };
  const choices: { choice: ConflictChoice; label: string; hint: string; variant: 'primary' | 'secondary' }[] = [
    { choice: 'theirs', label: t('editor.conflict.theirs'), hint: t('editor.conflict.theirsHint'), variant: 'secondary' },
    { choice: 'copy', label: t('editor.conflict.copy'), hint: t('editor.conflict.copyHint'), variant: 'secondary' },
    { choice: 'mine', label: t('editor.conflict.mine'), hint: t('editor.conflict.mineHint'), variant: 'secondary' },
  ];
  return (
    <Dialog role="alertdialog" title={t('editor.conflict.title')} description={t('editor.conflict.text', { theirs: theirRevision })} onClose={() => undefined} dismissible={false} size="md">
      <ul className="conflict-choices">
        {choices.map(({ choice, label, hint, variant }) => (
          <li key={choice} className="conflict-choice">
            <div>
              <p className="conflict-choice__label">{label}</p>
              <p className="conflict-choice__hint">{hint}</p>
            </div>
            <Button variant={variant} size="sm" loading={busy === choice} disabled={busy !== null && busy !== choice} onClick={() => void choose(choice)} {...(choice === 'theirs' ? { 'data-autofocus': true } : {})}>
              {label}
            </Button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** The keyboard shortcuts (`?`). */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const tl = loose(t);
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  const key = (name: string) => (name === 'Mod' ? (mac ? '⌘' : 'Ctrl') : name === 'Shift' && mac ? '⇧' : name);
  return (
    <Dialog title={t('editor.shortcuts.title')} onClose={onClose} size="md" footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
      {SHORTCUTS.map((group) => (
        <section key={group.group} className="shortcuts__group">
          <h3 className="shortcuts__heading">{tl(group.group)}</h3>
          <dl className="shortcuts__list">
            {group.items.map((item) => (
              <div key={item.label} className="shortcuts__row">
                <dt className="shortcuts__keys">
                  {item.keys.map((combo, index) => (
                    <span key={combo.join('+')} className="shortcuts__combo">
                      {index > 0 && <span className="shortcuts__or">{t('editor.shortcuts.or')}</span>}
                      {combo.map((name) => (
                        <kbd key={name}>{key(name)}</kbd>
                      ))}
                    </span>
                  ))}
                </dt>
                <dd className="shortcuts__label">{tl(item.label)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
