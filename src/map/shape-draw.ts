import MapboxDraw from '@mapbox/mapbox-gl-draw';
import type { Feature, LineString, Polygon } from 'geojson';
import type { IControl, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { ShapeGeometry } from '../core/shapes';
import { SHAPE_DRAW_STYLES } from './shape-draw-style';
import './shape-draw.css';

// mapbox-gl-draw looks for Mapbox's class names (the canvas it listens on, the control group);
// MapLibre uses its own. Set before any Draw is constructed.
const classes = MapboxDraw.constants.classes;
classes.CANVAS = 'maplibregl-canvas';
classes.CONTROL_BASE = 'maplibregl-ctrl';
classes.CONTROL_PREFIX = 'maplibregl-ctrl-';
classes.CONTROL_GROUP = 'maplibregl-ctrl-group';
classes.ATTRIBUTION = 'maplibregl-ctrl-attrib';

/** What a drag on the map does while shapes are edited. */
export type ShapeTool = 'select' | 'draw' | 'hole' | 'split';

export interface ShownShape {
  id: string;
  geometry: ShapeGeometry;
  color: string;
  territory: string;
}

export interface ShapeDrawEvents {
  /** a polygon (draw, hole) or a line (split) was finished; the drawn feature is already gone */
  onDrawn(tool: Exclude<ShapeTool, 'select'>, geometry: Polygon | LineString): void;
  /** a shape was moved or its vertices edited */
  onEdited(shapeId: string, geometry: ShapeGeometry): void;
  onDeleted(shapeIds: string[]): void;
  onSelected(shapeId: string | null): void;
  /** the drawing tool ended (finished, or Esc) and the map is back to selecting */
  onToolEnded(): void;
}

const DRAW_LAYER_PREFIX = 'tp-draw-';

/**
 * mapbox-gl-draw on a MapLibre map, holding the plan's drawn shapes as its features (id = shape
 * id). The plan stays the truth: every draw event becomes a plan command through `events`, and
 * `setShapes` brings draw back in line after any change, undo included, touching only features
 * whose geometry or colour differ so an edit in progress keeps its mode.
 */
export class ShapeDraw {
  private readonly draw = new MapboxDraw({ displayControlsDefault: false, userProperties: true, keybindings: true, boxSelect: false, clickBuffer: 4, styles: SHAPE_DRAW_STYLES });
  private tool: ShapeTool = 'select';
  private shown = new Map<string, string>();
  /** the click that finishes a drawing reaches the map after draw has left its drawing mode */
  private settledAt = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly events: ShapeDrawEvents,
    /** a layer to keep the shapes' fill under (the account dots), so accounts stay visible */
    fillBelow?: string,
  ) {
    map.addControl(this.draw as unknown as IControl);
    if (fillBelow && map.getLayer(fillBelow)) {
      for (const l of map.getStyle().layers) if (l.id.startsWith(`${DRAW_LAYER_PREFIX}fill`)) map.moveLayer(l.id, fillBelow);
    }
    for (const [type, fn] of this.handlers()) this.evented().on(type, fn);
  }

  setShapes(shapes: readonly ShownShape[]): void {
    const keep = new Set<string>();
    for (const s of shapes) {
      keep.add(s.id);
      const key = `${s.color}|${s.territory}|${JSON.stringify(s.geometry)}`;
      if (this.shown.get(s.id) === key) continue;
      this.shown.set(s.id, key);
      this.draw.add({ type: 'Feature', id: s.id, geometry: s.geometry, properties: { color: s.color, territory: s.territory } });
    }
    const gone = [...this.shown.keys()].filter((id) => !keep.has(id));
    for (const id of gone) this.shown.delete(id);
    if (gone.length > 0) this.draw.delete(gone);
  }

  setTool(tool: ShapeTool): void {
    if (tool === this.tool) return;
    this.tool = tool;
    if (tool === 'select') {
      if (this.draw.getMode().startsWith('draw_')) this.draw.changeMode('simple_select');
    } else this.draw.changeMode(tool === 'split' ? 'draw_line_string' : 'draw_polygon');
  }

  select(shapeId: string | null): void {
    this.draw.changeMode('simple_select', { featureIds: shapeId ? [shapeId] : [] });
  }

  /** True when a click at this point belongs to drawing (a tool is on, or a shape is under it), not to unit painting. */
  claims(point: PointLike): boolean {
    if (this.draw.getMode() !== 'simple_select' && this.draw.getMode() !== 'direct_select') return true;
    if (performance.now() - this.settledAt < 500) return true;
    const layers = this.map.getStyle().layers.filter((l) => l.id.startsWith(DRAW_LAYER_PREFIX)).map((l) => l.id);
    return layers.length > 0 && this.map.queryRenderedFeatures(point, { layers }).some((f) => f.properties?.meta === 'feature' || f.properties?.meta === 'vertex' || f.properties?.meta === 'midpoint');
  }

  get drawing(): boolean {
    return this.draw.getMode().startsWith('draw_') || performance.now() - this.settledAt < 500;
  }

  remove(): void {
    for (const [type, fn] of this.handlers()) this.evented().off(type, fn);
    this.map.removeControl(this.draw as unknown as IControl);
  }

  /** draw fires its events on the map; MapLibre's types know only its own event names */
  private evented(): { on(type: string, fn: (e: never) => void): void; off(type: string, fn: (e: never) => void): void } {
    return this.map as unknown as ReturnType<ShapeDraw['evented']>;
  }

  private handlers(): [string, (e: never) => void][] {
    return [
      ['draw.create', this.onCreate],
      ['draw.update', this.onUpdate],
      ['draw.delete', this.onDelete],
      ['draw.selectionchange', this.onSelection],
      ['draw.modechange', this.onModeChange],
    ];
  }

  private readonly onCreate = (e: { features: Feature[] }) => {
    this.settledAt = performance.now();
    const tool = this.tool === 'select' ? 'draw' : this.tool;
    for (const f of e.features) {
      this.draw.delete(String(f.id));
      if (f.geometry.type === 'Polygon' || f.geometry.type === 'LineString') this.events.onDrawn(tool, f.geometry);
    }
  };

  private readonly onUpdate = (e: { features: Feature[] }) => {
    for (const f of e.features) {
      if (f.id === undefined || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
      this.shown.delete(String(f.id)); // the plan's (repaired) geometry is shown again, whatever draw holds
      this.events.onEdited(String(f.id), f.geometry);
    }
  };

  private readonly onDelete = (e: { features: Feature[] }) => {
    const ids = e.features.map((f) => String(f.id)).filter((id) => this.shown.has(id));
    for (const id of ids) this.shown.delete(id);
    if (ids.length > 0) this.events.onDeleted(ids);
  };

  private readonly onSelection = (e: { features: Feature[] }) => {
    const f = e.features.find((x) => x.id !== undefined && this.shown.has(String(x.id)));
    this.events.onSelected(f ? String(f.id) : null);
  };

  private readonly onModeChange = (e: { mode: string }) => {
    if (this.tool !== 'select') this.settledAt = performance.now();
    if (!e.mode.startsWith('draw_') && this.tool !== 'select') {
      this.tool = 'select';
      this.events.onToolEnded();
    }
  };
}
