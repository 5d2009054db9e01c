import { useId } from 'react';
import { useT } from '../../../i18n/index.js';
import { InspectorTextField } from '../fields/text-field.js';
import { useForm } from '../form-context.js';

/**
 * The name of a variable a node writes (a question's answer, a survey score): free text with
 * the flow's known names suggested, so a typo does not create a second variable unnoticed.
 */
export function VariableNameField({ path, label, value, onCommit, optional, allowContactAttributes = false }: { path: string; label: string; value: string; onCommit: (name: string) => void; optional?: boolean; allowContactAttributes?: boolean }) {
  const t = useT();
  const listId = useId();
  const { catalog } = useForm();
  const names = catalog('flow')
    .entries.filter((entry) => entry.source === 'flow' || entry.source === 'answer' || (allowContactAttributes && entry.path.startsWith('contact.attributes.')))
    .map((entry) => entry.path);
  return (
    <>
      <InspectorTextField
        path={path}
        label={label}
        mono
        optional={optional}
        maxLength={allowContactAttributes ? 83 : 64}
        spellCheck={false}
        autoComplete="off"
        list={listId}
        placeholder={t('inspector.placeholder.variable')}
        value={value}
        onCommit={(name) => onCommit(name.trim())}
      />
      <datalist id={listId}>
        {[...new Set(names)].map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
