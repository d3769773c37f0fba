import { sliceTable, type AccountTable } from '../core/accounts/table';
import { packedCount, type PackedStrings } from '../core/accounts/packed-strings';
import { CorruptDataError } from './errors';
import type { AccountChunkRecord, DatasetMeta } from './schema';

/** What all chunks of one table share, kept once in the meta record. */
export type ChunkDictionaries = Pick<DatasetMeta, 'labels' | 'extraHeaders'>;

export function dictionariesOf(t: AccountTable): ChunkDictionaries {
  return {
    labels: { segment: t.segment.labels, classification: t.classification.labels, owner: t.owner.labels },
    extraHeaders: t.extra.map((e) => e.header),
  };
}

/**
 * Yields the table's chunks one at a time, so each slice can be put (and structured-cloned) and
 * dropped before the next one is cut: saving never holds a second copy of the whole table.
 * sliceTable copies, so every array owns its buffer exactly and no neighbouring rows get cloned along.
 */
export function* chunksOf(t: AccountTable, generation: number, chunkRows: number): Generator<AccountChunkRecord> {
  if (!(chunkRows >= 1)) throw new RangeError(`chunkRows must be at least 1, got ${chunkRows}`);
  for (let index = 0, start = 0; start < t.count; index++, start += chunkRows) {
    const s = sliceTable(t, start, Math.min(start + chunkRows, t.count));
    yield {
      generation,
      index,
      start,
      count: s.count,
      id: s.id,
      name: s.name,
      zip: s.zip,
      street: s.street,
      city: s.city,
      state: s.state,
      lat: s.lat,
      lon: s.lon,
      location: s.location,
      revenue: s.revenue,
      potential: s.potential,
      visits: s.visits,
      segment: s.segment.codes,
      classification: s.classification.codes,
      owner: s.owner.codes,
      extra: s.extra.map((e) => e.values),
    };
  }
}

/** Rebuilds one chunk as a table; the dictionaries are shared by reference, as concatTables expects. */
export function chunkToTable(c: AccountChunkRecord, d: ChunkDictionaries): AccountTable {
  checkChunk(c, d);
  return {
    count: c.count,
    id: c.id,
    name: c.name,
    zip: c.zip,
    street: c.street,
    city: c.city,
    state: c.state,
    lat: c.lat,
    lon: c.lon,
    location: c.location,
    revenue: c.revenue,
    potential: c.potential,
    visits: c.visits,
    segment: { codes: c.segment, labels: d.labels.segment },
    classification: { codes: c.classification, labels: d.labels.classification },
    owner: { codes: c.owner, labels: d.labels.owner },
    extra: d.extraHeaders.map((header, j) => ({ header, values: c.extra[j] })),
  };
}

// A short or mistyped column would make accountAt read garbage far from the fault; fail at load instead.
function checkChunk(c: AccountChunkRecord, d: ChunkDictionaries): void {
  const where = `chunk ${c.index}`;
  const arrays: [string, unknown, new (n: number) => ArrayBufferView][] = [
    ['lat', c.lat, Float64Array],
    ['lon', c.lon, Float64Array],
    ['location', c.location, Uint8Array],
    ['revenue', c.revenue, Float64Array],
    ['potential', c.potential, Float64Array],
    ['visits', c.visits, Float32Array],
    ['segment', c.segment, Uint16Array],
    ['classification', c.classification, Uint16Array],
    ['owner', c.owner, Uint16Array],
  ];
  for (const [name, a, C] of arrays) {
    if (!(a instanceof C) || (a as unknown as { length: number }).length !== c.count) {
      throw new CorruptDataError(`${where}: column ${name} does not hold ${c.count} rows`);
    }
  }
  const texts: [string, PackedStrings | undefined][] = [
    ['id', c.id],
    ['name', c.name],
    ['zip', c.zip],
    ['street', c.street],
    ['city', c.city],
    ['state', c.state],
    ...d.extraHeaders.map((h, j): [string, PackedStrings | undefined] => [h, c.extra[j]]),
  ];
  for (const [name, p] of texts) {
    if (!p || !(p.bytes instanceof Uint8Array) || !(p.offsets instanceof Uint32Array) || packedCount(p) !== c.count) {
      throw new CorruptDataError(`${where}: text column ${name} does not hold ${c.count} rows`);
    }
  }
}
