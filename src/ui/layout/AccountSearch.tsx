import { useEffect, useState } from 'react';
import type { SearchIndex } from '../../core/query/search-index';
import { queryClient } from '../../workers/query-client';
import { useDataStore } from '../../store/data-store';
import { useViewStore } from '../../store/view-store';
import { SearchBox } from '../search/SearchBox';
import { loadZipTable } from '../../core/geo/zip-table-fetch';
import type { ZipTable } from '../../core/geo/zip-table';

/**
 * The toolbar's search: the index is built when the user first focuses the box (after each new
 * data set), not at start-up, and for a big table in the query worker, so the page stays responsive.
 */
export function AccountSearch() {
  const table = useDataStore((s) => s.dataset?.accounts ?? null);
  const [wanted, setWanted] = useState(false);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [zips, setZips] = useState<ZipTable | undefined>(undefined);

  // Every US ZIP can be found, not only those that have accounts.
  useEffect(() => {
    if (wanted && !zips) loadZipTable().then(setZips, () => undefined);
  }, [wanted, zips]);

  useEffect(() => {
    setIndex(null);
    if (!table || !wanted) return;
    let stale = false;
    void queryClient.searchIndex(table).then((built) => {
      if (!stale) setIndex(built);
    });
    return () => {
      stale = true;
    };
  }, [table, wanted]);

  return (
    <div className="toolbar-search" onFocusCapture={() => setWanted(true)}>
      <SearchBox
        index={index}
        indexing={wanted}
        zips={zips}
        onPick={(hit) => {
          const view = useViewStore.getState();
          view.fly(hit.lon, hit.lat, hit.zoom);
          if (hit.row !== undefined) view.select(hit.row);
        }}
      />
    </div>
  );
}
