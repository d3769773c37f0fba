import { CATEGORY_COLUMNS, TEXT_COLUMNS, type AccountTable } from '../../core/accounts/table';

/**
 * Where two tables differ, or null when they hold the same rows. Compares the raw bytes of every
 * column (so NaN must stay the very same NaN) instead of a deep equal, which takes minutes on 250k rows.
 */
export function tableDifference(a: AccountTable, b: AccountTable): string | null {
  if (a.count !== b.count) return `count ${a.count} vs ${b.count}`;
  const bytes = (v: ArrayBufferView): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const same = (x: ArrayBufferView, y: ArrayBufferView): boolean =>
    x.constructor === y.constructor && Buffer.compare(bytes(x), bytes(y)) === 0;
  for (const k of TEXT_COLUMNS) {
    if (!same(a[k].bytes, b[k].bytes) || !same(a[k].offsets, b[k].offsets)) return `text column ${k}`;
  }
  for (const k of ['lat', 'lon', 'location', 'revenue', 'potential', 'visits'] as const) {
    if (!same(a[k], b[k])) return `number column ${k}`;
  }
  for (const k of CATEGORY_COLUMNS) {
    if (!same(a[k].codes, b[k].codes)) return `codes of ${k}`;
    if (JSON.stringify(a[k].labels) !== JSON.stringify(b[k].labels)) return `labels of ${k}`;
  }
  if (JSON.stringify(a.extra.map((e) => e.header)) !== JSON.stringify(b.extra.map((e) => e.header))) return 'extra headers';
  for (let j = 0; j < a.extra.length; j++) {
    if (!same(a.extra[j].values.bytes, b.extra[j].values.bytes) || !same(a.extra[j].values.offsets, b.extra[j].values.offsets)) {
      return `extra column ${a.extra[j].header}`;
    }
  }
  return null;
}
