import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/index.js';
import { displayValue } from '../analyze.js';
import type { VariableCatalog, VariableEntry, VariableSource } from '../variables.js';

const GROUP_ORDER: readonly VariableSource[] = ['flow', 'answer', 'contact', 'event', 'session', 'response'];

/** Entries whose path (or detail) contains every typed word, grouped in the picker's order. */
export function filterVariables(entries: readonly VariableEntry[], query: string): VariableEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = entries.filter((entry) => words.every((word) => `${entry.path} ${entry.detail ?? ''}`.toLowerCase().includes(word)));
  return GROUP_ORDER.flatMap((group) => matches.filter((entry) => entry.source === group));
}

/**
 * "Insert variable": a button opening a searchable list of what the field may read (flow
 * variables, answers, contact, event data), each with its sample value. Arrows move, Enter
 * inserts at the field's cursor, Escape closes back to the button.
 */
export function VariablePicker({ catalog, onPick, disabled, fieldLabel }: { catalog: VariableCatalog; onPick: (path: string) => void; disabled: boolean; fieldLabel: string }) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => filterVariables(catalog.entries, query), [catalog.entries, query]);

  useEffect(() => {
    if (open) search.current?.focus();
  }, [open]);
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>(`[data-index="${String(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);

  const close = (restoreFocus: boolean) => {
    setOpen(false);
    setQuery('');
    setActive(0);
    if (restoreFocus) button.current?.focus();
  };
  const pick = (entry: VariableEntry | undefined) => {
    if (entry === undefined) return;
    close(false);
    onPick(entry.path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActive((index) => Math.min(index + 1, shown.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Home':
        event.preventDefault();
        setActive(0);
        break;
      case 'End':
        event.preventDefault();
        setActive(Math.max(0, shown.length - 1));
        break;
      case 'Enter':
        event.preventDefault();
        pick(shown[active]);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      default:
    }
  };

  const listId = `${id}-list`;
  let previousGroup: VariableSource | undefined;
  return (
    <div
      className="variable-picker"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="variable-picker__button"
        aria-haspopup="listbox"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        <span aria-hidden="true">{'{x}'}</span>
        <span className="visually-hidden">{t('inspector.picker.insertInto', { field: fieldLabel })}</span>
        <span aria-hidden="true" className="variable-picker__text">
          {t('inspector.picker.insert')}
        </span>
      </button>
      {open && (
        <div className="variable-picker__popover">
          <input
            ref={search}
            className="input input--sm"
            role="combobox"
            aria-label={t('inspector.picker.search')}
            placeholder={t('inspector.picker.search')}
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={shown[active] === undefined ? undefined : `${id}-${String(active)}`}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} ref={list} role="listbox" className="variable-picker__list" aria-label={t('inspector.picker.variables')}>
            {shown.length === 0 && (
              <li role="presentation" className="variable-picker__empty">
                {t('inspector.picker.noMatch', { search: query })}
              </li>
            )}
            {shown.map((entry, index) => {
              const heading = entry.source !== previousGroup ? entry.source : undefined;
              previousGroup = entry.source;
              const sample = displayValue(entry.sample);
              return [
                heading !== undefined && (
                  <li key={`group-${heading}`} role="presentation" className="variable-picker__group">
                    {t(`inspector.picker.group.${heading}`)}
                  </li>
                ),
                <li
                  key={entry.path}
                  id={`${id}-${String(index)}`}
                  data-index={index}
                  role="option"
                  aria-selected={index === active}
                  className="variable-picker__option"
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(entry);
                  }}
                  onMouseMove={() => setActive(index)}
                >
                  <code className="variable-picker__path">{entry.path}</code>
                  {entry.detail !== undefined && entry.detail !== '' && <span className="variable-picker__detail">{entry.detail}</span>}
                  {sample !== '' && <span className="variable-picker__sample">{truncate(sample, 40)}</span>}
                </li>,
              ];
            })}
          </ul>
        </div>
      )}
    </div>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
