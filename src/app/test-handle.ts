import type { AccountMapController } from '../ui/map/account-map-controller';
import { ACCOUNT_LAYERS } from '../map/account-layers';
import { PIN_LAYER } from '../map/unit-layers';
import { flushPlan, usePlanStore } from '../store/plan-store';
import { useDataStore } from '../store/data-store';
import { openPlanSession } from '../core/plan/plan-session';
import { clonePlan } from '../core/plan/plan';
import { shapeBbox } from '../core/shapes/shape-types';
import type { PlanChange } from '../core/plan/commands';
import type { TerritoryFigures } from '../core/plan/territory-stats';

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
  /** pinned-account rings MapLibre drew in the viewport */
  pinsOnMap(): number;
  /** resolves once the open plan is saved */
  flushPlan(): Promise<void>;
  /** screen position of a unit of the open plan (by id, e.g. a county FIPS), to click it */
  unitOnScreen(id: string): { x: number; y: number } | null;
  /** the map position under a page point */
  lngLatAt(x: number, y: number): [number, number];
  /** accounts of the loaded data set inside a lon/lat box, counted here, to check what the app reports */
  accountsInBox(west: number, south: number, east: number, north: number): number;
  /** a drawn shape is rendered as selected (draw reads what is rendered to start a drag) */
  selectedShapeRendered(): boolean;
  /** the open plan's drawn shapes: id and territory name */
  shapes(): { id: string; territory: string; bbox: [number, number, number, number] }[];
  center(): [number, number];
  /** the open plan: its layer, whether it is ready, how many territories it has */
  planInfo(): { status: string; layerId: string; territories: number; units: number } | null;
  /**
   * Benchmarks: fills the open, empty plan with k territories grown by the seeded breadth-first
   * growth of bench/plan/grow-plan.ts (same seed, same plan as the Node benchmark), replayed through
   * the plan store: per territory one create, one rep (the data set's reps round-robin, so
   * neighbours mostly have different homes) and one paint of all its units.
   */
  growPlan(k: number, seed: number): Promise<{ territories: number; assignedUnits: number; reps: number; ms: number }>;
  /**
   * Benchmarks (paint.incremental.zip): `repeats` moves of a random boundary unit (seeded, each unit
   * once) into a neighbouring territory, the way a click does it: that territory made active, then
   * usePlanStore.getState().paint([unit]); each sample is that call plus reading every territory's
   * figures and the balance. After each move the page runs its next task (the panel renders);
   * after every `frameEvery`-th (default 1) it also waits for the next frame, which is timed.
   */
  timePaintMoves(opts: { repeats: number; seed: number; frameEvery?: number }): Promise<PaintMoveTimes>;
  /** Benchmarks and tests: the open plan's incremental figures against a fresh session over a clone of the plan. */
  checkPlanFigures(): { mismatches: number; compared: number; first: string | null };
}

export interface PaintMoveTimes {
  path: string;
  /** paint + read of all figures, per move, ms */
  samples: number[];
  /** the store's paint() alone (command, TerritoryStats.apply, map feature-state, store bump) */
  paintMs: number[];
  /** TerritoryStats.apply within it */
  applyMs: number[];
  /** figures of every territory plus the balance */
  readMs: number[];
  /** from the paint to the next task: the panel's React render and commit included */
  settledMs: number[];
  /** from the paint to just after the next frame (outlines rebuilt, map drawn; includes vsync wait), every frameEvery-th move */
  frameMs: number[];
  accountsMoved: number;
  /** main-thread tasks over 50 ms while moving, and the longest */
  longTasks: number;
  longestTaskMs: number;
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
    isIdle: () => !c.unitsPending && map.loaded() && !map.isMoving() && map.areTilesLoaded(),
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
    pinsOnMap: () => (map.getLayer(PIN_LAYER) ? map.queryRenderedFeatures({ layers: [PIN_LAYER] }).length : 0),
    unitOnScreen(id) {
      const layer = usePlanStore.getState().session?.layer;
      const u = layer?.index.get(id);
      if (!layer || u === undefined) return null;
      const pt = map.project([layer.labelPoint[2 * u], layer.labelPoint[2 * u + 1]]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + pt.x, y: rect.top + pt.y };
    },
    lngLatAt(x, y) {
      const rect = map.getCanvas().getBoundingClientRect();
      const p = map.unproject([x - rect.left, y - rect.top]);
      return [p.lng, p.lat];
    },
    accountsInBox(w, s, e, n) {
      const t = useDataStore.getState().dataset?.accounts;
      let count = 0;
      if (t) for (let i = 0; i < t.count; i++) if (t.lon[i] >= w && t.lon[i] <= e && t.lat[i] >= s && t.lat[i] <= n) count++;
      return count;
    },
    selectedShapeRendered() {
      const layers = map.getStyle().layers.filter((l) => l.id.startsWith('tp-draw-fill')).map((l) => l.id);
      return layers.length > 0 && map.queryRenderedFeatures({ layers }).some((f) => f.properties?.active === 'true');
    },
    shapes() {
      const plan = usePlanStore.getState().session?.plan;
      return plan ? plan.shapes.map((sh) => ({ id: sh.id, territory: plan.territories.find((t) => t.id === sh.territoryId)?.name ?? '', bbox: shapeBbox(sh.geometry) })) : [];
    },
    center: () => {
      const c2 = map.getCenter();
      return [c2.lng, c2.lat];
    },
    planInfo() {
      const s = usePlanStore.getState();
      return { status: s.status, layerId: s.layerId, territories: s.session?.plan.territories.length ?? 0, units: s.session?.layer.count ?? 0 };
    },
    growPlan,
    timePaintMoves,
    checkPlanFigures,
  };
}

const nextTask = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });
const afterNextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function growPlan(k: number, seed: number): Promise<{ territories: number; assignedUnits: number; reps: number; ms: number }> {
  const session = usePlanStore.getState().session;
  if (!session || session.plan.territories.length > 0) throw new Error('growPlan needs an open, empty plan');
  const { growPlan: grow } = await import('../../bench/plan/grow-plan');
  const t0 = performance.now();
  const { plan: grown } = grow(session.layer, k, seed);
  const groups: number[][] = grown.territories.map(() => []);
  for (let u = 0; u < grown.assignment.length; u++) if (grown.assignment[u] >= 0) groups[grown.assignment[u]].push(u);
  const reps = (useDataStore.getState().dataset?.reps ?? []).filter((r) => Number.isFinite(r.lat) && Number.isFinite(r.lon));
  const store = usePlanStore.getState();
  for (let t = 0; t < groups.length; t++) {
    store.addTerritory();
    const id = usePlanStore.getState().activeId!;
    if (reps.length > 0) store.setRep(id, reps[t % reps.length].id);
    store.paint(groups[t]);
  }
  return { territories: session.plan.territories.length, assignedUnits: groups.reduce((n, g) => n + g.length, 0), reps: reps.length, ms: performance.now() - t0 };
}

async function timePaintMoves({ repeats, seed, frameEvery = 1 }: { repeats: number; seed: number; frameEvery?: number }): Promise<PaintMoveTimes> {
  const store = usePlanStore.getState();
  const session = store.session;
  if (!session || session.plan.territories.length < 2) throw new Error('timePaintMoves needs an open plan with territories');
  const { Rng } = await import('../../fixtures/generator/prng');
  const { layer, plan, stats, aggregates } = session;
  const rng = new Rng(seed);
  const readAll = () => {
    const out: TerritoryFigures[] = [];
    for (let i = 0; i < stats.territoryCount; i++) out.push(stats.figures(i));
    stats.balance(plan.balance.metric);
    return out;
  };
  // TerritoryStats.apply is what the history's listener calls: wrap it to time the figures' share.
  const apply = stats.apply;
  (stats as { apply: (c: PlanChange) => void }).apply = (c) => {
    performance.mark('tp:apply:start');
    apply(c);
    performance.measure('tp:apply', 'tp:apply:start');
  };
  const long: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration)));
  observer.observe({ type: 'longtask' });
  for (const name of ['tp:apply', 'tp:paint', 'tp:read', 'tp:move']) performance.clearMeasures(name);
  const r: PaintMoveTimes = { path: 'usePlanStore.getState().paint([unit]) with the target territory active', samples: [], paintMs: [], applyMs: [], readMs: [], settledMs: [], frameMs: [], accountsMoved: 0, longTasks: 0, longestTaskMs: 0 };
  const moved = new Uint8Array(layer.count);
  try {
    readAll();
    await afterNextFrame();
    for (let tries = 0; r.samples.length < repeats; tries++) {
      if (tries > 100 * repeats) throw new Error('ran out of boundary units');
      const u = rng.int(layer.count);
      if (moved[u]) continue;
      const from = plan.assignment[u];
      let to = -1;
      for (let e = layer.adjStart[u]; e < layer.adjStart[u + 1]; e++) {
        const t = plan.assignment[layer.adj[e]];
        if (t !== from && t >= 0) to = t;
      }
      if (to < 0) continue; // an interior unit: painting it elsewhere would not be a boundary edit
      moved[u] = 1;
      r.accountsMoved += aggregates.accounts[u];
      usePlanStore.getState().setActive(plan.territories[to].id);
      const t0 = performance.now();
      performance.mark('tp:move:start');
      usePlanStore.getState().paint([u]);
      const t1 = performance.now();
      performance.measure('tp:paint', 'tp:move:start');
      performance.mark('tp:read:start');
      readAll();
      const t2 = performance.now();
      performance.measure('tp:read', 'tp:read:start');
      performance.measure('tp:move', 'tp:move:start');
      if (plan.assignment[u] !== to) throw new Error(`unit ${u} did not move`);
      r.samples.push(t2 - t0);
      r.paintMs.push(t1 - t0);
      r.readMs.push(t2 - t1);
      await nextTask();
      r.settledMs.push(performance.now() - t0);
      // a frame after every move would cost a second each with the whole ZIP layer drawn in
      // software: every frameEvery-th move waits for it (and is timed), the others only for the render
      if (r.samples.length % frameEvery === 0) {
        await afterNextFrame();
        r.frameMs.push(performance.now() - t0);
      }
    }
    const applied = performance.getEntriesByName('tp:apply', 'measure');
    r.applyMs = applied.slice(-repeats).map((e) => e.duration);
    await nextTask();
    for (const e of observer.takeRecords()) long.push(e.duration);
  } finally {
    observer.disconnect();
    (stats as { apply: (c: PlanChange) => void }).apply = apply;
  }
  r.longTasks = long.length;
  r.longestTaskMs = Math.max(0, ...long);
  return r;
}

function checkPlanFigures(): { mismatches: number; compared: number; first: string | null } {
  const session = usePlanStore.getState().session;
  const dataset = useDataStore.getState().dataset;
  if (!session || !dataset) throw new Error('no open plan');
  // a fresh session: the accounts joined and summed again, the figures computed from scratch
  const fresh = openPlanSession({ layer: session.layer, accounts: dataset.accounts, reps: dataset.reps, plan: clonePlan(session.plan) }).stats;
  const stats = session.stats;
  let mismatches = 0;
  let compared = 0;
  let first: string | null = null;
  const total = { revenue: 0, potential: 0 };
  /** `scale`: the size of what was summed, for figures that are small differences of large sums */
  const check = (what: string, a: number, b: number, scale = Math.abs(b)) => {
    compared++;
    const same = (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= 1e-6 * Math.max(1, scale);
    if (same) return;
    mismatches++;
    first ??= `${what}: incremental ${a}, fresh ${b}`;
  };
  if (fresh.territoryCount !== stats.territoryCount) check('territories', stats.territoryCount, fresh.territoryCount);
  for (let t = 0; t < Math.min(fresh.territoryCount, stats.territoryCount); t++) {
    const a = stats.figures(t);
    const b = fresh.figures(t);
    total.revenue += Math.abs(b.revenue);
    total.potential += Math.abs(b.potential);
    for (const key of ['units', 'accounts', 'revenue', 'potential', 'visits', 'workloadHours', 'areaKm2', 'perimeterKm', 'polsbyPopper', 'parts', 'density'] as const) check(`territory ${t} ${key}`, a[key], b[key]);
    check(`territory ${t} has a rep`, a.travel ? 1 : 0, b.travel ? 1 : 0);
    if (a.travel && b.travel) {
      check(`territory ${t} travel mean`, a.travel.meanKm, b.travel.meanKm);
      check(`territory ${t} travel max`, a.travel.maxKm, b.travel.maxKm);
    }
    a.segments.forEach((v, i) => check(`territory ${t} segment ${i}`, v, b.segments[i]));
    a.classifications.forEach((v, i) => check(`territory ${t} classification ${i}`, v, b.classifications[i]));
  }
  const metric = session.plan.balance.metric;
  const ba = stats.balance(metric);
  const bb = fresh.balance(metric);
  check('balance mean', ba.mean, bb.mean);
  ba.deviationPct.forEach((v, i) => check(`balance deviation ${i}`, v, bb.deviationPct[i]));
  const ua = stats.unassigned();
  const ub = fresh.unassigned();
  // slot 0 started with every account and had each territory's share taken out: its rounding is that of the total
  for (const key of ['units', 'accounts'] as const) check(`unassigned ${key}`, ua[key], ub[key]);
  for (const key of ['revenue', 'potential'] as const) check(`unassigned ${key}`, ua[key], ub[key], Math.abs(ub[key]) + total[key]);
  return { mismatches, compared, first };
}
