import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './combobox.css';
import './field.css';
import { Icon } from './icon.js';

export interface ComboboxOption {
  readonly value: string;
  readonly label: string;
  readonly meta?: string;
  /** Extra text searched but not shown (aliases, offsets). */
  readonly keywords?: string;
}

/** Options rendered at once; typing narrows a long list (400 time zones) further. */
const MAX_SHOWN = 80;

const normalize = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_/]+/g, ' ');

/** Options whose label, meta or keywords contain every typed word. */
export function filterOptions(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => {
    const haystack = normalize(`${option.label} ${option.value} ${option.meta ?? ''} ${option.keywords ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * A searchable select (WAI-ARIA combobox with a list box): type to narrow, arrows to move,
 * Enter to choose, Escape to put the chosen value back.
 */
export function Combobox({
  label,
  hint,
  options,
  value,
  onChange,
  placeholder,
  noMatch,
  disabled,
}: {
  label: ReactNode;
  hint?: ReactNode;
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  noMatch: (query: string) => string;
  disabled?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const selected = options.find((option) => option.value === value);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const matches = useMemo(() => filterOptions(options, query ?? ''), [options, query]);
  const shown = matches.slice(0, MAX_SHOWN);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>(`[data-index="${String(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const openList = () => {
    setOpen(true);
    const index = query === null ? shown.findIndex((option) => option.value === value) : 0;
    setActive(Math.max(0, index));
  };

  const choose = (option: ComboboxOption | undefined) => {
    if (option !== undefined) onChange(option.value);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else setActive((index) => Math.min(index + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter':
        if (open) {
          event.preventDefault();
          choose(shown[active]);
        }
        break;
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          event.stopPropagation();
          setQuery(null);
          setOpen(false);
        }
        break;
      default:
    }
  };

  const activeId = open && shown[active] !== undefined ? `${id}-option-${String(active)}` : undefined;
  return (
    <div className="field combobox">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="combobox__control">
      <input
        id={id}
        className="input combobox__input"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        value={query ?? selected?.label ?? value}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={(event) => event.target.select()}
        onClick={() => (open ? undefined : openList())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setQuery(null);
          setOpen(false);
        }}
      />
      <Icon name="chevron-down" size={16} className="combobox__chevron" />
      {open && (
        <ul id={listId} ref={list} role="listbox" className="combobox__list" aria-label={typeof label === 'string' ? label : undefined}>
          {shown.length === 0 ? (
            <li className="combobox__empty" role="presentation">
              {noMatch(query ?? '')}
            </li>
          ) : (
            shown.map((option, index) => (
              <li
                key={option.value}
                id={`${id}-option-${String(index)}`}
                data-index={index}
                role="option"
                aria-selected={option.value === value}
                data-active={index === active}
                className="combobox__option"
                // Chosen on mouse down, before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
                onMouseMove={() => setActive(index)}
              >
                <span>{option.label}</span>
                {option.meta !== undefined && <span className="combobox__meta">{option.meta}</span>}
              </li>
            ))
          )}
        </ul>
      )}
      </div>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
