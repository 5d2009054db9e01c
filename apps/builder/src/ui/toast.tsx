import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { IconButton } from './button.js';
import { Icon } from './icon.js';
import './toast.css';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastInput {
  readonly tone?: ToastTone;
  readonly message: string;
  /** A second line: a request id, a hint. */
  readonly detail?: string;
}

interface Toast extends ToastInput {
  readonly id: number;
}

interface ToastApi {
  show(toast: ToastInput): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** How long a toast stays; errors stay longer, since they ask the reader to act. */
const DURATION_MS: Readonly<Record<ToastTone, number>> = { success: 4000, info: 5000, error: 8000 };
const MAX_TOASTS = 4;

/**
 * Short notices in a corner: "Flow duplicated", "Could not save". A polite live region reads
 * them out; errors are assertive. They pause while hovered or focused.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      show: (input) => {
        const id = nextId.current++;
        setToasts((current) => [...current, { ...input, id }].slice(-MAX_TOASTS));
      },
    }),
    [],
  );
  return (
    <ToastContext value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const t = useT();
  const tone = toast.tone ?? 'info';
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = window.setTimeout(() => onDismiss(toast.id), DURATION_MS[tone]);
    return () => window.clearTimeout(timer);
  }, [paused, tone, onDismiss, toast.id]);
  return (
    <div
      className={`toast toast--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon name={tone === 'success' ? 'check-circle' : tone === 'error' ? 'alert' : 'info'} size={18} />
      <span className="toast__text">
        {toast.message}
        {toast.detail !== undefined && <span className="toast__detail">{toast.detail}</span>}
      </span>
      <IconButton icon="x" size="sm" label={t('common.dismiss')} className="toast__close" onClick={() => onDismiss(toast.id)} />
    </div>
  );
}

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (api === null) throw new Error('useToast() outside <ToastProvider>');
  return api;
}
