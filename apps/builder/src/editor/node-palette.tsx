import { useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useT } from '../i18n/index.js';
import { IconButton } from '../ui/button.js';
import { Icon } from '../ui/icon.js';
import { EditorIcon } from './editor-icons.js';
import { FAMILY_ORDER, PALETTE_ITEMS, type PaletteItem } from './node-catalog.js';
import { FAMILY_KEYS, HINT_KEYS, loose, TRIGGER_HINT_KEYS, TYPE_KEYS, TRIGGER_KEYS } from './node-text.js';
import './node-palette.css';

/** The drag data type of a palette entry dropped on the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-jornada-palette';

export function encodePaletteItem(item: PaletteItem): string {
  return `${item.kind}:${item.type}`;
}

export function decodePaletteItem(value: string): PaletteItem | null {
  return PALETTE_ITEMS.find((item) => encodePaletteItem(item) === value) ?? null;
}

/** Folds case and accents, so "condicao" finds "Condição". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Every box and trigger the flow can hold, by family: search by name or purpose, arrows to
 * move, Enter to add (placed in view and selected); or drag one onto the canvas.
 */
export function NodePalette({
  onAdd,
  onClose,
  disabled,
  searchRef,
  nodesOnly = false,
  variant = 'sidebar',
}: {
  onAdd: (item: PaletteItem) => void;
  onClose: () => void;
  disabled: boolean;
  searchRef?: RefObject<HTMLInputElement | null>;
  /** Boxes only (a connection dropped on the canvas cannot lead into a trigger). */
  nodesOnly?: boolean;
  variant?: 'sidebar' | 'popover';
}) {
  const t = useT();
  const tl = loose(t);
  const listId = useId();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  const entries = useMemo(
    () =>
      PALETTE_ITEMS.filter((item) => !nodesOnly || item.kind === 'node').map((item) => {
        const name = tl(item.kind === 'node' ? TYPE_KEYS[item.type] : TRIGGER_KEYS[item.type]);
        const hint = tl(item.kind === 'node' ? HINT_KEYS[item.type] : TRIGGER_HINT_KEYS[item.type]);
        return { item, name, hint, key: encodePaletteItem(item), haystack: fold(`${name} ${hint} ${item.type.replace(/_/g, ' ')}`) };
      }),
    [tl, nodesOnly],
  );
  const query = fold(search.trim());
  const shown = query === '' ? entries : entries.filter((entry) => query.split(/\s+/).every((word) => entry.haystack.includes(word)));
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));
  const activeEntry = shown[activeIndex];

  const move = (delta: number) => {
    if (shown.length === 0) return;
    const next = (activeIndex + delta + shown.length) % shown.length;
    setActive(next);
    listRef.current?.querySelector(`[data-index="${String(next)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === 'Home' && search === '') {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && search === '') {
      event.preventDefault();
      setActive(shown.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (activeEntry !== undefined && !disabled) onAdd(activeEntry.item);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (search !== '') setSearch('');
      else onClose();
    }
  };

  return (
    <aside className={`palette palette--${variant}`} aria-label={t('editor.palette.title')}>
      <div className="palette__header">
        <h2 className="palette__title">{t('editor.palette.title')}</h2>
        <IconButton icon="chevron-left" size="sm" label={t('editor.palette.close')} onClick={onClose} />
      </div>
      <div className="palette__search">
        <Icon name="search" size={16} />
        <input
          ref={searchRef}
          autoFocus={variant === 'popover'}
          type="search"
          className="palette__input"
          placeholder={t('editor.palette.search')}
          aria-label={t('editor.palette.search')}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeEntry === undefined ? undefined : `${listId}-${activeEntry.key}`}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="palette__hint">{t('editor.palette.hint')}</p>
      <ul ref={listRef} id={listId} className="palette__list" role="listbox" aria-label={t('editor.palette.title')}>
        {shown.length === 0 && <li className="palette__empty">{t('editor.palette.noMatch', { search })}</li>}
        {FAMILY_ORDER.map((family) => {
          const inFamily = shown.filter((entry) => entry.item.family === family);
          if (inFamily.length === 0) return null;
          return (
            <li key={family} role="presentation" className="palette__group">
              <p className="palette__family" aria-hidden="true">
                {tl(FAMILY_KEYS[family])}
              </p>
              <ul role="group" aria-label={tl(FAMILY_KEYS[family])} className="palette__items">
                {inFamily.map((entry) => {
                  const index = shown.indexOf(entry);
                  return (
                    <li
                      key={entry.key}
                      id={`${listId}-${entry.key}`}
                      role="option"
                      aria-selected={index === activeIndex}
                      aria-disabled={disabled || undefined}
                      data-index={index}
                      className={`palette__item palette__item--${entry.item.family}${index === activeIndex ? ' is-active' : ''}`}
                      draggable={!disabled}
                      title={t('editor.palette.add', { name: entry.name })}
                      onDragStart={(event) => {
                        event.dataTransfer.setData(PALETTE_DRAG_TYPE, entry.key);
                        event.dataTransfer.effectAllowed = 'copy';
                      }}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => {
                        if (!disabled) onAdd(entry.item);
                      }}
                    >
                      <span className="palette__icon">
                        <EditorIcon name={entry.item.type} size={16} />
                      </span>
                      <span className="palette__text">
                        <span className="palette__name">{entry.name}</span>
                        <span className="palette__desc">{entry.hint}</span>
                      </span>
                      <EditorIcon name="grip" size={14} className="palette__grip" />
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
