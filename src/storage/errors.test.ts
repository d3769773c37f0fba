import { describe, expect, it } from 'vitest';
import { ConflictError, isQuotaError, StorageFullError, toStorageError } from './errors';

describe('quota errors', () => {
  it.each([
    ['a QuotaExceededError DOMException', new DOMException('full', 'QuotaExceededError'), null],
    ["Firefox's legacy name", new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'), null],
    ['the legacy code 22', { name: 'Error', code: 22 }, null],
    ["Firefox's legacy code 1014", { name: 'Error', code: 1014 }, null],
    ['an AbortError whose transaction failed on quota', new DOMException('aborted', 'AbortError'), { error: new DOMException('full', 'QuotaExceededError') }],
    ['an error caused by one', new Error('wrapped', { cause: new DOMException('full', 'QuotaExceededError') }), null],
  ])('recognises %s', (_label, error, tx) => {
    expect(isQuotaError(error, tx)).toBe(true);
    const mapped = toStorageError(error, tx);
    expect(mapped).toBeInstanceOf(StorageFullError);
    expect((mapped as Error).message).toBe(
      'Your browser refused to store more data (disk or quota full). Nothing was changed: the data stored before is intact.',
    );
  });

  it.each([
    ['a plain AbortError', new DOMException('aborted', 'AbortError'), null],
    ['an AbortError of an explicitly aborted transaction', new DOMException('aborted', 'AbortError'), { error: null }],
    ['a DataCloneError', new DOMException('no', 'DataCloneError'), null],
    ['a non-error', 'oops', null],
  ])('leaves %s alone', (_label, error, tx) => {
    expect(isQuotaError(error, tx)).toBe(false);
    expect(toStorageError(error, tx)).toBe(error);
  });

  it('keeps typed errors as they are', () => {
    const conflict = new ConflictError(3, 4);
    expect(toStorageError(conflict, { error: new DOMException('full', 'QuotaExceededError') })).toBe(conflict);
    expect(conflict.message).toMatch(/another tab/);
  });
});
