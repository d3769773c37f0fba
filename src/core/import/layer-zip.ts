import { LayerImportError } from './layer-types';

/**
 * Just enough of the zip format to take a Shapefile out of the .zip users download: the central
 * directory for the names, stored or deflated entries (deflate through the platform's
 * DecompressionStream, in browsers, workers and Node alike). No zip64, no encryption: a zipped
 * Shapefile is far below 4 GB and never encrypted. We read the zip ourselves (rather than shpjs's
 * parseZip) to know which of .shp/.dbf/.prj are there and to read the .prj text before it is used.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  size: number;
  /** offset of the entry's local header */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);

/** The entries listed in the central directory, in order. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end record sits at the end, after a comment of up to 65535 bytes
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new LayerImportError('unreadable', 'The zip file is damaged or incomplete (no central directory). Download it again.');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) {
      throw new LayerImportError('unreadable', 'The zip file is damaged (its directory is cut short). Download it again.');
    }
    const nameLen = view.getUint16(p + 28, true);
    out.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: names.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    });
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** The uncompressed bytes of one entry. */
export async function readZipEntry(bytes: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(e.localOffset, true) !== LOCAL) {
    throw new LayerImportError('unreadable', `The zip file is damaged (entry ${e.name} is not where its directory says).`);
  }
  // the local header has its own name and extra-field lengths, which may differ from the directory's
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) {
    throw new LayerImportError('unreadable', `${e.name} is compressed with a method this app cannot read (zip method ${e.method}). Zip it again with ordinary compression.`);
  }
  try {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    throw new LayerImportError('unreadable', `${e.name} in the zip file is damaged and cannot be uncompressed. Download the zip again.`);
  }
}
