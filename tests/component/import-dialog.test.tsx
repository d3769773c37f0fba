import { describe, expect, it, beforeEach } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportDialog } from '../../src/ui/import/ImportDialog';
import { useImportStore } from '../../src/store/import-store';
import { useDataStore } from '../../src/store/data-store';
import { setDataClient } from '../../src/app/services';
import { DataClient } from '../../src/workers/data-client';
import type { DataRequest, DataResponse } from '../../src/workers/data.api';
import type { CsvPreview } from '../../src/core/import/types';
import { LocationSource } from '../../src/core/accounts/account';
import { emptyTable, tableFromRecords } from '../../src/core/accounts/table';

const preview: CsvPreview = {
  fileName: 'crm.csv',
  fileSize: 1234,
  headers: ['Account ID', 'Company', 'Zip', 'Phone'],
  rows: [
    ['A1', 'Blue Cup', '02139', '555'],
    ['A2', 'Red Mug', '10001', '556'],
  ],
  encoding: { encoding: 'windows-1252', bom: false, note: 'Not valid UTF-8: read as Windows-1252.' },
  delimiter: ';',
  lineEnding: '\r\n',
  guesses: [
    { role: 'id', column: 0, score: 1, alternatives: [] },
    { role: 'name', column: 1, score: 0.9, alternatives: [] },
    { role: 'zip', column: 2, score: 0.9, alternatives: [] },
    { role: 'lat', column: null, score: 0, alternatives: [] },
    { role: 'lon', column: null, score: 0, alternatives: [] },
  ],
  mapping: { id: 0, name: 1, zip: 2 },
  // previewCsv lists the encoding note among its notes
  notes: ['Not valid UTF-8: read as Windows-1252.'],
};

/** A data worker stand-in: answers every import with a fixed report and records what it was asked. */
function fakeWorker(requests: DataRequest[]) {
  const w = {
    onmessage: null as ((e: MessageEvent<DataResponse>) => void) | null,
    onerror: null,
    postMessage(req: DataRequest) {
      requests.push(req);
      const reply = (msg: DataResponse) => queueMicrotask(() => w.onmessage?.({ data: msg } as MessageEvent<DataResponse>));
      if (req.type === 'import') {
        const accounts = tableFromRecords([
          { id: 'A1', name: 'Blue Cup', lat: 42.36, lon: -71.1, location: LocationSource.Zip, zip: '02139', street: '', city: '', state: '', revenue: null, potential: null, visits: null, segment: '', classification: '', owner: '', extra: { Phone: '555' } },
        ], ['Phone']);
        reply({
          type: 'imported',
          id: req.id,
          result: {
            kind: 'accounts',
            stats: { rows: 2, imported: 1, rejected: 1, warnings: 0 },
            merge: { added: 1, changed: 0, unchanged: 0, kept: 0 },
            issues: [{ row: 3, column: 'Lat', kind: 'lat-lon-swapped', severity: 'rejected', message: 'Latitude and longitude look swapped.', value: '-74' }],
            dataset: { accounts, reps: [], meta: { source: 'import', revision: 2, updatedAt: '' } },
          },
        });
      }
    },
  };
  return w;
}

describe('import dialog', () => {
  let requests: DataRequest[];
  beforeEach(() => {
    requests = [];
    setDataClient(new DataClient(fakeWorker(requests) as unknown as Worker));
    // The mode choice only needs to know that demo accounts are stored, not what they are.
    useDataStore.setState({ status: 'ready', dataset: { accounts: { ...emptyTable(), count: 5 }, reps: [], meta: { source: 'demo', revision: 1, updatedAt: '' } } });
    useImportStore.setState({ state: { step: 'mapping', kind: 'accounts', file: new Blob(['x']), preview, mapping: { ...preview.mapping }, mode: 'replace' } });
  });

  it('shows every guess, the encoding note and the kept columns, and lets the user change a choice', async () => {
    render(<ImportDialog />);
    expect(screen.getByText('Not valid UTF-8: read as Windows-1252.')).toBeInTheDocument();
    expect(screen.getByText(/semicolon-separated/)).toBeInTheDocument();
    const zip = screen.getByRole('combobox', { name: 'Column for ZIP code' });
    expect(zip).toHaveValue('2');
    expect(screen.getByText(/Kept as extra fields.*Phone/)).toBeInTheDocument();
    // Moving "Zip" off the ZIP role leaves no location: import is refused until one is mapped.
    await userEvent.selectOptions(zip, '');
    expect(screen.getByRole('alert')).toHaveTextContent(/Map Latitude and Longitude, or a ZIP code/);
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await userEvent.selectOptions(zip, '2');
    expect(screen.getByRole('button', { name: 'Import' })).toBeEnabled();
  });

  it('one column feeds one role: choosing it elsewhere frees it', async () => {
    render(<ImportDialog />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Column for Name' }), '0');
    expect(screen.getByRole('combobox', { name: 'Column for Name' })).toHaveValue('0');
    expect(screen.getByRole('combobox', { name: 'Column for Account ID' })).toHaveValue('');
  });

  it('imports with the chosen mapping and mode, then reports problems with a swap fix', async () => {
    render(<ImportDialog />);
    await userEvent.click(screen.getByRole('radio', { name: 'Add this file to the demo data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Read 2 rows: 1 accounts imported, 1 rejected.'));
    const sent = requests.find((r) => r.type === 'import');
    expect(sent).toMatchObject({ type: 'import', mode: 'merge', options: { mapping: { id: 0, name: 1, zip: 2 } }, expectedRevision: 1 });
    const table = screen.getByRole('table', { name: 'Import problems' });
    expect(within(table).getByText('Latitude and longitude look swapped.')).toBeInTheDocument();
    expect(useDataStore.getState().dataset?.accounts.count).toBe(1);
    await userEvent.click(screen.getByRole('button', { name: 'Swap latitude and longitude in this row and import it' }));
    await waitFor(() => expect(requests.filter((r) => r.type === 'import')).toHaveLength(2));
    expect(requests.filter((r) => r.type === 'import')[1]).toMatchObject({ mode: 'merge', options: { swapRows: [3] } });
  });
});
