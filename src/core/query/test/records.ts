import { LocationSource, type AccountRecord } from '../../accounts/account';
import { tableFromRecords, type AccountTable } from '../../accounts/table';

/** A plain account with every field filled; tests override what they check. */
export function rec(id: string, over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id,
    name: `Account ${id}`,
    lat: 40,
    lon: -74,
    location: LocationSource.Given,
    zip: '10001',
    street: '1 Main St',
    city: 'New York',
    state: 'NY',
    revenue: 1000,
    potential: 2000,
    visits: 12,
    segment: 'Small/Cafe',
    classification: 'Core',
    owner: 'Ann Lee',
    extra: {},
    ...over,
  };
}

export function table(records: AccountRecord[]): AccountTable {
  return tableFromRecords(records);
}

export const allRows = (t: AccountTable) => Uint32Array.from({ length: t.count }, (_, i) => i);
