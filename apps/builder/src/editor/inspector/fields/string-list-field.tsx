import { useId } from 'react';
import { useT } from '../../../i18n/index.js';
import { ListEditor } from './list-editor.js';
import { InspectorTextField } from './text-field.js';

/**
 * A list of short texts (keywords, tags, aliases, event names): one line each, added, removed
 * and reordered from the keyboard; a new entry starts empty and asks to be filled.
 */
export function StringListField({
  path,
  legend,
  itemLabel,
  values,
  onChange,
  addLabel,
  max,
  min,
  maxLength,
  suggestions,
  empty,
  hint,
}: {
  path: string;
  legend: string;
  /** The accessible name of one entry: "Keyword 2". */
  itemLabel: (index: number) => string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  addLabel: string;
  max?: number;
  min?: number;
  maxLength?: number;
  /** Offered as the browser's suggestions (a datalist). */
  suggestions?: readonly string[];
  empty?: string;
  hint?: string;
}) {
  const t = useT();
  const listId = useId();
  return (
    <>
      <ListEditor
        path={path}
        legend={legend}
        items={values}
        compact
        onChange={(next) => onChange(next)}
        create={() => ''}
        itemName={(_, index) => itemLabel(index)}
        addLabel={addLabel}
        {...(max === undefined ? {} : { max })}
        {...(min === undefined ? {} : { min })}
        {...(empty === undefined ? {} : { empty })}
        {...(hint === undefined ? {} : { hint })}
        renderItem={(value, index, update) => (
          <InspectorTextField
            path={`${path}.${String(index)}`}
            label={itemLabel(index)}
            hideLabel
            value={value}
            placeholder={t('inspector.list.typeHere')}
            {...(maxLength === undefined ? {} : { maxLength })}
            {...(suggestions === undefined ? {} : { list: listId })}
            onCommit={(text) => update(text.trim())}
          />
        )}
      />
      {suggestions !== undefined && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </>
  );
}
