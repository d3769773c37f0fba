import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LocationSource, type AccountRecord } from '../../core/accounts/account';
import { ProfileCard } from './ProfileCard';

const record: AccountRecord = {
  id: 'ACC-42',
  name: 'Morning Fox Coffee',
  lat: 44.59181,
  lon: -97.18537,
  location: LocationSource.Zip3,
  zip: '57248',
  street: '12 Main St',
  city: 'Lake Norden',
  state: 'SD',
  revenue: 1_250_000,
  potential: null,
  visits: 14,
  segment: 'High-Volume',
  classification: 'Invest',
  owner: 'Ingrid Larsen',
  extra: { Phone: '(418) 555-0121', Industry: 'Food & Beverage', Notes: '' },
};

const valueOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('ProfileCard', () => {
  it('is a region named after the account, with all its fields', () => {
    render(<ProfileCard record={record} onClose={() => {}} />);
    const card = screen.getByRole('region', { name: 'Morning Fox Coffee' });
    expect(within(card).getByRole('heading', { name: 'Morning Fox Coffee' })).toBeInTheDocument();
    expect(valueOf('Account ID')).toBe('ACC-42');
    expect(valueOf('Street')).toBe('12 Main St');
    expect(valueOf('ZIP code')).toBe('57248');
    expect(valueOf('Owner (rep)')).toBe('Ingrid Larsen');
    expect(valueOf('Last-year revenue')).toBe('$1,250,000');
    expect(valueOf('Revenue potential')).toBe('—');
    expect(valueOf('Visits per year')).toBe('14');
    expect(valueOf('Coordinates')).toBe('44.59181, -97.18537');
    expect(valueOf('Location source')).toBe('3-digit ZIP area (approximate)');
  });

  it('lists every unmapped file column', () => {
    render(<ProfileCard record={record} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Other columns' })).toBeInTheDocument();
    expect(valueOf('Phone')).toBe('(418) 555-0121');
    expect(valueOf('Industry')).toBe('Food & Beverage');
    expect(valueOf('Notes')).toBe('—');
  });

  it('shows markup in the data as literal text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <ProfileCard record={{ ...record, name: evil, city: '<b>Town</b>', extra: { '<script>x</script>': '<a href="javascript:alert(1)">link</a>' } }} onClose={() => {}} />,
    );
    expect(screen.getByRole('heading', { name: evil })).toBeInTheDocument();
    expect(screen.getByText('<script>x</script>')).toBeInTheDocument();
    expect(screen.getByText('<a href="javascript:alert(1)">link</a>')).toBeInTheDocument();
    expect(container.querySelector('img, b, script, a')).toBeNull();
  });

  it('closes with the Close button and with Escape', async () => {
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(<ProfileCard record={record} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('names an account without a name by its id', () => {
    render(<ProfileCard record={{ ...record, name: '  ' }} onClose={() => {}} />);
    expect(screen.getByRole('region', { name: 'ACC-42' })).toBeInTheDocument();
  });
});
