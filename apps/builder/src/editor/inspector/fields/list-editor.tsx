import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n/index.js';
import { Button, IconButton } from '../../../ui/button.js';
import { focusableIn } from '../../../ui/focus.js';
import { useField } from '../form-context.js';

/** Where the focus goes once the list shows the change; `before`: the items the change was made on. */
type FocusTarget = ({ index: number; on: 'first' | 'up' | 'down' | 'remove' } | { index: -1; on: 'add' }) & { readonly before: readonly unknown[] };

export interface ListEditorProps<T> {
  /** Path of the list in the form ('buttons'); items are `${path}.${index}`. */
  readonly path: string;
  readonly legend: string;
  readonly items: readonly T[];
  readonly onChange: (items: T[]) => void;
  /** A new item, valid as it is when possible (ids generated, a default title). */
  readonly create: () => NoInfer<T>;
  /** How an item is named in its heading and in the move/remove buttons: "Button 2". */
  readonly itemName: (item: T, index: number) => string;
  readonly renderItem: (item: T, index: number, update: (next: T) => void) => ReactNode;
  readonly addLabel: string;
  readonly min?: number;
  readonly max?: number;
  /** Shown when the list is empty. */
  readonly empty?: string;
  readonly keyOf?: (item: T, index: number) => string;
  readonly hint?: string;
  /** Lays items out on one line each (short items: keywords, tags). */
  readonly compact?: boolean;
}

/**
 * A list of items to add, remove and reorder, entirely from the keyboard: every action is a
 * labelled button, Alt+ArrowUp/ArrowDown moves the item holding the focus, and focus follows
 * the item it acted on (the moved item, the next one after a removal, the new one after an add).
 */
export function ListEditor<T>({ path, legend, items, onChange, create, itemName, renderItem, addLabel, min = 0, max = Infinity, empty, keyOf, hint, compact = false }: ListEditorProps<T>) {
  const t = useT();
  const field = useField(path);
  const help = hint ?? field.help;
  const itemRefs = useRef(new Map<number, HTMLLIElement>());
  const addRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<FocusTarget | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    // A render before the list shows the change (another update landing first, a transition)
    // must not use the target up: the new item is not there yet.
    if (target === null || target.before === items) return;
    focusNext.current = null;
    if (target.on === 'add') {
      addRef.current?.focus();
      return;
    }
    const item = itemRefs.current.get(target.index);
    if (item === undefined) return;
    const body = item.querySelector<HTMLElement>('.list-editor__body');
    const action = target.on === 'first' ? null : item.querySelector<HTMLElement>(`[data-action="${target.on}"]:not([disabled])`);
    (action ?? (body === null ? undefined : focusableIn(body)[0]) ?? focusableIn(item)[0])?.focus();
  });

  const move = (from: number, to: number, on: 'up' | 'down') => {
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (moved === undefined) return;
    next.splice(to, 0, moved);
    // At the ends the button just used is disabled: keep the focus on the other one.
    const edge = (on === 'up' && to === 0) || (on === 'down' && to === items.length - 1);
    focusNext.current = { index: to, on: edge ? (on === 'up' ? 'down' : 'up') : on, before: items };
    onChange(next);
  };
  const remove = (index: number) => {
    const next = items.filter((_, at) => at !== index);
    focusNext.current = next.length === 0 ? { index: -1, on: 'add', before: items } : { index: Math.min(index, next.length - 1), on: 'first', before: items };
    onChange(next);
  };
  const add = () => {
    focusNext.current = { index: items.length, on: 'first', before: items };
    onChange([...items, create()]);
  };
  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (!event.altKey || field.readOnly) return;
    if (event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      move(index, index - 1, 'up');
    } else if (event.key === 'ArrowDown' && index < items.length - 1) {
      event.preventDefault();
      move(index, index + 1, 'down');
    }
  };

  const hintId = `${field.id}-hint`;
  return (
    <fieldset
      ref={field.ref}
      className={compact ? 'inspector-fieldset list-editor list-editor--compact' : 'inspector-fieldset list-editor'}
      data-path={path}
      aria-describedby={help === undefined ? undefined : hintId}
    >
      <legend className="field__label">{legend}</legend>
      {items.length === 0 && empty !== undefined && <p className="list-editor__empty">{empty}</p>}
      {items.length > 0 && (
        <ol className="list-editor__items">
          {items.map((item, index) => {
            const name = itemName(item, index);
            return (
              <li
                key={keyOf?.(item, index) ?? index}
                className="list-editor__item"
                aria-label={name}
                ref={(element) => {
                  if (element === null) itemRefs.current.delete(index);
                  else itemRefs.current.set(index, element);
                }}
                onKeyDown={(event) => onItemKeyDown(event, index)}
              >
                <div className="list-editor__head">
                  {!compact && <span className="list-editor__name">{name}</span>}
                  {!field.readOnly && (
                    <div className="list-editor__actions">
                      <IconButton size="sm" icon="chevron-up" data-action="up" label={t('inspector.list.moveUp', { name })} disabled={index === 0} onClick={() => move(index, index - 1, 'up')} />
                      <IconButton
                        size="sm"
                        icon="chevron-down"
                        data-action="down"
                        label={t('inspector.list.moveDown', { name })}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1, 'down')}
                      />
                      <IconButton size="sm" icon="trash" data-action="remove" label={t('inspector.list.remove', { name })} disabled={items.length <= min} onClick={() => remove(index)} />
                    </div>
                  )}
                </div>
                <div className="list-editor__body">{renderItem(item, index, (next) => onChange(items.map((current, at) => (at === index ? next : current))))}</div>
              </li>
            );
          })}
        </ol>
      )}
      {field.error !== undefined && (
        <p className="field__error" role="presentation">
          {field.error}
        </p>
      )}
      {!field.readOnly && (
        <Button ref={addRef} size="sm" variant="ghost" icon="plus" className="list-editor__add" disabled={items.length >= max} onClick={add}>
          {addLabel}
        </Button>
      )}
      {help !== undefined && (
        <p id={hintId} className="field__hint">
          {help}
        </p>
      )}
    </fieldset>
  );
}
