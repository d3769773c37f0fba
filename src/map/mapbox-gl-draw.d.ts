// The part of @mapbox/mapbox-gl-draw 1.5 this app uses (the package ships no types).
declare module '@mapbox/mapbox-gl-draw' {
  import type { Feature, FeatureCollection, Geometry } from 'geojson';
  interface DrawOptions {
    displayControlsDefault?: boolean;
    controls?: Record<string, boolean>;
    userProperties?: boolean;
    keybindings?: boolean;
    boxSelect?: boolean;
    clickBuffer?: number;
    touchBuffer?: number;
    defaultMode?: string;
    styles?: object[];
  }
  export default class MapboxDraw {
    constructor(options?: DrawOptions);
    static constants: { classes: Record<string, string> };
    onAdd(map: unknown): HTMLElement;
    onRemove(map: unknown): void;
    add(geojson: Feature | FeatureCollection | Geometry): string[];
    get(id: string): Feature | undefined;
    getAll(): FeatureCollection;
    getSelectedIds(): string[];
    set(fc: FeatureCollection): string[];
    delete(ids: string | string[]): this;
    deleteAll(): this;
    changeMode(mode: string, options?: object): this;
    getMode(): string;
    trash(): this;
  }
}
