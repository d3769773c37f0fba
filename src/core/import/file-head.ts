import type { ByteSource } from './byte-source';
import { createDecoder, detectEncoding } from './decode';
import { sniffCsv, type SniffResult } from './sniff';
import type { DetectedEncoding } from './types';
import type { DecimalMark } from './values';

export const HEAD_BYTES = 256 * 1024;

export interface FileHead extends SniffResult {
  encoding: DetectedEncoding;
  /** the decoded start of the file */
  text: string;
  /** whether `text` is the whole file (so its last record is not cut off) */
  complete: boolean;
  headBytes: number;
}

/** Reads the start of a file and settles how to read the rest: encoding, delimiter, line ending. */
export async function readFileHead(source: ByteSource, bytes = HEAD_BYTES): Promise<FileHead> {
  const head = await source.read(0, Math.min(bytes, source.size));
  const encoding = detectEncoding(head);
  const complete = head.length >= source.size;
  const text = createDecoder(encoding).decode(head, complete);
  return { ...sniffCsv(text, complete), encoding, text, complete, headBytes: head.length };
}

/** Semicolon-separated files come from locales that write "1.250,50", so a lone "1,250" is 1.25 there. */
export function decimalMarkFor(delimiter: string): DecimalMark {
  return delimiter === ';' ? ',' : '.';
}
