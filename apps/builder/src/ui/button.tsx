import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import './button.css';
import { Icon, type IconName } from './icon.js';
import { Spinner } from './spinner.js';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  readonly size?: 'sm' | 'md' | 'lg';
  readonly icon?: IconName;
  /** Shows a spinner and ignores clicks, keeping the label (and the width) in place. */
  readonly loading?: boolean;
  readonly block?: boolean;
  readonly ref?: Ref<HTMLButtonElement>;
  readonly children?: ReactNode;
}

export function buttonClassName({ variant = 'secondary', size = 'md', block = false, iconOnly = false }: { variant?: ButtonVariant; size?: 'sm' | 'md' | 'lg'; block?: boolean; iconOnly?: boolean }): string {
  return ['btn', `btn--${variant}`, size === 'md' ? '' : `btn--${size}`, block ? 'btn--block' : '', iconOnly ? 'btn--icon' : ''].filter(Boolean).join(' ');
}

export function Button({ variant, size, icon, loading = false, block, className, children, type = 'button', disabled, onClick, ...rest }: ButtonProps) {
  const classes = buttonClassName({ variant, size, block, iconOnly: false });
  return (
    <button
      type={type}
      className={className === undefined ? classes : `${classes} ${className}`}
      disabled={disabled}
      aria-busy={loading || undefined}
      onClick={loading ? (event) => event.preventDefault() : onClick}
      {...rest}
    >
      {loading ? <Spinner size={14} className="btn__spinner" /> : icon !== undefined && <Icon name={icon} size={size === 'sm' ? 16 : 18} />}
      {children}
    </button>
  );
}

/** A button showing only an icon; `label` is its accessible name and its tooltip. */
export function IconButton({ icon, label, size, variant = 'ghost', className, type = 'button', ...rest }: Omit<ButtonProps, 'children' | 'icon'> & { icon: IconName; label: string }) {
  const classes = buttonClassName({ variant, size, iconOnly: true });
  return (
    <button type={type} className={className === undefined ? classes : `${classes} ${className}`} aria-label={label} title={label} {...rest}>
      <Icon name={icon} size={size === 'sm' ? 16 : 18} />
    </button>
  );
}
