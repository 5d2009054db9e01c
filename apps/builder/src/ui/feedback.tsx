import type { ReactNode } from 'react';
import './feedback.css';
import { Icon, type IconName } from './icon.js';

/** What a screen shows when it has nothing yet: what it is for and the first thing to do. */
export function EmptyState({ icon, title, children, actions, tone = 'neutral', detail }: { icon: IconName; title: ReactNode; children?: ReactNode; actions?: ReactNode; tone?: 'neutral' | 'error'; detail?: ReactNode }) {
  return (
    <div className={tone === 'error' ? 'empty-state empty-state--error' : 'empty-state'} role={tone === 'error' ? 'alert' : undefined}>
      <div className="empty-state__art">
        <Icon name={icon} size={24} />
      </div>
      <h2 className="empty-state__title">{title}</h2>
      {children !== undefined && <p className="empty-state__text">{children}</p>}
      {detail !== undefined && <p className="empty-state__detail">{detail}</p>}
      {actions !== undefined && <div className="empty-state__actions">{actions}</div>}
    </div>
  );
}

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'brand';

export function Badge({ tone = 'neutral', dot = false, children }: { tone?: BadgeTone; dot?: boolean; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`}>
      {dot && <span className="badge__dot" aria-hidden="true" />}
      {children}
    </span>
  );
}

const CALLOUT_ICONS: Readonly<Record<'info' | 'warning' | 'danger' | 'success', IconName>> = {
  info: 'info',
  warning: 'alert',
  danger: 'alert',
  success: 'check-circle',
};

/** A message inside a page or a form: a conflict to resolve, a key to copy, a validation summary. */
export function Callout({ tone = 'info', title, children, role }: { tone?: 'info' | 'warning' | 'danger' | 'success'; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`callout callout--${tone}`} role={role}>
      <Icon name={CALLOUT_ICONS[tone]} size={18} />
      <div className="callout__body">
        {title !== undefined && <p className="callout__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
