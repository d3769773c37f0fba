/** One ZIP code's place: the centroid used to locate accounts that have no coordinates. */
export interface ZipPlace {
  zip: string;
  lat: number;
  lon: number;
  city: string;
  state: string;
}

/**
 * The offline ZIP table as the importer and generator see it. `get` takes a normalised 5-digit
 * ZIP; `getZip3` gives the centre of a 3-digit ZIP area for ZIPs missing from the table.
 */
export interface ZipLookup {
  readonly size: number;
  get(zip5: string): ZipPlace | undefined;
  getZip3(zip3: string): { lat: number; lon: number } | undefined;
}
