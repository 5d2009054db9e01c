import { useT } from '../i18n/index.js';
import { Button } from './button.js';
import { describeError } from './describe-error.js';
import { EmptyState } from './feedback.js';

/** A page or a panel that failed to load: why, and a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useT();
  const { message, detail } = describeError(error, t);
  return (
    <EmptyState
      tone="error"
      icon="alert"
      title={title ?? t('common.error.loadTitle')}
      detail={detail}
      actions={
        onRetry === undefined ? undefined : (
          <Button variant="secondary" icon="restore" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      {message}
    </EmptyState>
  );
}
