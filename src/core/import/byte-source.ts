/**
 * Random access to a file's bytes, so the same import code reads a browser File (in the page or a
 * worker) and a Buffer in Node tests and scripts.
 */
export interface ByteSource {
  readonly size: number;
  /** bytes start..end (exclusive); `end` may run past the size */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A File or Blob: only the requested slice is loaded, so a 1 GB file never sits in memory whole. */
export function byteSourceFromFile(file: Blob): ByteSource {
  return {
    size: file.size,
    read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
  };
}

export function byteSourceFromBytes(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, Math.min(end, bytes.length)),
  };
}
