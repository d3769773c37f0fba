import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LocationSource, type AccountRecord } from '../../core/accounts/account';
import { tableFromRecords } from '../../core/accounts/table';
import { buildSearchIndex } from '../../core/query/search-index';
import { SearchBox } from './SearchBox';

const rec = (id: string, name: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id, name, lat: 40, lon: -74, location: LocationSource.Given, zip: '10001', street: '', city: 'New York', state: 'NY',
  revenue: 1000, potential: 2000, visits: 12, segment: 'Small/Cafe', classification: 'Core', owner: 'Ann Lee', extra: {}, ...over,
});

const index = buildSearchIndex(
  tableFromRecords([
    rec('ACC-1', 'Brew Lab', { city: 'Springfield', state: 'IL', zip: '62701', lat: 39.8, lon: -89.6 }),
    rec('ACC-2', 'Brewster Café', { city: 'Boston', state: 'MA', zip: '02139', lat: 42.36, lon: -71.1 }),
    rec('ACC-3', 'The Brew', { city: 'Springfield', state: 'MO', zip: '65801', lat: 37.2, lon: -93.3 }),
  ]),
);

function setup(debounceMs = 0) {
  const onPick = vi.fn();
  const user = userEvent.setup();
  render(<SearchBox index={index} onPick={onPick} debounceMs={debounceMs} />);
  const box = screen.getByRole('combobox', { name: 'Search accounts, ZIP or city' });
  return { onPick, user, box };
}

describe('SearchBox', () => {
  it('lists hits as options and picks one on click', async () => {
    const { user, box, onPick } = setup();
    expect(box).toHaveAttribute('aria-expanded', 'false');
    await user.type(box, 'brew');
    const list = screen.getByRole('listbox');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-controls', list.id);
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.tp-search__label')?.textContent)).toEqual(['Brew Lab', 'Brewster Café', 'The Brew']);
    await user.click(screen.getByRole('option', { name: /Brewster Café/ }));
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ kind: 'account', label: 'Brewster Café', row: 1 }));
    expect(box).toHaveValue('Brewster Café');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
  });

  it('moves through the options with the arrow keys and picks with Enter', async () => {
    const { user, box, onPick } = setup();
    await user.type(box, 'brew');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const second = screen.getByRole('option', { name: /Brewster Café/ });
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', second.id);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('option', { name: /The Brew/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ label: 'The Brew', row: 2 }));
  });

  it('picks the first hit on Enter without moving, and finds cities and ZIPs', async () => {
    const { user, box, onPick } = setup();
    await user.type(box, 'springfield, mo{Enter}');
    expect(onPick).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'city', label: 'Springfield, MO', lat: 37.2, lon: -93.3 }));
    await user.clear(box);
    await user.type(box, '02139');
    expect(screen.getByRole('option', { name: /ZIP\s*02139/ })).toBeInTheDocument();
  });

  it('closes with Escape, then clears with a second Escape', async () => {
    const { user, box } = setup();
    await user.type(box, 'brew');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(box).toHaveValue('brew');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  it('says so when nothing matches', async () => {
    const { user, box } = setup();
    await user.type(box, 'zzz');
    expect(screen.getByRole('status')).toHaveTextContent('No accounts, ZIP codes or cities match.');
  });

  it('waits for typing to pause before searching', async () => {
    const { user, box, onPick } = setup(80);
    await user.type(box, 'brew l');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(await screen.findByRole('option', { name: /Brew Lab/ })).toBeInTheDocument();
    // Enter before the debounce has run still picks a fresh result.
    await user.clear(box);
    await user.type(box, 'the brew{Enter}');
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ label: 'The Brew' }));
  });
});
