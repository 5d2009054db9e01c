import { createContext, use, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Icon, type IconName } from './icon.js';
import './menu.css';

interface MenuContextValue {
  close(options?: { restoreFocus?: boolean }): void;
}

const MenuContext = createContext<MenuContextValue | null>(null);

export interface MenuTriggerProps {
  readonly id: string;
  readonly 'aria-haspopup': 'menu';
  readonly 'aria-expanded': boolean;
  readonly 'aria-controls': string | undefined;
  readonly onClick: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly ref: RefObject<HTMLButtonElement | null>;
}

const items = (menu: HTMLElement | null): HTMLElement[] =>
  menu === null ? [] : [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemradio"]:not([disabled])')];

/**
 * A menu button (WAI-ARIA pattern): Enter, Space or ArrowDown open it on the first item,
 * ArrowUp on the last; arrows, Home and End move; Escape closes back to the button; Tab or a
 * click elsewhere closes it.
 */
export function Menu({ trigger, label, align = 'end', children }: { trigger: (props: MenuTriggerProps) => ReactNode; label: string; align?: 'start' | 'end'; children: ReactNode }) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const triggerId = useId();
  const menuId = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const anchorRef = useRef<HTMLDivElement>(null);

  const close = ({ restoreFocus = true }: { restoreFocus?: boolean } = {}) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  };

  useEffect(() => {
    if (open === false) return;
    const list = items(menuRef.current);
    (open === 'first' ? list[0] : list[list.length - 1])?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (anchorRef.current !== null && !anchorRef.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen('first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen('last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items(menuRef.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => list[(next + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(index - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        close({ restoreFocus: false });
        break;
      default:
    }
  };

  return (
    <div className="menu-anchor" ref={anchorRef}>
      {trigger({
        id: triggerId,
        'aria-haspopup': 'menu',
        'aria-expanded': open !== false,
        'aria-controls': open === false ? undefined : menuId,
        onClick: () => setOpen((current) => (current === false ? 'first' : false)),
        onKeyDown: onTriggerKeyDown,
        ref: triggerRef,
      })}
      {open !== false && (
        <div id={menuId} ref={menuRef} role="menu" aria-label={label} className={`menu menu--${align}`} onKeyDown={onMenuKeyDown}>
          <MenuContext value={{ close }}>{children}</MenuContext>
        </div>
      )}
    </div>
  );
}

export interface MenuItemProps {
  readonly icon?: IconName;
  readonly onSelect: () => void;
  readonly danger?: boolean;
  readonly disabled?: boolean;
  /** A choice among several (language, workspace): shows a check when true. */
  readonly checked?: boolean;
  readonly meta?: ReactNode;
  readonly children: ReactNode;
}

export function MenuItem({ icon, onSelect, danger = false, disabled = false, checked, meta, children }: MenuItemProps) {
  const menu = use(MenuContext);
  const radio = checked !== undefined;
  return (
    <button
      type="button"
      role={radio ? 'menuitemradio' : 'menuitem'}
      aria-checked={radio ? checked : undefined}
      tabIndex={-1}
      disabled={disabled}
      className={danger ? 'menu__item menu__item--danger' : 'menu__item'}
      onClick={() => {
        menu?.close();
        onSelect();
      }}
    >
      {icon !== undefined && <Icon name={icon} size={16} />}
      <span className="menu__label">{children}</span>
      {meta !== undefined && <span className="menu__meta">{meta}</span>}
      {checked === true && <Icon name="check" size={16} className="menu__check" />}
    </button>
  );
}

export function MenuSeparator() {
  return <div role="separator" className="menu__separator" />;
}

export function MenuHeading({ children }: { children: ReactNode }) {
  return (
    <div role="presentation" className="menu__heading">
      {children}
    </div>
  );
}
