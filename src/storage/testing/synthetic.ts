import { CLASSIFICATIONS, LocationSource, SEGMENTS, type AccountRecord, type Rep } from '../../core/accounts/account';
import { AccountTableBuilder, type AccountTable } from '../../core/accounts/table';

/**
 * Deterministic accounts that exercise what storage must keep: multi-byte names, empty numbers
 * (NaN in the columns, null in records), empty and repeated labels, and extra columns.
 */
const NAMES = ['Café Zürich', '東京 Coffee', 'Ölmühle Groß', 'Пекарня «Утро»', '☕ Corner', "O'Brien's Bar & Grill", 'Crème 🥐'];
export const SYNTHETIC_EXTRA = ['Phone', 'Notes ✎'];

export function syntheticRecord(i: number): AccountRecord {
  return {
    id: `A${String(i).padStart(7, '0')}`,
    name: `${NAMES[i % NAMES.length]} ${i}`,
    lat: 25 + ((i * 7919) % 2400) / 100,
    lon: -124 + ((i * 104729) % 5700) / 100,
    location: (i % 3) as LocationSource,
    zip: String(10000 + (i % 89999)).padStart(5, '0'),
    street: i % 10 === 0 ? '' : `${i % 999} Main St`,
    city: i % 2 ? 'Springfield' : 'São Paulo',
    state: ['MA', 'NY', 'CA', 'TX'][i % 4],
    revenue: i % 7 === 0 ? null : i * 1.5,
    potential: i % 11 === 0 ? null : i * 2.25,
    visits: i % 13 === 0 ? null : i % 50,
    segment: i % 17 === 0 ? '' : SEGMENTS[i % SEGMENTS.length],
    classification: CLASSIFICATIONS[i % CLASSIFICATIONS.length],
    owner: i % 5 === 0 ? '' : `Rep ${i % 37}`,
    extra: { Phone: `+1 555 ${String(i % 10000).padStart(4, '0')}`, 'Notes ✎': i % 4 ? '' : `note ${i} ✓` },
  };
}

export function syntheticTable(rows: number, offset = 0): AccountTable {
  const b = new AccountTableBuilder(SYNTHETIC_EXTRA, rows);
  for (let i = 0; i < rows; i++) b.push(syntheticRecord(i + offset));
  return b.finish();
}

export function syntheticReps(n: number): Rep[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `R${i + 1}`,
    name: ['Ann Lee', 'Jürgen Groß', 'Zoë Ōkubo'][i % 3] + (i >= 3 ? ` ${i}` : ''),
    lat: 40 + i,
    lon: -75 - i,
    location: LocationSource.Zip,
    zip: `0${2139 + i}`,
    quota: i === 1 ? null : 1_000_000 * (i + 1),
    extra: { Region: i % 2 ? 'West' : 'East' },
  }));
}
