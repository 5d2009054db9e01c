import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { navigate } from './history-store.js';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  readonly to: string;
  readonly replace?: boolean;
  readonly ref?: Ref<HTMLAnchorElement>;
}

/**
 * An in-app link: a real <a href> (so it can be opened in a new tab, copied, read by screen
 * readers), navigating without a page load on a plain left click.
 */
export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target !== undefined && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to, { replace: replace ?? false });
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
