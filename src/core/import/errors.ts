/** Why a whole file could not be read; each maps to one message the import dialog shows as-is. */
export type ImportErrorCode = 'empty-file' | 'header-only' | 'no-header' | 'unreadable' | 'cancelled';

/** A problem with the file as a whole (not with one row); `message` is written for the user. */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function isAbortError(e: unknown): boolean {
  return (e instanceof ImportError && e.code === 'cancelled') || (e instanceof Error && e.name === 'AbortError');
}

/** What a cancelled read rejects with. */
export function abortError(): Error {
  return new ImportError('cancelled', 'The import was cancelled.');
}
