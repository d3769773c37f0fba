import { describe, expect, it } from 'vitest';
import type { AccountRole } from '../accounts/account';
import { normalizeHeader } from './column-scoring';
import { guessMapping } from './column-roles';

/** The role one header gets on its own, with a typical value under it. */
function roleOf(header: string, value = ''): AccountRole | null {
  const { mapping } = guessMapping([header], value ? [[value]] : []);
  const hit = Object.entries(mapping).find(([, c]) => c === 0);
  return hit ? (hit[0] as AccountRole) : null;
}

describe('normalizeHeader', () => {
  it('lower-cases, drops punctuation and accents, splits letters from digits', () => {
    expect(normalizeHeader('Billing Zip/Postal Code')).toBe('billing zip postal code');
    expect(normalizeHeader('  Visits/yr ')).toBe('visits yr');
    expect(normalizeHeader('Account #')).toBe('account number');
    expect(normalizeHeader('Zip5')).toBe('zip 5');
    expect(normalizeHeader('Umsatz (€)')).toBe('umsatz');
    expect(normalizeHeader('Région')).toBe('region');
  });
});

describe('guessMapping, header by header', () => {
  it.each<[string, string, AccountRole]>([
    // Salesforce report
    ['Account ID', '0015g00000XyZab', 'id'],
    ['Account Name', 'Blue Bottle Coffee', 'name'],
    ['Billing Street', '1 Main St', 'street'],
    ['Billing City', 'Boston', 'city'],
    ['Billing State/Province', 'MA', 'state'],
    ['Billing Zip/Postal Code', '02139', 'zip'],
    ['Billing Latitude', '42.36', 'lat'],
    ['Billing Longitude', '-71.1', 'lon'],
    ['Account Owner', 'Ann Lee', 'owner'],
    ['Annual Revenue', '$1,200,000', 'revenue'],
    // HubSpot export
    ['Record ID', '5123987001', 'id'],
    ['Company name', 'Acme', 'name'],
    ['Street Address', '12 Elm St', 'street'],
    ['City', 'Denver', 'city'],
    ['State/Region', 'CO', 'state'],
    ['Postal Code', '80202', 'zip'],
    ['Company owner', 'Bo Diaz', 'owner'],
    // spreadsheets
    ['Customer', 'Café Luna', 'name'],
    ['Customer ID', 'C-1001', 'id'],
    ['Lat', '40.7', 'lat'],
    ['Long', '-74', 'lon'],
    ['Lng', '-74', 'lon'],
    ['Zip', '10001', 'zip'],
    ['Zipcode', '10001', 'zip'],
    ['ZIP Code', '10001', 'zip'],
    ['Sales LY', '12000', 'revenue'],
    ['Revenue 2025', '12000', 'revenue'],
    ['Potential', '50000', 'potential'],
    ['Revenue Potential', '50000', 'potential'],
    ['Segment', 'High-Volume', 'segment'],
    ['Tier', 'A', 'classification'],
    ['Class', 'Core', 'classification'],
    ['Rep', 'Ann', 'owner'],
    ['Sales Rep', 'Ann', 'owner'],
    ['Visits/yr', '12', 'visits'],
    ['Call frequency', '24', 'visits'],
    ['Shipping Postal Code', '10001', 'zip'],
    ['Mailing City', 'Austin', 'city'],
  ])('%s -> %s', (header, value, role) => {
    expect(roleOf(header, value)).toBe(role);
    // The header alone (no sample rows) is enough too.
    expect(roleOf(header)).toBe(role);
  });

  it.each(['Phone', 'Website', 'Billing Country', 'Created Date', 'Account Owner ID', 'Parent Account ID', 'Notes', ''])('%j maps to nothing', (header) => {
    expect(roleOf(header, 'x')).toBeNull();
  });

  it('maps a whole Salesforce report, preferring Billing over Shipping and the owner name over its id', () => {
    const headers = [
      'Account Owner ID', 'Account Owner', 'Account Name', 'Type', 'Account ID', 'Phone', 'Shipping Street', 'Shipping City',
      'Billing Street', 'Billing City', 'Billing State/Province', 'Billing Zip/Postal Code', 'Billing Country',
      'Billing Latitude', 'Billing Longitude', 'Annual Revenue', 'Industry', 'Rating',
    ];
    const row = ['005A1', 'Ann Lee', 'Acme', 'Customer', '001A', '555', '1 Ship St', 'Salem', '2 Bill St', 'Boston', 'MA', '02139', 'US', '42.3', '-71.1', '1000000', 'Retail', 'Hot'];
    const { mapping } = guessMapping(headers, [row, row.map((c, i) => (i === 4 ? '001B' : c))]);
    expect(mapping).toMatchObject({
      owner: 1, name: 2, id: 4, street: 8, city: 9, state: 10, zip: 11, lat: 13, lon: 14, revenue: 15, classification: 17,
    });
    expect(mapping.segment === 3 || mapping.segment === 16).toBe(true);
  });

  it('maps a HubSpot export', () => {
    const headers = ['Record ID', 'Company name', 'Company owner', 'Create Date', 'Phone Number', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Industry', 'Annual Revenue'];
    const row = ['101', 'Acme', 'Bo', '2024-01-01', '555', '1 Elm St', 'Denver', 'CO', '80202', 'United States', 'Retail', '5000'];
    const { mapping } = guessMapping(headers, [row]);
    expect(mapping).toMatchObject({ id: 0, name: 1, owner: 2, street: 5, city: 6, state: 7, zip: 8, revenue: 11 });
  });

  it('gives each role at most one column and each column at most one role, with alternatives', () => {
    const headers = ['Revenue 2024', 'Revenue 2025', 'Name'];
    const { guesses, mapping } = guessMapping(headers, [['10', '20', 'A']]);
    expect(mapping.revenue).toBe(1);
    const rev = guesses.find((g) => g.role === 'revenue')!;
    expect(rev.alternatives.map((a) => a.column)).toEqual([0]);
    const used = Object.values(mapping);
    expect(new Set(used).size).toBe(used.length);
  });

  it('lets sample values break ties: a "Region" of state codes is the state', () => {
    expect(roleOf('Region', 'MA')).toBe('state');
    const { mapping } = guessMapping(['Region', 'State'], [['West', 'CA']]);
    expect(mapping.state).toBe(1);
  });

  it('prefers a unique column for the id', () => {
    const { mapping } = guessMapping(['Number', 'Account Number'], [['1', 'A1'], ['1', 'A2'], ['1', 'A3']]);
    expect(mapping.id).toBe(1);
  });
});

describe('headers of other CRMs and spreadsheets', () => {
  const pick = (headers: string[]) => {
    const { mapping } = guessMapping(headers, []);
    return Object.fromEntries(Object.entries(mapping).map(([role, col]) => [role, headers[col as number]]));
  };

  it('Zoho CRM: "Billing Code" is the postal code', () => {
    expect(pick(['Record Id', 'Account Name', 'Account Owner', 'Billing Street', 'Billing City', 'Billing State', 'Billing Code', 'Annual Revenue'])).toMatchObject({
      id: 'Record Id',
      zip: 'Billing Code',
      state: 'Billing State',
      owner: 'Account Owner',
    });
  });

  it('Dynamics 365: "Address 1: …" columns', () => {
    expect(pick(['Account Name', 'Account Number', 'Address 1: City', 'Address 1: ZIP/Postal Code', 'Address 1: Latitude', 'Address 1: Longitude', 'Owner'])).toMatchObject({
      id: 'Account Number',
      zip: 'Address 1: ZIP/Postal Code',
      lat: 'Address 1: Latitude',
      lon: 'Address 1: Longitude',
      owner: 'Owner',
    });
  });

  it('a home-made sheet: "Cust #", "Postcode", Y/X', () => {
    expect(pick(['Cust #', 'Customer Name', 'Postcode', 'Y', 'X', 'Sales 2025', 'Territory Rep'])).toMatchObject({
      id: 'Cust #',
      name: 'Customer Name',
      zip: 'Postcode',
      lat: 'Y',
      lon: 'X',
      revenue: 'Sales 2025',
      owner: 'Territory Rep',
    });
  });
});
