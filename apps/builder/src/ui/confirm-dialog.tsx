import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';

export interface ConfirmDialogProps {
  readonly title: ReactNode;
  readonly description: ReactNode;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  /** Runs the action; the dialog stays open (busy) until it settles, and closes on success. */
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
}

/** "Are you sure?" for destructive actions. Focus starts on Cancel, the safe choice. */
export function ConfirmDialog({ title, description, confirmLabel, danger = false, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // The action reports its own error (a toast); the dialog stays for another try.
      setBusy(false);
    }
  };
  return (
    <Dialog
      role="alertdialog"
      size="sm"
      title={title}
      description={description}
      onClose={onClose}
      dismissible={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button variant={danger ? 'danger' : 'primary'} loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    />
  );
}
