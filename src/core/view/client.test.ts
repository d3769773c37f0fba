import { describe, expect, it } from 'vitest';
import { ViewClient, type ViewPort } from './client';
import { viewColumns } from './columns';
import { ViewService, type ViewCall, type ViewReply } from './service';
import { randomAccounts } from './test-data';
import { tableFromRecords } from '../accounts/table';
import { LocationSource } from '../accounts/account';

/** A worker stand-in: the service answers on a later macrotask, as a real worker would. */
function fakeWorker(): ViewPort & { calls: ViewCall[] } {
  const service = new ViewService();
  const listeners = new Set<(e: { data: ViewReply }) => void>();
  const calls: ViewCall[] = [];
  return {
    calls,
    postMessage(message) {
      calls.push(message);
      const data = structuredClone(message);
      setTimeout(() => {
        const { reply } = service.handle(data);
        for (const l of listeners) l({ data: structuredClone(reply) });
      }, 1);
    },
    addEventListener: (_t, l) => listeners.add(l),
    removeEventListener: (_t, l) => listeners.delete(l),
  };
}

const US = [-130, 22, -60, 51] as const;

describe('ViewClient', () => {
  it('loads, filters and queries through the protocol', async () => {
    const client = new ViewClient(fakeWorker());
    const summary = await client.load(randomAccounts(5000, { seed: 4 }), { transfer: false });
    expect(summary.located).toBe(5000);
    const shown = await client.setHidden({ segment: [1], classification: [] });
    const r = (await client.query({ bbox: US, zoom: 3, colorBy: 'segment' }))!;
    expect(r.shown).toBe(shown);
    expect(r.total).toBe(shown);
    expect(r.features.reduce((s, f) => s + f.count, 0)).toBe(shown);
    const counts = await client.filterCounts();
    expect(counts.segment.reduce((a, b) => a + b, 0)).toBe(5000);
    expect((await client.rowsIn(US)).length).toBe(shown);
  });

  it('drops answers overtaken by a newer query and sends only the newest waiting one', async () => {
    const port = fakeWorker();
    const client = new ViewClient(port);
    await client.load(randomAccounts(1000, { seed: 5 }), { transfer: false });
    const zooms = [3, 4, 5, 6, 7];
    const answers = await Promise.all(zooms.map((zoom) => client.query({ bbox: US, zoom, colorBy: 'segment' })));
    // The first went out at once, 4–6 were overtaken while waiting, 7 is the answer that counts.
    expect(answers.slice(0, 4)).toEqual([null, null, null, null]);
    expect(answers[4]?.total).toBe(1000);
    expect(port.calls.filter((c) => c.method === 'query').map((c) => (c.args[0] as { zoom: number }).zoom)).toEqual([3, 7]);
  });

  it('reports errors from the worker as rejections', async () => {
    const client = new ViewClient(fakeWorker());
    const bad = randomAccounts(10);
    bad.lon = new Float64Array(3);
    await expect(client.load(bad, { transfer: false })).rejects.toThrow(/lon/);
  });

  it('takes its columns from a table as copies', () => {
    const table = tableFromRecords([
      {
        id: '1', name: 'A', lat: 40, lon: -100, location: LocationSource.Given, zip: '', street: '', city: '', state: '',
        revenue: 5, potential: null, visits: null, segment: 'High-Volume', classification: 'Core', owner: 'Ann', extra: {},
      },
    ]);
    const cols = viewColumns(table);
    expect(cols.segment).toEqual(Uint16Array.of(1));
    expect(cols.lat.buffer).not.toBe(table.lat.buffer);
  });
});
