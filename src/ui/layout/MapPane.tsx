import { useEffect, useRef, useState } from 'react';
import { useDataStore } from '../../store/data-store';
import { isFiltered, useViewStore } from '../../store/view-store';
import { AccountMapController, type ViewState } from '../map/account-map-controller';
import { hiddenCodes } from '../map/hidden-codes';
import { exposeMap } from '../../app/test-handle';
import { formatCount } from '../import/format-count';

/** The map: base map, account clusters and points, heatmap; follows the data and view stores. */
export function MapPane() {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<AccountMapController | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const status = useDataStore((s) => s.status);
  const loadingMessage = useDataStore((s) => s.loadingMessage);
  const table = useDataStore((s) => s.dataset?.accounts ?? null);
  const { colorBy, hidden, heatmap, selectedRow, flyTo, styleUrl, showAll } = useViewStore();

  useEffect(() => {
    if (!container.current) return;
    const c = new AccountMapController(container.current, useViewStore.getState().styleUrl, {
      onView: setView,
      onSelect: (row) => useViewStore.getState().select(row),
      onReady: () => undefined,
    });
    controller.current = c;
    exposeMap(c);
    return () => {
      controller.current = null;
      c.dispose();
    };
  }, []);

  useEffect(() => {
    if (table) controller.current?.setTable(table);
  }, [table]);
  useEffect(() => controller.current?.setColorBy(colorBy), [colorBy]);
  useEffect(() => {
    if (table) controller.current?.setHidden(hiddenCodes(table, hidden));
  }, [table, hidden]);
  useEffect(() => controller.current?.setHeatmap(heatmap), [heatmap]);
  useEffect(() => controller.current?.setSelected(selectedRow), [selectedRow]);
  useEffect(() => {
    if (flyTo) controller.current?.map.flyTo({ center: [flyTo.lon, flyTo.lat], zoom: flyTo.zoom, essential: true });
  }, [flyTo]);
  const firstStyle = useRef(true);
  useEffect(() => {
    if (firstStyle.current) {
      firstStyle.current = false;
      return;
    }
    controller.current?.setStyle(styleUrl);
  }, [styleUrl]);

  const filtered = isFiltered(hidden);
  return (
    <div className="map-pane">
      <div ref={container} className="map-container" role="region" aria-label="Map of accounts" />
      {filtered && table && view && (
        <div className="map-overlay-note" role="status">
          Filter on: {formatCount(view.shown)} of {formatCount(table.count)} accounts shown
          <button type="button" onClick={() => showAll()}>
            Show all
          </button>
        </div>
      )}
      {status === 'ready' && table?.count === 0 && (
        <div className="map-overlay-note" role="status">
          No accounts yet: use “Import accounts…” or drop a CSV file here.
        </div>
      )}
      {status === 'loading' && (
        <div className="loading-veil" role="status">
          {loadingMessage}
        </div>
      )}
    </div>
  );
}
