import type { Map as MapLibreMap } from 'maplibre-gl';
import { unitsInLasso } from '../../core/units/lasso';
import type { UnitLayer } from '../../core/units/unit-layer';
import { UNIT_LAYERS } from '../../map/unit-layers';

type Pt = { x: number; y: number };

/**
 * Lasso selection on the map: while on, a drag draws a freehand loop (an SVG overlay, so the map
 * is not re-rendered for it) and, on release, `onUnits` gets every rendered unit whose inside
 * point falls in the loop. Esc or leaving the map cancels the loop.
 */
export class LassoTool {
  on = false;
  private drawn: { points: Pt[]; svg: SVGSVGElement; path: SVGPolylineElement } | null = null;

  constructor(
    private readonly map: MapLibreMap,
    /** the layer whose units are selectable, null while none is shown; a drag starts only when `canStart` says so */
    private readonly target: () => { layer: UnitLayer; canStart: boolean } | null,
    private readonly onUnits: (units: number[]) => void,
  ) {
    map.on('mousedown', (e) => {
      const t = this.target();
      if (!this.on || !t?.canStart || e.originalEvent.shiftKey || e.originalEvent.button !== 0) return;
      this.start(e.point);
    });
    map.on('mousemove', (e) => this.extend(e.point));
    map.on('mouseup', () => this.finish());
    map.getCanvas().addEventListener('mouseleave', () => this.cancel());
    window.addEventListener('keydown', this.onKey);
  }

  setOn(on: boolean): void {
    this.on = on;
    if (!on) this.cancel();
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKey);
    this.cancel();
  }

  private start(point: Pt): void {
    this.cancel();
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'lasso-overlay');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'polyline');
    path.setAttribute('points', `${point.x},${point.y}`);
    svg.appendChild(path);
    this.map.getContainer().appendChild(svg);
    this.drawn = { points: [{ x: point.x, y: point.y }], svg, path };
  }

  private extend(point: Pt): void {
    const d = this.drawn;
    if (!d) return;
    const last = d.points[d.points.length - 1];
    // a point every few pixels is as smooth as the eye sees and keeps the test cheap
    if (Math.abs(last.x - point.x) + Math.abs(last.y - point.y) < 3) return;
    d.points.push({ x: point.x, y: point.y });
    d.path.setAttribute('points', d.points.map((p) => `${p.x},${p.y}`).join(' '));
  }

  private finish(): void {
    const d = this.drawn;
    if (!d) return;
    this.cancel();
    const t = this.target();
    if (!t || !this.map.getLayer(UNIT_LAYERS.fill) || d.points.length < 3) return;
    const xs = d.points.map((p) => p.x);
    const ys = d.points.map((p) => p.y);
    const rendered = new Set<number>();
    for (const f of this.map.queryRenderedFeatures([[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]], { layers: [UNIT_LAYERS.fill] })) {
      if (typeof f.id === 'number') rendered.add(f.id);
    }
    const units = unitsInLasso(t.layer.labelPoint, rendered, (lon, lat) => this.map.project([lon, lat]), d.points);
    if (units.length > 0) this.onUnits(units);
  }

  private cancel(): void {
    this.drawn?.svg.remove();
    this.drawn = null;
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.cancel();
  };
}
