import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../../../i18n/index.js';
import { FormProvider, type FormContextValue } from '../form-context.js';
import { ListEditor } from './list-editor.js';

const FORM: FormContextValue = {
  owner: { kind: 'flow' },
  readOnly: false,
  problems: new Map(),
  issues: new Map(),
  describeIssue: (issue) => issue.message,
  catalog: () => ({ groups: [] }) as never,
  env: { locale: 'en', currency: 'USD', timezone: 'UTC' },
  register: () => undefined,
};

/** A list whose owner re-renders once with the old items before the new ones arrive (as a pending transition or another update can). */
function LateList() {
  const [items, setItems] = useState<string[]>(['first']);
  const [, setRenders] = useState(0);
  return (
    <I18nProvider locale="en">
      <FormProvider value={FORM}>
        <ListEditor
          path="things"
          legend="Things"
          items={items}
          addLabel="Add a thing"
          create={() => 'new'}
          itemName={(_, index) => `Thing ${String(index + 1)}`}
          onChange={(next) => {
            setRenders((n) => n + 1); // renders now, still with the old items
            setTimeout(() => setItems(next), 0);
          }}
          renderItem={(value, index, update) => <input aria-label={`Thing ${String(index + 1)} text`} value={value} onChange={(event) => update(event.target.value)} />}
        />
      </FormProvider>
    </I18nProvider>
  );
}

describe('ListEditor', () => {
  it('focuses the added item once the list shows it, even when a render with the old items comes first', async () => {
    render(<LateList />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a thing' }));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    const added = screen.getByLabelText<HTMLInputElement>('Thing 2 text');
    expect(added.value).toBe('new');
    expect(document.activeElement).toBe(added);
  });
});
