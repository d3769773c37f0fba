import type { LocationSource } from './account';
import { CategoricalBuilder } from './categorical';
import type { AccountTable } from './table';
import { PackedStringsBuilder } from './packed-strings';

/**
 * Builds an AccountTable column by column, for the importer's hot path: the caller writes each
 * field straight into its column, so a million rows need no record objects (AccountTableBuilder
 * adds a push of whole records on top). Every row must get exactly one value in every column:
 * call the text/category pushes, then `pushNumbers`, once per row.
 */
export class AccountColumnsBuilder {
  readonly id: PackedStringsBuilder;
  readonly name: PackedStringsBuilder;
  readonly zip: PackedStringsBuilder;
  readonly street: PackedStringsBuilder;
  readonly city: PackedStringsBuilder;
  readonly state: PackedStringsBuilder;
  readonly segment: CategoricalBuilder;
  readonly classification: CategoricalBuilder;
  readonly owner: CategoricalBuilder;
  readonly extra: PackedStringsBuilder[];
  private n = 0;
  private lat: Float64Array;
  private lon: Float64Array;
  private location: Uint8Array;
  private revenue: Float64Array;
  private potential: Float64Array;
  private visits: Float32Array;

  constructor(
    readonly extraHeaders: readonly string[] = [],
    expectedRows = 1024,
  ) {
    const cap = Math.max(expectedRows, 16);
    this.id = new PackedStringsBuilder(cap, 10);
    this.name = new PackedStringsBuilder(cap, 24);
    this.zip = new PackedStringsBuilder(cap, 5);
    this.street = new PackedStringsBuilder(cap, 20);
    this.city = new PackedStringsBuilder(cap, 10);
    this.state = new PackedStringsBuilder(cap, 2);
    this.segment = new CategoricalBuilder(cap);
    this.classification = new CategoricalBuilder(cap);
    this.owner = new CategoricalBuilder(cap);
    this.extra = extraHeaders.map(() => new PackedStringsBuilder(cap, 8));
    this.lat = new Float64Array(cap);
    this.lon = new Float64Array(cap);
    this.location = new Uint8Array(cap);
    this.revenue = new Float64Array(cap);
    this.potential = new Float64Array(cap);
    this.visits = new Float32Array(cap);
  }

  get length(): number {
    return this.n;
  }

  /**
   * Ends a row: its numbers, read from `values` = [lat, lon, revenue, potential, visits] (NaN for
   * an empty cell). A typed array rather than arguments, so no number is boxed per row.
   */
  pushNumbers(location: LocationSource, values: Float64Array): void {
    if (this.n >= this.lat.length) this.grow();
    const i = this.n++;
    this.lat[i] = values[0];
    this.lon[i] = values[1];
    this.location[i] = location;
    this.revenue[i] = values[2];
    this.potential[i] = values[3];
    this.visits[i] = values[4];
  }

  private grow(): void {
    const cap = this.lat.length * 2;
    const g = <T extends Float64Array | Float32Array | Uint8Array>(a: T, C: new (n: number) => T): T => {
      const b = new C(cap);
      b.set(a);
      return b;
    };
    this.lat = g(this.lat, Float64Array);
    this.lon = g(this.lon, Float64Array);
    this.location = g(this.location, Uint8Array);
    this.revenue = g(this.revenue, Float64Array);
    this.potential = g(this.potential, Float64Array);
    this.visits = g(this.visits, Float32Array);
  }

  finish(): AccountTable {
    const n = this.n;
    return {
      count: n,
      id: this.id.finish(),
      name: this.name.finish(),
      zip: this.zip.finish(),
      street: this.street.finish(),
      city: this.city.finish(),
      state: this.state.finish(),
      lat: this.lat.slice(0, n),
      lon: this.lon.slice(0, n),
      location: this.location.slice(0, n),
      revenue: this.revenue.slice(0, n),
      potential: this.potential.slice(0, n),
      visits: this.visits.slice(0, n),
      segment: this.segment.finish(),
      classification: this.classification.finish(),
      owner: this.owner.finish(),
      extra: this.extraHeaders.map((header, k) => ({ header, values: this.extra[k].finish() })),
    };
  }
}
