import { useEffect, useRef, useState } from 'react';
import { useDataStore } from '../../store/data-store';
import { isFiltered, useViewStore } from '../../store/view-store';
import { AccountMapController, type ViewState } from '../map/account-map-controller';
import { hiddenCodes } from '../map/hidden-codes';
import { exposeMap } from '../../app/test-handle';
import { formatCount } from '../import/format-count';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { useShapeStore } from '../../store/shape-store';
import type { CheckResult } from '../../workers/shapes.api';
import { usePlanStore } from '../../store/plan-store';
import { UnitHoverCard } from '../territories/UnitHoverCard';

/** The map: base map, account clusters and points, heatmap; follows the data and view stores. */
/** Overlaps and holes of a check, as map features. */
function problemAreas(r: CheckResult): FeatureCollection<Polygon, { kind: 'overlap' | 'hole'; label: string }> {
  const features: Feature<Polygon, { kind: 'overlap' | 'hole'; label: string }>[] = [];
  for (const o of r.overlaps) for (const rings of o.geometry) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: { kind: 'overlap', label: 'overlap' } });
  for (const h of r.gaps.holes) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: h.geometry }, properties: { kind: 'hole', label: 'hole' } });
  return { type: 'FeatureCollection', features };
}

export function MapPane() {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<AccountMapController | null>(null);
  const [view, setView] = useState<ViewState | null>(null);
  const [styleNote, setStyleNote] = useState<string | null>(null);
  const [hover, setHover] = useState<{ unit: number; x: number; y: number } | null>(null);
  const status = useDataStore((s) => s.status);
  const loadingMessage = useDataStore((s) => s.loadingMessage);
  const table = useDataStore((s) => s.dataset?.accounts ?? null);
  const { colorBy, hidden, heatmap, selectedRow, flyTo, styleUrl, showAll } = useViewStore();

  const settingsReady = useViewStore((s) => s.settingsReady);
  // A remote style that fails to load is dropped for the offline map until the user picks another.
  const [failedStyle, setFailedStyle] = useState<string | null>(null);
  const style = styleUrl === failedStyle ? null : styleUrl;
  // One map per style: swapping styles on a live map is fragile when a remote style fails half-way.
  const [mapKey, setMapKey] = useState(0);
  useEffect(() => {
    if (!container.current || !settingsReady) return;
    const c = new AccountMapController(container.current, style, {
      onView: setView,
      onSelect: (row) => useViewStore.getState().select(row),
      onUnitHover: (unit, x, y) => setHover(unit === null ? null : { unit, x, y }),
      onBrush: (units, stroke) => usePlanStore.getState().paint(units, stroke),
      onUnitClick: (unit) => {
        if (usePlanStore.getState().open) usePlanStore.getState().paint([unit]);
      },
      onStyleFallback: (message) => {
        setStyleNote(message);
        setFailedStyle(style);
      },
    });
    controller.current = c;
    exposeMap(c);
    setMapKey((k) => k + 1);
    return () => {
      controller.current = null;
      c.dispose();
    };
  }, [settingsReady, style]);

  useEffect(() => {
    if (table) controller.current?.setTable(table);
  }, [table, mapKey]);
  useEffect(() => controller.current?.setColorBy(colorBy), [colorBy, mapKey]);
  useEffect(() => {
    if (table) controller.current?.setHidden(hiddenCodes(table, hidden));
  }, [table, hidden, mapKey]);
  useEffect(() => controller.current?.setHeatmap(heatmap), [heatmap, mapKey]);
  useEffect(() => controller.current?.setSelected(selectedRow), [selectedRow, mapKey]);
  const planOpen = usePlanStore((s) => s.open);
  const session = usePlanStore((s) => s.session);
  useEffect(() => controller.current?.showPlan(planOpen ? session : null), [planOpen, session, mapKey]);
  const brushing = usePlanStore((s) => s.brushing && s.open);
  useEffect(() => controller.current?.setBrush(brushing), [brushing, mapKey]);
  const lassoing = usePlanStore((s) => s.lassoing && s.open);
  useEffect(() => controller.current?.setLasso(lassoing), [lassoing, mapKey]);
  const shapeTool = useShapeStore((s) => (planOpen ? s.tool : 'select'));
  useEffect(() => controller.current?.setShapeTool(shapeTool), [shapeTool, session, mapKey]);
  const shapeResync = useShapeStore((s) => s.resync);
  useEffect(() => controller.current?.syncShapes(), [shapeResync, mapKey]);
  const selectRequest = useShapeStore((s) => s.selectRequest);
  useEffect(() => {
    if (selectRequest > 0) controller.current?.selectShape(useShapeStore.getState().selectedId);
  }, [selectRequest]);
  const check = useShapeStore((s) => s.check);
  useEffect(() => controller.current?.showProblemAreas(planOpen && check.result ? problemAreas(check.result) : null), [check, planOpen, session, mapKey]);
  const highlightUnassigned = usePlanStore((s) => s.highlightUnassigned);
  useEffect(() => controller.current?.setHighlightUnassigned(highlightUnassigned), [highlightUnassigned, session, mapKey]);
  useEffect(() => {
    if (flyTo) controller.current?.map.flyTo({ center: [flyTo.lon, flyTo.lat], zoom: flyTo.zoom, essential: true });
  }, [flyTo]);
  const filtered = isFiltered(hidden);
  return (
    <div className="map-pane">
      <div ref={container} className="map-container" role="region" aria-label="Map of accounts" />
      {filtered && table && view && !(planOpen && session && highlightUnassigned) && (
        <div className="map-overlay-note" role="status">
          Filter on: {formatCount(view.shown)} of {formatCount(table.count)} accounts shown
          <button type="button" onClick={() => showAll()}>
            Show all
          </button>
        </div>
      )}
      {planOpen && session && highlightUnassigned && view && (
        <div className="map-overlay-note" role="status">
          Showing only the {formatCount(view.shown)} accounts no territory owns; unassigned {'units'} are grey.
        </div>
      )}
      {planOpen && session && hover && <UnitHoverCard session={session} {...hover} />}
      {styleNote && (
        <div className="map-overlay-note map-overlay-note--low" role="status">
          {styleNote}
          <button type="button" aria-label="Dismiss" onClick={() => setStyleNote(null)}>
            ×
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
