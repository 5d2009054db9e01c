import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../i18n/index.js';
import { Button } from './button.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Dialog } from './dialog.js';
import { Menu, MenuItem } from './menu.js';

function DialogHarness({ onConfirm = () => Promise.resolve() }: { onConfirm?: () => Promise<void> }) {
  const [open, setOpen] = useState<'plain' | 'confirm' | null>(null);
  return (
    <I18nProvider locale="en">
      <div id="root">
        <Button onClick={() => setOpen('plain')}>Open</Button>
        <Button onClick={() => setOpen('confirm')}>Delete</Button>
      </div>
      {open === 'plain' && (
        <Dialog title="Rename" onClose={() => setOpen(null)} footer={<Button>Save</Button>}>
          <input aria-label="Name" autoFocus />
        </Dialog>
      )}
      {open === 'confirm' && <ConfirmDialog danger title="Delete it?" description="Gone for good." confirmLabel="Delete flow" onConfirm={onConfirm} onClose={() => setOpen(null)} />}
    </I18nProvider>
  );
}

const tab = (shiftKey = false) => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Tab', shiftKey });

describe('Dialog', () => {
  it('moves focus in, keeps Tab inside, closes on Escape and gives focus back', () => {
    render(<DialogHarness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    expect(document.getElementById('root')?.inert).toBe(true);

    // In DOM order: Close (header), Name, Save (footer). Tab from the last wraps to the first.
    screen.getByRole('button', { name: 'Save' }).focus();
    tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    tab(true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(document.getElementById('root')?.inert).toBe(false);
  });

  it('confirms with Cancel focused first, stays open while the action runs, closes after', async () => {
    let finish: () => void = () => undefined;
    const onConfirm = jest.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<DialogHarness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('alertdialog', { name: 'Delete it?' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete flow' }));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    await act(() => {
      finish();
      return Promise.resolve();
    });
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('Menu', () => {
  it('opens from the keyboard, moves with arrows, selects with Enter, closes with Escape', () => {
    const chosen: string[] = [];
    render(
      <I18nProvider locale="en">
        <Menu label="Actions" trigger={(props) => <button {...props}>More</button>}>
          <MenuItem onSelect={() => chosen.push('rename')}>Rename</MenuItem>
          <MenuItem onSelect={() => chosen.push('delete')}>Delete</MenuItem>
        </Menu>
      </I18nProvider>,
    );
    const trigger = screen.getByRole('button', { name: 'More' });
    fireEvent.keyDown(trigger, { key: 'ArrowDown' });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Rename' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Rename' }));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);

    fireEvent.keyDown(trigger, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Delete' }));
    fireEvent.click(document.activeElement as HTMLElement);
    expect(chosen).toEqual(['delete']);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
