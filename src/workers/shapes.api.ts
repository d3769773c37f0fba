import type { AccountTable } from '../core/accounts/table';
import type { CheckRequest, CheckResult } from '../core/shapes/check-service';
import type { ShapeGeometry } from '../core/shapes/shape-types';
import type { LayerSource, ShapesCall } from './shapes.worker';
import type { ShapeEditRequest } from '../core/shapes/edit-service';
import type { Command } from '../core/plan/commands';
import type { GeoResult } from '../core/shapes/shape-types';
import type { UnitLayer } from '../core/units/unit-layer';

export type { CheckResult } from '../core/shapes/check-service';

/**
 * The shapes worker, started on first use: `check` finds a plan's overlaps and gaps. The accounts
 * (positions and revenue, copied) go over once per table.
 */
export class ShapesClient {
  private worker: Worker | null = null;
  private next = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private table: AccountTable | null = null;

  async check(table: AccountTable, req: CheckRequest): Promise<CheckResult> {
    this.useTable(table);
    return (await this.call({ id: 0, method: 'check', args: req }, [])) as CheckResult;
  }

  /** Which shape holds each account (-1 none), computed in the worker: a plan's shapes over a million accounts never block the page. */
  async assign(table: AccountTable, shapes: ShapeGeometry[]): Promise<Int32Array> {
    this.useTable(table);
    return (await this.call({ id: 0, method: 'assign', args: shapes }, [])) as Int32Array;
  }

  /**
   * Builds a drawn-shape edit in the worker. An answer that does not come within `timeoutMs` (a
   * clipping that hangs) stops the worker and comes back as a message; the plan is left as it was.
   */
  async edit(layer: { layerId: string; custom?: LayerSource }, req: ShapeEditRequest, timeoutMs = 20_000): Promise<GeoResult<Command>> {
    if (this.layerId !== layer.layerId || !this.layerReady) {
      this.layerId = layer.layerId;
      this.layerReady = this.call({ id: 0, method: 'setLayer', args: layer.custom ?? { layerId: layer.layerId } }, []);
    }
    try {
      // the worker answers messages as they come: the units must be there before the edit
      await this.layerReady;
    } catch (e) {
      this.layerId = null;
      this.layerReady = null;
      return { ok: false, error: `The units could not be loaded for this edit: ${e instanceof Error ? e.message : String(e)}` };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<GeoResult<Command>>((resolve) => {
      timer = setTimeout(() => {
        this.terminate();
        resolve({ ok: false, error: `The edit took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; the plan is unchanged.` });
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.call({ id: 0, method: 'edit', args: req }, []) as Promise<GeoResult<Command>>, late]);
    } catch (e) {
      return { ok: false, error: `The edit failed: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** A shipped layer (counties, states, ZIP areas) parsed and built in the worker, without its topology. */
  async builtInLayer(layerId: string): Promise<UnitLayer> {
    const layer = this.call({ id: 0, method: 'builtInLayer', args: layerId }, []) as Promise<UnitLayer>;
    this.layerId = layerId;
    this.layerReady = layer;
    return layer;
  }

  /** The layer's units as GeoJSON bytes, made in the worker (which keeps the layer for later edits). */
  async layerGeoJSON(layer: { layerId: string; custom?: LayerSource }): Promise<Uint8Array> {
    const bytes = this.call({ id: 0, method: 'layerGeoJSON', args: layer.custom ?? { layerId: layer.layerId } }, []) as Promise<Uint8Array>;
    this.layerId = layer.layerId;
    this.layerReady = bytes;
    return bytes;
  }

  private layerId: string | null = null;
  private layerReady: Promise<unknown> | null = null;

  private useTable(table: AccountTable): void {
    if (this.table === table) return;
    this.table = table;
    const args = { lon: table.lon.slice(), lat: table.lat.slice(), revenue: table.revenue.slice() };
    void this.call({ id: 0, method: 'setAccounts', args }, [args.lon.buffer, args.lat.buffer, args.revenue.buffer]);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.table = null;
    this.layerId = null;
    this.layerReady = null;
    for (const w of this.waiting.values()) w.reject(new Error('stopped'));
    this.waiting.clear();
  }

  private call(call: ShapesCall, transfer: ArrayBuffer[]): Promise<unknown> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...call, id }, transfer);
    });
  }

  private start(): Worker {
    const worker = new Worker(new URL('./shapes.worker.ts', import.meta.url), { type: 'module', name: 'shapes' });
    worker.addEventListener('message', (e: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string }>) => {
      const w = this.waiting.get(e.data.id);
      if (!w) return;
      this.waiting.delete(e.data.id);
      if (e.data.ok) w.resolve(e.data.result);
      else w.reject(new Error(e.data.error));
    });
    worker.addEventListener('error', (e) => {
      for (const w of this.waiting.values()) w.reject(new Error(e.message || 'the shapes worker failed'));
      this.waiting.clear();
      this.worker = null;
      this.table = null;
      this.layerId = null;
      this.layerReady = null;
    });
    return worker;
  }
}

let shared: ShapesClient | null = null;
/** The one shapes worker of the page (started on first use). */
export const shapesWorker = (): ShapesClient => (shared ??= new ShapesClient());
