import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { AccountTable, CategoryColumn } from '../../core/accounts/table';
import type { Hidden } from '../../core/view/columns';
import { colorsByCode, radiusScale, type RadiusScale } from '../../core/view/palette';
import type { ViewResult } from '../../core/view/types';
import { createMap } from '../../map/create-map';
import { hidePinnedAccounts, setPinnedAccounts, setUnitLocked } from '../../map/unit-layers';
import { accountLookup } from '../../core/plan/account-lookup';
import type { Feature, Point } from 'geojson';
import { hideTerritoryOutlines, hideUnitLayer, setTerritoryOutlines, setUnitColor, showUnitLayer, UNIT_LAYERS, UNIT_SOURCE } from '../../map/unit-layers';
import { territoryOutlines } from '../../core/units/outline';
import { LassoTool } from './lasso-tool';
import { shapesWorker } from '../../workers/shapes.api';
import { layerSource } from '../../store/plan-store';
import { unitLayerGeoJSON } from '../../core/units/unit-geojson';
import { hasTopology } from '../../core/units/slim-layer';
import { polygonsOf } from '../../core/shapes/shape-types';
import { territoryOfAccounts } from '../../core/export/territory-of-account';
import { ShapeDraw, type ShapeTool } from '../../map/shape-draw';
import { setProblemAreas } from '../../map/problem-layers';
import { useShapeStore } from '../../store/shape-store';
import type { FeatureCollection, Polygon } from 'geojson';

const UNASSIGNED_COLOR = '#8a94a6';
import type { PlanSession } from '../../core/plan/plan-session';
import { onPlanChange } from '../../store/plan-store';
import { ACCOUNT_LAYERS, setAccountColors, setAccountData, setAccountDisplay, setRevenueScale, setSelectedAccount } from '../../map/account-layers';
import { createViewWorker, viewColumns } from '../../workers/view.api';
import type { HeatmapMode } from '../../store/view-store';

export interface ViewState {
  /** accounts in view passing the filters (= sum of counts drawn) */
  total: number;
  /** accounts anywhere passing the filters */
  shown: number;
  mode: ViewResult['mode'];
}

export interface ControllerEvents {
  onView(v: ViewState): void;
  onSelect(row: number): void;
  /** the remote style could not be loaded; the offline map is shown instead */
  onStyleFallback(message: string): void;
  /** a unit of the shown plan was clicked */
  onUnitClick(unit: number): void;
  /** the brush passed over these units during one stroke */
  onBrush(units: number[], stroke: string): void;
  /** the pointer is over a unit (null: over none) at this position in the map's container */
  onUnitHover(unit: number | null, x: number, y: number): void;
}

/**
 * Binds one MapLibre map to one view worker: every settled move asks the worker for the clusters
 * or points of that view and draws them. React only tells it what changed.
 */
export class AccountMapController {
  readonly map: MapLibreMap;
  private readonly view = createViewWorker();
  private table: AccountTable | null = null;
  private colorBy: CategoryColumn = 'segment';
  private hidden: Hidden = { segment: [], classification: [], owner: [] };
  private loaded: Promise<unknown> = Promise.resolve();
  private styleReady = false;
  private radius: RadiusScale | null = null;
  /** a remote style asked for and not loaded yet */
  private pendingRemote: string | null = null;
  private disposed = false;
  private planUnsubscribe: (() => void) | null = null;
  private brush = false;
  private readonly lassoTool: LassoTool;
  private layerOfPlan: PlanSession['layer'] | null = null;
  /** account id → row, built once per table (a million ids) */
  private lookup: { table: AccountTable; rowOf: (id: string) => number } | null = null;
  private unassignedColor: string | null = null;
  private shownSession: PlanSession | null = null;
  private shapeDraw: ShapeDraw | null = null;
  /** a plan's unit shapes are being made in the worker and are not on the map yet */
  unitsPending = false;
  private onlyUnassignedTimer: ReturnType<typeof setTimeout> | null = null;
  private repaintUnits: (() => void) | null = null;
  private stroke: { id: string; seen: Set<number> } | null = null;
  private strokes = 0;
  last: ViewResult | null = null;

  constructor(
    container: HTMLElement,
    styleUrl: string | null,
    private readonly events: ControllerEvents,
  ) {
    this.map = createMap({ container, styleUrl });
    this.pendingRemote = styleUrl;
    // A remote style is optional: without internet (or with a bad URL) the offline map takes over.
    this.map.on('style.load', () => (this.pendingRemote = null));
    this.map.on('error', (e) => {
      const url = this.pendingRemote;
      if (!url) return;
      this.pendingRemote = null;
      events.onStyleFallback(`The map style at ${url} could not be loaded (${e.error?.message ?? 'no answer'}); showing the offline map instead.`);
    });
    this.map.once('load', () => {
      this.styleReady = true;
      this.applyColors();
      void this.refresh();
    });
    this.map.on('moveend', () => void this.refresh());
    this.map.on('click', ACCOUNT_LAYERS.points, (e) => this.clickPoint(e));
    this.map.on('click', ACCOUNT_LAYERS.clusters, (e) => this.clickCluster(e));
    let hovered: number | null = null;
    const hover = (unit: number | null, x = 0, y = 0) => {
      if (hovered !== null && hovered !== unit) this.map.setFeatureState({ source: UNIT_SOURCE, id: hovered }, { hover: false });
      if (unit !== null) this.map.setFeatureState({ source: UNIT_SOURCE, id: unit }, { hover: true });
      hovered = unit;
      events.onUnitHover(unit, x, y);
    };
    this.map.on('mousemove', UNIT_LAYERS.fill, (e) => {
      const id = e.features?.[0]?.id;
      hover(typeof id === 'number' ? id : null, e.point.x, e.point.y);
    });
    this.map.on('mouseleave', UNIT_LAYERS.fill, () => hover(null));
    const brushAt = (point: { x: number; y: number }) => {
      if (!this.stroke || !this.map.getLayer(UNIT_LAYERS.fill)) return;
      const fresh: number[] = [];
      for (const f of this.map.queryRenderedFeatures([point.x, point.y], { layers: [UNIT_LAYERS.fill] })) {
        if (typeof f.id === 'number' && !this.stroke.seen.has(f.id)) {
          this.stroke.seen.add(f.id);
          fresh.push(f.id);
        }
      }
      if (fresh.length > 0) events.onBrush(fresh, this.stroke.id);
    };
    // Shift+drag selects every unit in a box (instead of MapLibre's box zoom) while a plan is shown.
    let boxStart: { x: number; y: number } | null = null;
    this.map.on('mousedown', (e) => {
      if (e.originalEvent.shiftKey && this.planUnsubscribe) {
        boxStart = e.point;
        this.map.dragPan.disable();
        return;
      }
    });
    this.map.on('mouseup', (e) => {
      if (!boxStart) return;
      const a = boxStart;
      boxStart = null;
      if (!this.brush && !this.lassoTool.on) this.map.dragPan.enable();
      const units = new Set<number>();
      for (const f of this.map.queryRenderedFeatures([[Math.min(a.x, e.point.x), Math.min(a.y, e.point.y)], [Math.max(a.x, e.point.x), Math.max(a.y, e.point.y)]], { layers: [UNIT_LAYERS.fill] })) {
        if (typeof f.id === 'number') units.add(f.id);
      }
      if (units.size > 0) events.onBrush([...units], `box-${++this.strokes}`);
    });
    // Lasso: drag a freehand loop; every unit whose inside point falls in it is painted, as one step.
    this.lassoTool = new LassoTool(
      this.map,
      () => (this.layerOfPlan && this.planUnsubscribe ? { layer: this.layerOfPlan, canStart: !this.shapeDraw?.drawing } : null),
      (units) => events.onBrush(units, `lasso-${++this.strokes}`),
    );
    this.map.on('mousedown', (e) => {
      if (!this.brush || this.lassoTool.on || !this.planUnsubscribe || e.originalEvent.shiftKey || this.shapeDraw?.drawing) return;
      this.stroke = { id: `stroke-${++this.strokes}`, seen: new Set() };
      brushAt(e.point);
    });
    this.map.on('mousemove', (e) => brushAt(e.point));
    const endStroke = () => (this.stroke = null);
    this.map.on('mouseup', endStroke);
    this.map.getCanvas().addEventListener('mouseleave', endStroke);
    this.map.on('click', UNIT_LAYERS.fill, (e) => {
      if (this.brush || this.lassoTool.on) return; // the stroke (or the lasso) already painted it
      if (this.shapeDraw?.claims(e.point)) return; // a click on a drawn shape selects it
      const id = e.features?.[0]?.id;
      if (typeof id === 'number') events.onUnitClick(id);
    });
    for (const layer of [ACCOUNT_LAYERS.points, ACCOUNT_LAYERS.clusters]) {
      this.map.on('mouseenter', layer, () => (this.map.getCanvas().style.cursor = 'pointer'));
      this.map.on('mouseleave', layer, () => (this.map.getCanvas().style.cursor = ''));
    }
  }

  setTable(table: AccountTable): void {
    this.table = table;
    this.onlyRowsOn = false;
    this.loaded = this.view.load(viewColumns(table)).then((summary) => {
      this.radius = radiusScale(summary.revenueP95);
      if (this.styleReady) setRevenueScale(this.map, this.radius);
      else this.map.once('load', () => this.radius && setRevenueScale(this.map, this.radius));
    });
    this.applyColors();
    void this.refresh();
  }

  setColorBy(colorBy: CategoryColumn): void {
    this.colorBy = colorBy;
    this.applyColors();
    void this.refresh();
  }

  setHidden(hidden: Hidden): void {
    this.hidden = hidden;
    void this.refresh();
  }

  setHeatmap(mode: HeatmapMode): void {
    const apply = () => setAccountDisplay(this.map, mode === 'off' ? 'dots' : mode === 'density' ? 'heatmap-count' : 'heatmap-revenue');
    if (this.styleReady) apply();
    else this.map.once('load', apply);
  }

  /** Draws a plan's units coloured by territory and keeps them in step with every edit. */
  showPlan(session: PlanSession | null): void {
    this.planUnsubscribe?.();
    this.planUnsubscribe = null;
    if (!this.styleReady) {
      this.map.once('load', () => this.showPlan(session));
      return;
    }
    this.shownSession = session;
    this.updateOnlyUnassigned();
    if (!session) {
      this.shapeDraw?.remove();
      this.shapeDraw = null;
      setProblemAreas(this.map, null);
      hidePinnedAccounts(this.map);
      hideTerritoryOutlines(this.map);
      hideUnitLayer(this.map);
      this.layerOfPlan = null;
      this.unitsPending = false;
      this.map.boxZoom.enable();
      return;
    }
    this.map.boxZoom.disable();
    // Another layer's shapes must not stay clickable while this one's are on their way: unit
    // indexes would name the wrong units.
    if (this.layerOfPlan?.layerId !== session.layer.layerId) hideUnitLayer(this.map);
    this.layerOfPlan = session.layer;
    // The colour each unit has on the map now: a repaint touches only units whose colour changes
    // (33,000 feature-state calls for a fresh ZIP plan would hold the page for most of a second).
    // (until this layer's shapes are in, any state set here is cleared again when they land)
    let shown: (string | null)[] = new Array(session.layer.count).fill(null);
    const colorUnit = (u: number, color: string | null) => {
      if (shown[u] === color) return;
      shown[u] = color;
      setUnitColor(this.map, u, color);
    };
    const paintAll = () => {
      const { assignment, territories } = session.plan;
      for (let u = 0; u < assignment.length; u++) colorUnit(u, assignment[u] >= 0 ? territories[assignment[u]].color : this.unassignedColor);
    };
    this.repaintUnits = paintAll;
    // Outlines are rebuilt from shared edges at most once a frame, however fast the edits come.
    let outlineFrame = 0;
    const drawOutlines = () => {
      outlineFrame = 0;
      const { plan, layer } = session;
      const outlines = territoryOutlines(layer, plan.assignment, plan.territories.length);
      // drawn shapes join their territory's outline feature, so a territory drawn by hand is labelled too
      for (const shape of plan.shapes) {
        const t = plan.territories.findIndex((x) => x.id === shape.territoryId);
        if (t >= 0) outlines[t].coordinates.push(...polygonsOf(shape.geometry));
      }
      setTerritoryOutlines(this.map, {
        type: 'FeatureCollection',
        features: plan.territories.map((t, i) => ({ type: 'Feature', geometry: outlines[i], properties: { name: t.name, color: t.color } })),
      });
    };
    const outlinesSoon = () => (outlineFrame ||= requestAnimationFrame(drawOutlines));
    const drawPins = () => {
      const table = this.table;
      if (!table) return;
      if (this.lookup?.table !== table) this.lookup = { table, rowOf: accountLookup(table) };
      const rowOf = this.lookup.rowOf;
      const features: Feature<Point, { color: string; id: string }>[] = [];
      for (const [accountId, territoryId] of session.plan.pins) {
        const row = rowOf(accountId);
        const t = session.plan.territories.find((x) => x.id === territoryId);
        if (row < 0 || !t) continue;
        features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [table.lon[row], table.lat[row]] }, properties: { color: t.color, id: accountId } });
      }
      setPinnedAccounts(this.map, { type: 'FeatureCollection', features });
    };
    this.shapeDraw ??= new ShapeDraw(this.map, {
      onDrawn: (tool, geometry) => useShapeStore.getState().drawn(tool, geometry),
      onEdited: (id, geometry) => useShapeStore.getState().edited(id, geometry),
      onDeleted: (ids) => useShapeStore.getState().deleted(ids),
      onSelected: (id) => useShapeStore.getState().setSelected(id),
      onToolEnded: () => useShapeStore.getState().setTool('select'),
    }, ACCOUNT_LAYERS.heatmap);
    this.syncShapes();
    // The units' GeoJSON is made in the shapes worker (which also built the layer); the page only
    // parses the text and hands it to MapLibre. (A blob URL MapLibre fetches in its own worker was
    // tried: no long task at all, but the ZIP layer took 0.5 s longer to appear.)
    this.unitsPending = true;
    void shapesWorker()
      .layerGeoJSON(layerSource(session.layer))
      .then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection)
      .catch(() => null)
      .then((data) => {
        if (this.shownSession !== session || this.disposed) return;
        this.unitsPending = false;
        if (!data && !hasTopology(session.layer)) return; // no worker and no shapes to draw here
        showUnitLayer(this.map, data ?? unitLayerGeoJSON(session.layer));
        shown = new Array(session.layer.count).fill(null); // showUnitLayer cleared every feature-state
        paintAll();
        session.plan.lockedUnits.forEach((l, u) => l && setUnitLocked(this.map, u, true));
      });
    drawOutlines();
    drawPins();
    this.planUnsubscribe = onPlanChange((change) => {
      outlinesSoon();
      if (this.unassignedColor) this.updateOnlyUnassignedSoon();
      if (change.type === 'pin' || change.type === 'territoryUpdated' || change.type === 'territoryRemoved') drawPins();
      if (change.type === 'shape' || change.type === 'territoryUpdated' || change.type === 'territoryRemoved' || change.type === 'territoryInserted') this.syncShapesSoon();
      if (change.type === 'assign') {
        const t = change.to >= 0 ? session.plan.territories[change.to] : null;
        for (const u of change.units) colorUnit(u, t ? t.color : this.unassignedColor);
      } else if (change.type === 'locks') {
        for (const u of change.units) setUnitLocked(this.map, u, session.plan.lockedUnits[u] === 1);
      } else if (change.type !== 'pin') paintAll();
    });
  }

  /**
   * Brush mode: dragging paints every unit the pointer crosses, as one undoable stroke; the map
   * does not pan meanwhile (the wheel and the +/- buttons still zoom).
   */
  setBrush(on: boolean): void {
    this.brush = on;
    if (on || this.lassoTool.on) this.map.dragPan.disable();
    else this.map.dragPan.enable();
    this.map.getCanvas().style.cursor = on || this.lassoTool.on ? 'crosshair' : '';
  }

  /** The plan's drawn shapes, in their territories' colours, as draw's features. */
  syncShapes(): void {
    const session = this.shownSession;
    if (!session || !this.shapeDraw) return;
    const { plan } = session;
    this.shapeDraw.setShapes(
      plan.shapes.map((s) => {
        const t = plan.territories.find((x) => x.id === s.territoryId);
        return { id: s.id, geometry: s.geometry, color: t?.color ?? '#888888', territory: t?.name ?? '' };
      }),
    );
  }

  private shapeFrame = 0;
  /** draw events fire inside draw's own handlers: sync after them, once a frame */
  private syncShapesSoon(): void {
    this.shapeFrame ||= requestAnimationFrame(() => {
      this.shapeFrame = 0;
      this.syncShapes();
    });
  }

  setShapeTool(tool: ShapeTool): void {
    if (!this.styleReady || !this.shapeDraw) return;
    this.shapeDraw.setTool(tool);
  }

  selectShape(id: string | null): void {
    this.shapeDraw?.select(id);
  }

  /** Overlaps (red) and holes between shapes (amber) to look at, or null to clear. */
  showProblemAreas(areas: FeatureCollection<Polygon, { kind: 'overlap' | 'hole'; label: string }> | null): void {
    if (this.styleReady) setProblemAreas(this.map, areas);
  }

  /** Lasso mode: dragging draws a loop and paints the units inside it; the map does not pan meanwhile. */
  setLasso(on: boolean): void {
    this.lassoTool.setOn(on);
    if (on || this.brush) this.map.dragPan.disable();
    else this.map.dragPan.enable();
    this.map.getCanvas().style.cursor = on || this.brush ? 'crosshair' : '';
  }

  /** Shows unassigned units in a flat grey so gaps in the plan stand out. */
  setHighlightUnassigned(on: boolean): void {
    this.unassignedColor = on ? UNASSIGNED_COLOR : null;
    this.repaintUnits?.();
    this.updateOnlyUnassigned();
  }

  /** While unassigned are highlighted, the map shows only the accounts no territory owns (by the plan's own rule). */
  private updateOnlyUnassigned(): void {
    if (this.onlyUnassignedTimer) clearTimeout(this.onlyUnassignedTimer);
    this.onlyUnassignedTimer = null;
    const session = this.shownSession;
    const table = this.table;
    if (!table) return;
    let mask: Uint8Array | null = null;
    if (this.unassignedColor && session && session.join.unitOfAccount.length === table.count) {
      const { via } = territoryOfAccounts(table, session.plan, { unitOfAccount: session.join.unitOfAccount });
      mask = new Uint8Array(table.count);
      for (let i = 0; i < via.length; i++) mask[i] = via[i] === 0 ? 1 : 0;
    }
    if (!mask && !this.onlyRowsOn) return;
    this.onlyRowsOn = mask !== null;
    this.loaded = this.loaded.then(() => this.view.showOnlyRows(mask));
    void this.refresh();
  }

  private onlyRowsOn = false;

  /** A brush stroke is many edits a second: the mask follows a moment after the last one. */
  private updateOnlyUnassignedSoon(): void {
    if (this.onlyUnassignedTimer) clearTimeout(this.onlyUnassignedTimer);
    this.onlyUnassignedTimer = setTimeout(() => this.updateOnlyUnassigned(), 250);
  }

  setSelected(row: number | null): void {
    if (this.styleReady) setSelectedAccount(this.map, row);
  }


  dispose(): void {
    this.disposed = true;
    this.lassoTool.dispose();
    this.shapeDraw?.remove();
    this.planUnsubscribe?.();
    this.view.terminate();
    this.map.remove();
  }

  private applyColors(): void {
    if (!this.table || !this.styleReady) return;
    setAccountColors(this.map, colorsByCode(this.colorBy, this.table[this.colorBy].labels));
  }

  private bbox(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  private async refresh(): Promise<void> {
    if (!this.table || !this.styleReady) return;
    await this.loaded;
    const r = await this.view.query({ bbox: this.bbox(), zoom: this.map.getZoom(), colorBy: this.colorBy, hidden: this.hidden });
    if (!r || this.disposed) return;
    this.last = r;
    setAccountData(this.map, r.features);
    this.events.onView({ total: r.total, shown: r.shown, mode: r.mode });
  }

  private clickPoint(e: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }): void {
    if (this.shapeDraw?.drawing) return; // a corner of the shape being drawn, not a pick
    const row = Number(e.features?.[0]?.properties.index);
    if (Number.isInteger(row) && row >= 0) this.events.onSelect(row);
  }

  private clickCluster(e: MapMouseEvent): void {
    // While a plan is shown a click paints the unit under it; zooming stays on the wheel and buttons.
    if (this.planUnsubscribe || this.shapeDraw?.drawing) return;
    this.map.easeTo({ center: e.lngLat, zoom: Math.min(this.map.getZoom() + 2, 14) });
  }
}
