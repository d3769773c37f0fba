import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LocationSource, type AccountRecord, type Rep } from '../accounts/account';
import { getString } from '../accounts/packed-strings';
import { tableFromRecords, type AccountTable } from '../accounts/table';
import { applyCommand, edit } from '../plan/commands';
import { createPlan, newTerritory, type Plan } from '../plan/plan';
import { account } from '../plan/world-fixture';
import { syntheticTable } from '../../storage/testing/synthetic';
import { joinAccountsByPoint } from '../units/account-join';
import { gridTopology } from '../units/grid-fixture';
import { UnitFinder } from '../units/unit-finder';
import { buildUnitLayer } from '../units/unit-layer';
import { ACCOUNT_CSV_COLUMNS, accountsCsvHeaders, accountsToCsv } from './accounts-csv';
import { territoryOfAccounts, type Ownership } from './territory-of-account';

// 2×2 grid of 0.1° cells: unit 0 = c00 (→ A), 1 = c10 (→ A), 2 = c01 (→ B), 3 = c11 (unassigned)
const layer = buildUnitLayer(gridTopology(2, 2), { layerId: 'grid', objectName: 'cells' });
const reps: Rep[] = [{ id: 'r1', name: 'Ann Lee', lat: 0, lon: 0, location: LocationSource.Given, zip: '', quota: null, extra: {} }];
const FORMULAS = ['=1+1', '+1', '-x', '@sum', '\tx', '\rx', '\nx', '\0x'];

const records: AccountRecord[] = [
  account('A1', 0.05, 0.05, {
    name: 'Acme, "Inc"', street: '1 Main St', city: 'Cambridge', state: 'MA', zip: '02139',
    revenue: -12.5, potential: null, visits: 0.1, segment: 'High-Volume', classification: 'Core',
    extra: { Phone: '+1 555 0100', Territory: 'old' },
  }),
  account('A2', 0.15, 0.05, { zip: '2139', revenue: null, potential: 1e21, visits: null }), // pinned to B
  account('A3', 0.05, 0.15, { zip: '02139-4307', segment: '=cmd', classification: '', visits: 4 }),
  account('A4', NaN, NaN, { zip: 'K1A 0B1', name: 'Zoë 東京 ☕ 🥐' }), // no coordinates, so no unit
  ...FORMULAS.map((f, i) => account(`F${i}`, 0.15, 0.15, { name: f, street: f, city: f, state: f, zip: f, extra: { Phone: f } })),
];
const table = tableFromRecords(records, ['Phone', 'Territory']);
const unitOfAccount = joinAccountsByPoint(table, new UnitFinder(layer)).unitOfAccount;

function planAB(): Plan {
  const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: layer.count });
  applyCommand(p, edit.create(newTerritory('t-a', 'North, East', '#000', { repId: 'r1' })));
  applyCommand(p, edit.create(newTerritory('t-b', '=B', '#111', { repId: 'r-missing' })));
  applyCommand(p, edit.paint([0, 1], 't-a'));
  applyCommand(p, edit.paint([2], 't-b'));
  applyCommand(p, edit.pin('A2', 't-b'));
  return p;
}

function exportText(t: AccountTable, plan: Plan, owners: Ownership, opts = {}): string {
  return [...accountsToCsv(t, plan, owners, reps, opts)].join('');
}

function parse(text: string): Record<string, string>[] {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, '').replace(/\r\n$/, ''), { header: true, newline: '\r\n' });
  expect(res.errors).toEqual([]);
  return res.data;
}

describe('accountsToCsv on hand-made accounts', () => {
  const plan = planAB();
  const owners = territoryOfAccounts(table, plan, { unitOfAccount });
  const text = exportText(table, plan, owners);
  const rows = parse(text);
  const byId = new Map(rows.map((r) => [r['Account ID'], r]));

  it('starts with a BOM and the header row, extras last, a clashing extra header renamed', () => {
    expect(text.startsWith('\ufeffAccount ID,Name,Street,City,State,ZIP,Latitude,Longitude,Segment,Classification,')).toBe(true);
    expect(accountsCsvHeaders(table)).toEqual([...ACCOUNT_CSV_COLUMNS, 'Phone', 'Territory (2)']);
    expect(Object.keys(rows[0])).toEqual(accountsCsvHeaders(table));
    expect(byId.get('A1')!['Territory (2)']).toBe('old');
    expect(rows).toHaveLength(records.length);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises every formula-looking cell with an apostrophe', () => {
    FORMULAS.forEach((f, i) => {
      const r = byId.get(`F${i}`)!;
      // "+1" is a plain number, which the issue exempts (a spreadsheet reads it as the number 1, runs nothing)
      const want = f === '+1' ? f : `'${f}`;
      for (const col of ['Name', 'Street', 'City', 'State', 'ZIP', 'Phone']) expect(r[col]).toBe(want);
    });
    expect(byId.get('A1')!.Phone).toBe("'+1 555 0100");
    expect(byId.get('A3')!.Segment).toBe("'=cmd");
    expect(byId.get('A2')!.Territory).toBe("'=B"); // territory names too
    // the raw text: no cell starts with a formula character, a tab or a NUL unguarded
    expect(text).not.toMatch(/(^|,)(=|@|-x|\t|\0)/m);
    expect(text).toContain(`,"'\nx",`); // guarded, then quoted for its line break
  });

  it('keeps plain numbers as numbers: -12.5, 1e21, float32 visits as typed', () => {
    const a1 = byId.get('A1')!;
    expect(a1['Last-year revenue']).toBe('-12.5');
    expect(text).toContain(',-12.5,');
    expect(a1['Visits per year']).toBe('0.1');
    expect(a1.Latitude).toBe('0.05');
    expect(byId.get('A2')!['Revenue potential']).toBe('1e+21');
    expect(byId.get('A3')!['Visits per year']).toBe('4');
  });

  it('leaves empty numbers empty', () => {
    const a2 = byId.get('A2')!;
    expect(a2['Last-year revenue']).toBe('');
    expect(a2['Visits per year']).toBe('');
    expect(byId.get('A1')!['Revenue potential']).toBe('');
    expect(byId.get('A4')!.Latitude).toBe('');
    expect(byId.get('A4')!.Longitude).toBe('');
  });

  it('writes ZIPs as 5-character text with their leading zeros, surviving a parser round trip', () => {
    expect(byId.get('A1')!.ZIP).toBe('02139');
    expect(text).toContain(',02139,'); // not ="02139", not '02139
    expect(byId.get('A2')!.ZIP).toBe('02139'); // a zero stripped by a spreadsheet, restored
    expect(byId.get('A3')!.ZIP).toBe('02139'); // ZIP+4 → the 5-digit ZIP
    expect(byId.get('A4')!.ZIP).toBe('K1A 0B1'); // not a US ZIP: as the file gave it
    // papaparse with type guessing on still reads "02139" back as text
    const typed = Papa.parse<Record<string, unknown>>(text.replace(/^\ufeff/, '').trimEnd(), { header: true, dynamicTyping: true, newline: '\r\n' }).data;
    expect(typed.find((r) => r['Account ID'] === 'A1')!.ZIP).toBe(2139);
    // … which is exactly the spreadsheet failure the docs describe: only a text reading keeps it
  });

  it('gives each account its territory and rep: pin first, then its unit', () => {
    expect(byId.get('A1')).toMatchObject({ Territory: 'North, East', 'Territory ID': 't-a', Rep: 'Ann Lee' });
    // A2 lies in an A cell but is pinned to B, whose rep is not in the reps file: written as its id
    expect(byId.get('A2')).toMatchObject({ Territory: "'=B", 'Territory ID': 't-b', Rep: 'r-missing' });
    expect(byId.get('A3')).toMatchObject({ 'Territory ID': 't-b' });
    expect(byId.get('A4')).toMatchObject({ Territory: '', 'Territory ID': '', Rep: '' });
    expect(byId.get('F0')).toMatchObject({ Territory: '', 'Territory ID': '', Rep: '' }); // unassigned cell
  });

  it('decodes text, multi-byte included, exactly as the table holds it', () => {
    expect(byId.get('A1')!.Name).toBe('Acme, "Inc"');
    expect(byId.get('A4')!.Name).toBe('Zoë 東京 ☕ 🥐');
  });

  it('gives the same text whatever the chunk size, each chunk whole rows ending in CRLF', () => {
    const chunks = [...accountsToCsv(table, plan, owners, reps, { rowsPerChunk: 3, bom: false })];
    expect(chunks).toHaveLength(1 + Math.ceil(records.length / 3));
    for (const c of chunks) expect(c.endsWith('\r\n')).toBe(true);
    expect(chunks.join('')).toBe(text.slice(1));
  });

  it('refuses an ownership made for another table', () => {
    expect(() => exportText(table, plan, { territory: new Int32Array(1), via: new Uint8Array(1) })).toThrow();
  });
});

describe('accountsToCsv at scale', () => {
  it('decodes every text column like getString across chunk boundaries (multi-byte rows mixed in)', () => {
    const t = syntheticTable(5000);
    const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: 0 });
    const owners = { territory: new Int32Array(t.count).fill(-1), via: new Uint8Array(t.count) };
    const rows = parse(exportText(t, p, owners, { rowsPerChunk: 777 }));
    expect(rows).toHaveLength(t.count);
    for (let i = 0; i < t.count; i += 7) {
      expect(rows[i].Name).toBe(getString(t.name, i));
      expect(rows[i].City).toBe(getString(t.city, i));
      expect(rows[i]['Notes ✎']).toBe(getString(t.extra[1].values, i));
    }
  });

  it('streams 1,000,000 accounts in chunks (time measured and reported)', () => {
    const n = 1_000_000;
    const t0 = performance.now();
    const t = syntheticTable(n);
    const built = performance.now() - t0;
    const p = createPlan({ id: 'p', name: 'p', layerId: 'grid', unitCount: 0 });
    for (let k = 0; k < 300; k++) p.territories.push(newTerritory(`t${k}`, `Territory ${k}`, '#000', { repId: k % 2 ? 'r1' : null }));
    const territory = new Int32Array(n);
    for (let i = 0; i < n; i++) territory[i] = (i % 301) - 1;
    const owners = { territory, via: new Uint8Array(n) };
    const t1 = performance.now();
    let chars = 0;
    let chunks = 0;
    let biggest = 0;
    let lines = 0;
    for (const c of accountsToCsv(t, p, owners, reps)) {
      chunks++;
      chars += c.length;
      biggest = Math.max(biggest, c.length);
      if (chunks === 2) lines += c.split('\r\n').length - 1;
    }
    const ms = performance.now() - t1;
    console.log(`accounts CSV, 1,000,000 rows: ${ms.toFixed(0)} ms (table built in ${built.toFixed(0)} ms), ${chunks} chunks, ${(chars / 1e6).toFixed(1)} M chars, largest chunk ${(biggest / 1e6).toFixed(2)} M chars`);
    expect(lines).toBe(8192);
    expect(chunks).toBe(1 + Math.ceil(n / 8192));
    expect(ms).toBeLessThan(30_000);
  }, 120_000);
});
