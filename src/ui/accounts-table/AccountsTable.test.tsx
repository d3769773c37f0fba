import { describe, expect, it, vi } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LocationSource, type AccountRecord } from '../../core/accounts/account';
import { tableFromRecords, type AccountTable } from '../../core/accounts/table';
import { AccountsTable } from './AccountsTable';

const rec = (id: string, name: string, over: Partial<AccountRecord> = {}): AccountRecord => ({
  id, name, lat: 40, lon: -74, location: LocationSource.Given, zip: '10001', street: '', city: 'New York', state: 'NY',
  revenue: 1000, potential: 2000, visits: 12, segment: 'Small/Cafe', classification: 'Core', owner: 'Ann Lee', extra: {}, ...over,
});

const t = tableFromRecords([
  rec('A-1', 'Delta Diner', { city: 'Boston', state: 'MA', revenue: 12_500 }),
  rec('A-2', 'alpha Bakery', { revenue: null }),
  rec('A-3', 'Charlie Café', { city: 'Boston', state: 'MA', revenue: 1_250_000 }),
  rec('A-4', 'Bravo Bistro', { revenue: 500 }),
  rec('A-5', 'Echo Espresso', { city: 'Austin', state: 'TX', revenue: 90_000 }),
]);
const all = (table: AccountTable) => Uint32Array.from({ length: table.count }, (_, i) => i);

function setup(props: Partial<Parameters<typeof AccountsTable>[0]> = {}) {
  const onSelect = vi.fn();
  const user = userEvent.setup();
  const view = render(<AccountsTable table={t} rows={all(t)} onSelect={onSelect} filterDelayMs={0} {...props} />);
  const grid = screen.getByRole('grid', { name: 'Accounts' });
  const bodyRows = () => within(grid).getAllByRole('row').slice(1);
  const names = () => bodyRows().map((r) => within(r).getAllByRole('gridcell')[1].textContent);
  return { onSelect, user, grid, bodyRows, names, ...view };
}

describe('AccountsTable', () => {
  it('shows every column and row with formatted values', () => {
    const { grid, names, bodyRows } = setup();
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, ''));
    expect(headers).toEqual(['ID', 'Name', 'City', 'State', 'ZIP', 'Segment', 'Classification', 'Owner', 'Revenue', 'Potential', 'Visits/yr']);
    expect(names()).toEqual(['Delta Diner', 'alpha Bakery', 'Charlie Café', 'Bravo Bistro', 'Echo Espresso']);
    const cells = within(bodyRows()[2]).getAllByRole('gridcell').map((c) => c.textContent);
    expect(cells).toEqual(['A-3', 'Charlie Café', 'Boston', 'MA', '10001', 'Small/Cafe', 'Core', 'Ann Lee', '$1.25M', '$2,000', '12']);
    expect(within(bodyRows()[1]).getAllByRole('gridcell')[8]).toHaveTextContent('—');
    expect(screen.getByRole('status')).toHaveTextContent('5 of 5 accounts');
    expect(grid).toHaveAttribute('aria-rowcount', '6');
  });

  it('sorts by a column when its header is clicked, then reverses', async () => {
    const { user, grid, names } = setup();
    const name = within(grid).getByRole('columnheader', { name: 'Name' });
    expect(name).not.toHaveAttribute('aria-sort');
    await user.click(name);
    await waitFor(() => expect(names()).toEqual(['alpha Bakery', 'Bravo Bistro', 'Charlie Café', 'Delta Diner', 'Echo Espresso']));
    expect(name).toHaveAttribute('aria-sort', 'ascending');
    await user.click(name);
    await waitFor(() => expect(names()).toEqual(['Echo Espresso', 'Delta Diner', 'Charlie Café', 'Bravo Bistro', 'alpha Bakery']));
    expect(name).toHaveAttribute('aria-sort', 'descending');
  });

  it('sorts numbers with empty cells last, from the keyboard too', async () => {
    const { user, grid, names } = setup();
    const revenue = within(grid).getByRole('columnheader', { name: 'Revenue' });
    revenue.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(names()).toEqual(['Bravo Bistro', 'Delta Diner', 'Echo Espresso', 'Charlie Café', 'alpha Bakery']));
    await user.keyboard(' ');
    await waitFor(() => expect(names()).toEqual(['Charlie Café', 'Echo Espresso', 'Delta Diner', 'Bravo Bistro', 'alpha Bakery']));
    expect(revenue).toHaveAttribute('aria-sort', 'descending');
    expect(within(grid).getByRole('columnheader', { name: 'Name' })).not.toHaveAttribute('aria-sort');
  });

  it('narrows the rows and the count with the filter box', async () => {
    const { user, names } = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Filter accounts' }), 'BOSTON');
    await waitFor(() => expect(names()).toEqual(['Delta Diner', 'Charlie Café']));
    expect(screen.getByRole('status')).toHaveTextContent('2 of 5 accounts');
    await user.clear(screen.getByRole('searchbox', { name: 'Filter accounts' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter accounts' }), 'nothing like this');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 of 5 accounts'));
    expect(screen.getByText('No accounts match this filter.')).toBeInTheDocument();
  });

  it('shows only the rows it is given', () => {
    const { names } = setup({ rows: Uint32Array.from([4, 0]) });
    expect(names()).toEqual(['Echo Espresso', 'Delta Diner']);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 5 accounts');
  });

  it('moves between rows with the arrow keys and selects with Enter', async () => {
    const { user, grid, onSelect, bodyRows } = setup();
    await user.tab();
    await user.tab();
    expect(grid).toHaveFocus();
    expect(grid).toHaveAttribute('aria-activedescendant', bodyRows()[0].id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(grid).toHaveAttribute('aria-activedescendant', bodyRows()[2].id);
    await user.keyboard('{ArrowUp}');
    expect(grid).toHaveAttribute('aria-activedescendant', bodyRows()[1].id);
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith(1);
    await user.keyboard('{End}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(4);
    await user.keyboard('{Home}{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith(0);
  });

  it('selects a row on click and marks the selected row', async () => {
    const { user, onSelect, bodyRows, rerender } = setup();
    await user.click(within(bodyRows()[3]).getByText('Bravo Bistro'));
    expect(onSelect).toHaveBeenCalledWith(3);
    rerender(<AccountsTable table={t} rows={all(t)} onSelect={onSelect} filterDelayMs={0} selectedRow={3} />);
    expect(bodyRows()[3]).toHaveAttribute('aria-selected', 'true');
    expect(bodyRows()[0]).toHaveAttribute('aria-selected', 'false');
  });

  it('renders only the rows in view of a large table', () => {
    const big = tableFromRecords(Array.from({ length: 20_000 }, (_, i) => rec(`B-${i}`, `Shop ${i}`)));
    render(<AccountsTable table={big} rows={all(big)} onSelect={() => {}} initialRect={{ width: 1000, height: 400 }} />);
    const rendered = within(screen.getByRole('grid')).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    expect(screen.getByRole('status')).toHaveTextContent('20,000 of 20,000 accounts');
  });
});
