import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/index.js';
import { IconButton } from './button.js';
import './dialog.css';
import { focusableIn, trapTab } from './focus.js';

/** Open dialogs, innermost last: only that one answers Escape. */
const openDialogs: symbol[] = [];

export interface DialogProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  readonly onClose: () => void;
  readonly children?: ReactNode;
  readonly footer?: ReactNode;
  readonly size?: 'sm' | 'md' | 'lg';
  /** False while an action runs: Escape and the backdrop then do nothing. */
  readonly dismissible?: boolean;
  /** Makes the dialog a <form>: Enter in a field submits. */
  readonly onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  /** `alertdialog` for a confirmation. */
  readonly role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog: rendered over the app (which becomes inert), focus moves in (to the element
 * with `autoFocus`, else the first control) and stays in (Tab wraps), Escape or the backdrop
 * close it, and focus returns to what opened it. Render it only while open.
 */
export function Dialog({ title, description, onClose, children, footer, size = 'md', dismissible = true, onSubmit, role = 'dialog' }: DialogProps) {
  const t = useT();
  const titleId = useId();
  const descriptionId = useId();
  const panel = useRef<HTMLDivElement & HTMLFormElement>(null);
  // Read while rendering, before a field inside takes focus with autoFocus during the commit:
  // an effect would already see that field as the active element.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const closeRef = useRef(onClose);
  const dismissibleRef = useRef(dismissible);
  useEffect(() => {
    closeRef.current = onClose;
    dismissibleRef.current = dismissible;
  });

  useEffect(() => {
    const token = Symbol('dialog');
    openDialogs.push(token);
    const root = document.getElementById('root');
    const wasInert = root?.inert ?? false;
    if (root !== null) root.inert = true;
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';

    const container = panel.current;
    if (container !== null && !container.contains(document.activeElement)) {
      const target = container.querySelector<HTMLElement>('[autofocus], [data-autofocus]') ?? focusableIn(container).find((element) => !element.classList.contains('dialog__close'));
      (target ?? container).focus();
    }

    const onKeyDown = (event: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== token) return;
      if (event.key === 'Escape' && dismissibleRef.current) {
        event.preventDefault();
        closeRef.current();
      } else if (panel.current !== null) {
        trapTab(event, panel.current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      openDialogs.splice(openDialogs.indexOf(token), 1);
      if (openDialogs.length === 0) {
        if (root !== null) root.inert = wasInert;
        document.body.style.overflow = previousOverflow;
      }
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, [opener]);

  const content = (
    <>
      <div className="dialog__header">
        <div className="dialog__titles">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {description !== undefined && (
            <p id={descriptionId} className="dialog__description">
              {description}
            </p>
          )}
        </div>
        {dismissible && <IconButton icon="x" label={t('common.close')} size="sm" className="dialog__close" onClick={onClose} />}
      </div>
      {children !== undefined && <div className="dialog__body">{children}</div>}
      {footer !== undefined && <div className="dialog__footer">{footer}</div>}
    </>
  );

  const shared = {
    ref: panel,
    className: `dialog dialog--${size}`,
    role,
    'aria-modal': true,
    'aria-labelledby': titleId,
    'aria-describedby': description === undefined ? undefined : descriptionId,
    tabIndex: -1,
  } as const;

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && dismissible) onClose();
      }}
    >
      {onSubmit === undefined ? (
        <div {...shared}>{content}</div>
      ) : (
        <form
          {...shared}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(event);
          }}
        >
          {content}
        </form>
      )}
    </div>,
    document.body,
  );
}
