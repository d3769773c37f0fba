/** Typed failures of the local store, each with a message that can be shown to the user as it is. */

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super('Your browser refused to store more data (disk or quota full). Nothing was changed: the data stored before is intact.', options);
  }
}

/** Another tab (or worker) saved since this one read the data; nothing was written. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `The stored data was changed in another tab (revision ${actualRevision}, this tab had ${expectedRevision}). Nothing was saved: reload to see the latest data before saving again.`,
    );
  }
}

/** The stored chunks do not add up to what the meta record says; loading would give wrong accounts. */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
  constructor(detail: string) {
    super(`The data stored in this browser is damaged and cannot be loaded (${detail}).`);
  }
}

/** A newer release already upgraded the database; this (older) page cannot read it. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(options?: { cause?: unknown }) {
    super('The data in this browser was saved by a newer version of Territory Planner. Reload the page to get the newer version.', options);
  }
}

// DOMException.QUOTA_EXCEEDED_ERR, and the code Firefox used before it adopted the standard name.
const QUOTA_CODES = new Set([22, 1014]);
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function isQuotaLike(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (typeof name === 'string' && QUOTA_NAMES.has(name)) || (typeof code === 'number' && QUOTA_CODES.has(code));
}

/**
 * Quota failures arrive in several shapes: a thrown QuotaExceededError, Firefox's legacy name, or
 * (when the browser fails at commit) an AbortError whose transaction carries the quota error.
 */
export function isQuotaError(e: unknown, tx?: { error: DOMException | null } | null): boolean {
  if (isQuotaLike(e) || isQuotaLike(tx?.error)) return true;
  const cause = (e as { cause?: unknown } | null)?.cause;
  return cause !== undefined && cause !== e && isQuotaLike(cause);
}

/** The error to rethrow for a failed write: typed when we recognise it, the original otherwise. */
export function toStorageError(e: unknown, tx?: { error: DOMException | null } | null): unknown {
  if (e instanceof ConflictError || e instanceof StorageFullError) return e;
  if (isQuotaError(e, tx)) return new StorageFullError({ cause: tx?.error ?? e });
  return e;
}
