import Papa from 'papaparse';
import { createDecoder } from './decode';
import { abortError } from './errors';
import type { ByteSource } from './byte-source';

export { byteSourceFromBytes, byteSourceFromFile, type ByteSource } from './byte-source';
import type { LineEnding } from './sniff';
import type { DetectedEncoding, TextEncoding } from './types';

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export interface CsvStreamOptions {
  encoding: TextEncoding | DetectedEncoding;
  delimiter: string;
  /** the sniffed line ending; papaparse guesses from the first chunk when absent */
  newline?: LineEnding;
  /** bytes read and decoded at a time */
  chunkSize?: number;
  signal?: AbortSignal;
  /**
   * Consecutive CSV records; rows[i] is record firstRowIndex + i, counting from 0 at the first
   * record of the file (normally the header). Blank lines are skipped but keep their index, so
   * record numbers stay those a spreadsheet shows. Called synchronously while parsing, so it
   * throttles the reading.
   */
  onRows(rows: string[][], firstRowIndex: number): void;
  onProgress?(bytesRead: number, total: number): void;
  /** a quoting problem (e.g. a quote never closed) found in the given record */
  onQuoteError?(recordIndex: number, message: string): void;
  /**
   * Called once if the text holds U+FFFD, which is what the decoder makes of bytes that are not
   * valid in the encoding (e.g. a Windows-1252 "é" past the part of a file that was sniffed).
   */
  onUndecodable?(): void;
}

export interface CsvStreamResult {
  /** records seen, blank lines included */
  records: number;
  bytesRead: number;
}

/**
 * The minimum of a Node readable stream that papaparse's ReadableStreamStreamer uses (it checks
 * `readable`, `read` and `on`, then calls on/removeListener and pause/resume). Feeding it text we
 * decoded ourselves keeps multibyte characters whole across chunk boundaries, which papaparse's
 * own File reader does not, and works the same in Node, a worker and the page.
 */
class TextChunkEmitter {
  readonly readable = true;
  private readonly handlers: Record<string, ((arg?: unknown) => void)[]> = { data: [], end: [], error: [] };
  read(): null {
    return null;
  }
  on(event: string, fn: (arg?: unknown) => void): this {
    (this.handlers[event] ??= []).push(fn);
    return this;
  }
  removeListener(event: string, fn: (arg?: unknown) => void): this {
    this.handlers[event] = (this.handlers[event] ?? []).filter((h) => h !== fn);
    return this;
  }
  // Reading is driven by our loop, one chunk at a time, so there is nothing to pause.
  pause(): void {}
  resume(): void {}
  emit(event: 'data' | 'end' | 'error', arg?: unknown): void {
    for (const fn of [...(this.handlers[event] ?? [])]) fn(arg);
  }
}

const isBlank = (row: string[]) => row.length === 1 && row[0] === '';

/** Parses a whole CSV file chunk by chunk; resolves when done, rejects on abort or a read error. */
export function streamCsv(source: ByteSource, options: CsvStreamOptions): Promise<CsvStreamResult> {
  const { signal, onRows, onProgress, onQuoteError, onUndecodable } = options;
  let undecodable = false;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_BYTES);
  const decoder = createDecoder(options.encoding);
  const emitter = new TextChunkEmitter();
  let records = 0;
  let bytesRead = 0;
  let settled = false;

  return new Promise<CsvStreamResult>((resolve, reject) => {
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    };
    const onAbort = () => fail(abortError());
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);

    const handleChunk = (data: string[][], errors: Papa.ParseError[]) => {
      const base = records;
      records += data.length;
      for (const e of errors) onQuoteError?.(base + (e.row ?? 0), e.message);
      let start = 0;
      for (let i = 0; i < data.length; i++) {
        if (!isBlank(data[i])) continue;
        if (i > start) onRows(start === 0 && i === data.length ? data : data.slice(start, i), base + start);
        start = i + 1;
      }
      if (start < data.length) onRows(start === 0 ? data : data.slice(start), base + start);
    };

    Papa.parse<string[]>(emitter as unknown as NodeJS.ReadableStream, {
      delimiter: options.delimiter,
      newline: options.newline,
      header: false,
      skipEmptyLines: false,
      chunk: (results) => {
        if (settled) return;
        try {
          handleChunk(results.data, results.errors);
        } catch (e) {
          fail(e);
        }
      },
      complete: () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve({ records, bytesRead });
      },
      error: (e: Error) => fail(e),
    });

    const pump = async () => {
      for (let pos = 0; pos < source.size; pos += chunkSize) {
        const bytes = await source.read(pos, Math.min(pos + chunkSize, source.size));
        if (settled) return;
        bytesRead = pos + bytes.length;
        const text = decoder.decode(bytes);
        if (!undecodable && onUndecodable && text.includes('\ufffd')) {
          undecodable = true;
          onUndecodable();
        }
        if (text) emitter.emit('data', text);
        if (settled) return;
        onProgress?.(bytesRead, source.size);
      }
      const tail = decoder.decode(new Uint8Array(0), true);
      if (tail) emitter.emit('data', tail);
      if (!settled) emitter.emit('end');
    };
    pump().catch(fail);
  });
}
