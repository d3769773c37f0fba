import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LegendPanel } from '../../src/ui/legend/LegendPanel';
import { useViewStore } from '../../src/store/view-store';
import { LocationSource, type AccountRecord } from '../../src/core/accounts/account';
import { tableFromRecords } from '../../src/core/accounts/table';

const rec = (id: string, segment: string, classification: string): AccountRecord => ({
  id, name: id, lat: 40, lon: -100, location: LocationSource.Given, zip: '', street: '', city: '', state: '',
  revenue: 1, potential: 1, visits: 1, segment, classification, owner: 'Ann', extra: {},
});

describe('legend and filters', () => {
  const table = tableFromRecords([rec('1', 'Small/Cafe', 'Core'), rec('2', 'Small/Cafe', 'Divest'), rec('3', 'High-Volume', 'Core')]);

  it('counts each label and hides it from the map when unticked', async () => {
    render(<LegendPanel table={table} />);
    const small = screen.getByRole('checkbox', { name: /Small\/Cafe/ });
    expect(small.closest('label')).toHaveTextContent('Small/Cafe2');
    await userEvent.click(small);
    expect(useViewStore.getState().hidden.segment).toEqual(['Small/Cafe']);
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(useViewStore.getState().hidden.segment).toEqual([]);
  });

  it('colours by the chosen field and shows its swatches', async () => {
    render(<LegendPanel table={table} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Colour accounts by' }), 'classification');
    expect(useViewStore.getState().colorBy).toBe('classification');
    const core = screen.getByRole('checkbox', { name: /Core/ }).closest('label')!;
    expect(core.querySelector('.swatch')).not.toBeNull();
    expect(screen.getByRole('checkbox', { name: /Small\/Cafe/ }).closest('label')!.querySelector('.swatch')).toBeNull();
  });
});
