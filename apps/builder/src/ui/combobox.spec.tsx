import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Combobox, filterOptions, type ComboboxOption } from './combobox.js';

const ZONES: ComboboxOption[] = [
  { value: 'America/Sao_Paulo', label: 'America / Sao Paulo', meta: 'GMT-03:00', keywords: 'UTC-03:00' },
  { value: 'Europe/Lisbon', label: 'Europe / Lisbon', meta: 'GMT+00:00', keywords: 'UTC+00:00' },
  { value: 'America/New_York', label: 'America / New York', meta: 'GMT-05:00', keywords: 'UTC-05:00' },
];

describe('filterOptions', () => {
  it('matches every typed word in any case, ignoring accents, underscores and slashes', () => {
    expect(filterOptions(ZONES, 'são paulo').map((zone) => zone.value)).toEqual(['America/Sao_Paulo']);
    expect(filterOptions(ZONES, 'america new').map((zone) => zone.value)).toEqual(['America/New_York']);
    expect(filterOptions(ZONES, 'new_york').map((zone) => zone.value)).toEqual(['America/New_York']);
    expect(filterOptions(ZONES, 'utc-03').map((zone) => zone.value)).toEqual(['America/Sao_Paulo']);
    expect(filterOptions(ZONES, '  ')).toHaveLength(3);
    expect(filterOptions(ZONES, 'tokyo')).toEqual([]);
  });
});

function Harness() {
  const [value, setValue] = useState('America/Sao_Paulo');
  return (
    <>
      <Combobox label="Time zone" options={ZONES} value={value} onChange={setValue} noMatch={(query) => `Nothing for ${query}`} />
      <output>{value}</output>
    </>
  );
}

describe('Combobox', () => {
  it('narrows as you type, moves with arrows, chooses with Enter, and Escape puts the value back', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Time zone' });
    expect((input as HTMLInputElement).value).toBe('America / Sao Paulo');
    fireEvent.change(input, { target: { value: 'america' } });
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['America / Sao PauloGMT-03:00', 'America / New YorkGMT-05:00']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('status').textContent).toBe('America/New_York');
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.change(input, { target: { value: 'tokyo' } });
    expect(screen.getByText('Nothing for tokyo')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect((input as HTMLInputElement).value).toBe('America / New York');
  });
});
