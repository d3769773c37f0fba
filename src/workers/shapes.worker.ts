// Drawn territories off the main thread: which shape holds each account, overlaps and gaps, and
// the edits that clip or split geometry. The logic is in core/shapes (check-service, edit-service).
import { ShapeCheckService, type CheckAccounts, type CheckRequest } from '../core/shapes/check-service';
import { ShapeEditService, type ShapeEditRequest } from '../core/shapes/edit-service';
import type { ShapeGeometry } from '../core/shapes/shape-types';
import { loadShippedLayer } from '../core/units/layers';
import { buildUnitLayer, type UnitLayer } from '../core/units/unit-layer';
import { unitLayerGeoJSON } from '../core/units/unit-geojson';
import { withoutTopology } from '../core/units/slim-layer';
import type { Topology } from 'topojson-specification';

/** Which units the edits work on: a shipped layer by id, or the user's own from its topology. */
export interface LayerSource {
  layerId: string;
  topology?: Topology;
  objectName?: string;
}

export type ShapesCall =
  | { id: number; method: 'setAccounts'; args: CheckAccounts }
  | { id: number; method: 'check'; args: CheckRequest }
  | { id: number; method: 'assign'; args: ShapeGeometry[] }
  | { id: number; method: 'setLayer'; args: LayerSource }
  | { id: number; method: 'edit'; args: ShapeEditRequest }
  | { id: number; method: 'layerGeoJSON'; args: LayerSource }
  | { id: number; method: 'builtInLayer'; args: string };

/**
 * The map's GeoJSON of a shipped layer, started as soon as the layer is built, so it is being made
 * while the page opens the plan (the page asks for it right after); each is handed over once.
 */
const geojsonSoon = new Map<string, Uint8Array>();
const geojsonBytes = (layer: UnitLayer) => new TextEncoder().encode(JSON.stringify(unitLayerGeoJSON(layer)));

const checks = new ShapeCheckService();
const edits = new ShapeEditService();

const builtIn = new Map<string, Promise<UnitLayer>>();

async function loadLayer(src: LayerSource): Promise<UnitLayer> {
  if (src.topology && src.objectName) return buildUnitLayer(src.topology, { layerId: src.layerId, objectName: src.objectName });
  let layer = builtIn.get(src.layerId);
  if (!layer) {
    layer = loadShippedLayer(src.layerId);
    builtIn.set(src.layerId, layer);
    layer.catch(() => builtIn.delete(src.layerId));
  }
  return layer;
}

self.addEventListener('message', async (e: MessageEvent<ShapesCall>) => {
  const call = e.data;
  try {
    let result: unknown;
    let transfer: Transferable[] = [];
    switch (call.method) {
      case 'assign': {
        const owners = checks.assign(call.args);
        result = owners;
        transfer = [owners.buffer];
        break;
      }
      case 'setAccounts':
        result = checks.setAccounts(call.args);
        break;
      case 'check':
        result = checks.check(call.args);
        break;
      case 'setLayer':
        if (edits.layerId !== call.args.layerId || call.args.topology) edits.setLayer(await loadLayer(call.args));
        break;
      case 'edit':
        result = edits.edit(call.args);
        break;
      case 'builtInLayer': {
        // parsed and built here; the page gets the layer without its topology (see withoutTopology)
        const layer = await loadLayer({ layerId: call.args });
        if (edits.layerId !== layer.layerId) edits.setLayer(layer);
        result = withoutTopology(layer);
        setTimeout(() => geojsonSoon.set(layer.layerId, geojsonBytes(layer)));
        break;
      }
      case 'layerGeoJSON': {
        // the same units the edits work on, as GeoJSON text for the map (transferred, never cloned)
        const layer = await loadLayer(call.args);
        if (edits.layerId !== layer.layerId || call.args.topology) edits.setLayer(layer);
        const early = call.args.topology ? undefined : geojsonSoon.get(layer.layerId);
        geojsonSoon.delete(layer.layerId);
        const bytes = early ?? geojsonBytes(layer);
        result = bytes;
        transfer = [bytes.buffer];
        break;
      }
    }
    self.postMessage({ id: call.id, ok: true, result }, { transfer });
  } catch (err) {
    self.postMessage({ id: call.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
