import { parseZipTable, type ZipTable } from './zip-table';

/** Browser and workers: the table is a static asset served from public/data. */
export async function loadZipTable(fetchUrl = '/data/zips.json'): Promise<ZipTable> {
  const res = await fetch(fetchUrl);
  if (!res.ok) throw new Error(`Could not load the ZIP table (${res.status} ${res.statusText}) from ${fetchUrl}`);
  return parseZipTable(await res.json());
}
