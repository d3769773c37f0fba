import { useEffect, useMemo, useState } from 'react';
import type { AccountTable } from '../../core/accounts/table';
import { filterByText } from '../../core/query/filter';
import { sortPermutation } from '../../core/query/sort';
import { queryClient, WORKER_ROWS } from '../../workers/query-client';
import type { TableSort } from './AccountsTable';

/**
 * The rows to show after the text filter and sort. A small table is done on the spot; a big one
 * by the query worker, while the previous rows stay on screen, marked busy.
 */
export function useTableRows(table: AccountTable, rows: Uint32Array, text: string, sort: TableSort | null): { shown: Uint32Array; busy: boolean } {
  const small = table.count <= WORKER_ROWS;
  const direct = useMemo(() => {
    if (!small) return null;
    const filtered = filterByText(table, rows, text);
    return sort ? sortPermutation(table, filtered, sort.key, sort.dir) : filtered;
  }, [small, table, rows, text, sort]);

  const [fromWorker, setFromWorker] = useState<{ shown: Uint32Array; key: unknown[] } | null>(null);
  useEffect(() => {
    if (small) return;
    let stale = false;
    void queryClient.rows(table, rows, text, sort).then((shown) => {
      if (!stale) setFromWorker({ shown, key: [table, rows, text, sort] });
    });
    return () => {
      stale = true;
    };
  }, [small, table, rows, text, sort]);

  if (direct) return { shown: direct, busy: false };
  const key = [table, rows, text, sort];
  const current = fromWorker !== null && fromWorker.key.every((v, i) => v === key[i]);
  return { shown: fromWorker?.key[0] === table ? fromWorker.shown : rows, busy: !current };
}
