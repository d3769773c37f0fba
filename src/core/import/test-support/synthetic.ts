import type { ZipLookup } from '../../geo/zip-lookup';
import type { ColumnMapping } from '../types';

export const SYNTHETIC_HEADERS = ['Account ID', 'Account Name', 'Billing Street', 'Billing City', 'Billing State', 'Billing Zip', 'Lat', 'Lon', 'Annual Revenue', 'Potential', 'Segment', 'Tier', 'Owner', 'Visits', 'Phone'];
export const SYNTHETIC_MAPPING: ColumnMapping = { id: 0, name: 1, street: 2, city: 3, state: 4, zip: 5, lat: 6, lon: 7, revenue: 8, potential: 9, segment: 10, classification: 11, owner: 12, visits: 13 };

const SEGMENTS = ['High-Volume', 'Medium-Volume', 'Small/Cafe', 'High-Potential New'];
const TIERS = ['Core', 'Invest', 'Opportunistic', 'Divest'];
const ZIPS = ['02139', '10001', '60601', '94103', '98101', '30303', '75201', '80202', '85004', '33130', '55401', '90012'];

/**
 * Deterministic account rows start..end shaped like a CRM export: most with coordinates, every
 * 5th with a ZIP only, some money-formatted revenues, a third of potentials empty.
 */
export function syntheticAccountRows(start: number, end: number, zips?: ZipLookup): string[][] {
  const rows = new Array<string[]>(end - start);
  for (let i = start; i < end; i++) {
    const zip = ZIPS[i % ZIPS.length];
    const place = zips?.get(zip);
    const zipOnly = i % 5 === 4;
    const lat = zipOnly ? '' : ((place?.lat ?? 40) + ((i * 7919) % 1000) / 10000).toFixed(5);
    const lon = zipOnly ? '' : ((place?.lon ?? -74) - ((i * 104729) % 1000) / 10000).toFixed(5);
    rows[i - start] = [
      `A${100000 + i}`,
      `Account ${i} Coffee`,
      `${(i % 900) + 100} Main St`,
      place?.city ?? 'Boston',
      place?.state ?? 'MA',
      zip,
      lat,
      lon,
      i % 7 === 0 ? `$${(i % 5000) * 100},000.00` : String((i * 37) % 250000),
      i % 3 === 0 ? '' : String((i * 53) % 500000),
      SEGMENTS[i % 4],
      TIERS[(i >> 2) % 4],
      `Rep ${i % 60}`,
      String(i % 52),
      `555-${String(i % 10000).padStart(4, '0')}`,
    ];
  }
  return rows;
}
