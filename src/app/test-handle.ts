import type { AccountMapController } from '../ui/map/account-map-controller';
import { ACCOUNT_LAYERS } from '../map/account-layers';
import { flushPlan, usePlanStore } from '../store/plan-store';

/**
 * A small read-only handle on the live map for the end-to-end tests and benchmarks, so they can
 * ask MapLibre what it actually rendered rather than trusting the DOM.
 */
export interface TestHandle {
  /** sum of the `count` of every cluster and point MapLibre rendered in the viewport */
  renderedAccounts(): number;
  /** what the view worker said this view holds */
  viewTotal(): number | null;
  isIdle(): boolean;
  jumpTo(lon: number, lat: number, zoom: number): void;
  /** screen position of the first rendered single account, to click it */
  firstPointOnScreen(): { x: number; y: number; row: number } | null;
  zoom(): number;
  /** resolves once the open plan is saved */
  flushPlan(): Promise<void>;
  /** screen position of a unit of the open plan (by id, e.g. a county FIPS), to click it */
  unitOnScreen(id: string): { x: number; y: number } | null;
  center(): [number, number];
}

declare global {
  interface Window {
    __tp?: TestHandle;
  }
}

export function exposeMap(c: AccountMapController): void {
  const map = c.map;
  const layers = [ACCOUNT_LAYERS.clusters, ACCOUNT_LAYERS.points].filter(Boolean);
  window.__tp = {
    renderedAccounts() {
      const seen = new Set<string>();
      let sum = 0;
      for (const f of map.queryRenderedFeatures({ layers: layers.filter((l) => map.getLayer(l)) })) {
        const p = f.properties as { count: number; lon?: number; index: number };
        // A feature can come back once per tile it touches; the same cluster or point counts once.
        const key = p.index >= 0 ? `p${p.index}` : `c${JSON.stringify((f.geometry as GeoJSON.Point).coordinates)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        sum += Number(p.count);
      }
      return sum;
    },
    viewTotal: () => c.last?.total ?? null,
    isIdle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded(),
    jumpTo: (lon, lat, zoom) => map.jumpTo({ center: [lon, lat], zoom }),
    firstPointOnScreen() {
      const f = map.queryRenderedFeatures({ layers: [ACCOUNT_LAYERS.points] })[0];
      if (!f) return null;
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
      const pt = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + pt.x, y: rect.top + pt.y, row: Number(f.properties.index) };
    },
    zoom: () => map.getZoom(),
    flushPlan,
    unitOnScreen(id) {
      const layer = usePlanStore.getState().session?.layer;
      const u = layer?.index.get(id);
      if (!layer || u === undefined) return null;
      const pt = map.project([layer.labelPoint[2 * u], layer.labelPoint[2 * u + 1]]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + pt.x, y: rect.top + pt.y };
    },
    center: () => {
      const c2 = map.getCenter();
      return [c2.lng, c2.lat];
    },
  };
}
