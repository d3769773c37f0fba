/** Where an account's coordinates came from; shown on its card so approximate places are visible. */
export const LocationSource = {
  /** latitude/longitude columns of the file */
  Given: 0,
  /** centroid of the account's 5-digit ZIP code */
  Zip: 1,
  /** ZIP not in the table: centre of its 3-digit ZIP area, approximate */
  Zip3: 2,
} as const;
export type LocationSource = (typeof LocationSource)[keyof typeof LocationSource];

export const LOCATION_SOURCE_LABEL: Record<LocationSource, string> = {
  0: 'latitude/longitude from the file',
  1: 'ZIP code centroid',
  2: '3-digit ZIP area (approximate)',
};

/** The standard fields an account can carry; the import maps file columns onto these roles. */
export const ACCOUNT_ROLES = [
  'id',
  'name',
  'lat',
  'lon',
  'zip',
  'street',
  'city',
  'state',
  'revenue',
  'potential',
  'segment',
  'classification',
  'owner',
  'visits',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const ROLE_LABEL: Record<AccountRole, string> = {
  id: 'Account ID',
  name: 'Name',
  lat: 'Latitude',
  lon: 'Longitude',
  zip: 'ZIP code',
  street: 'Street',
  city: 'City',
  state: 'State',
  revenue: 'Last-year revenue',
  potential: 'Revenue potential',
  segment: 'Segment',
  classification: 'Classification',
  owner: 'Owner (rep)',
  visits: 'Visits per year',
};

/** The demo data's vocabulary; imported files may bring other labels, which are kept as they are. */
export const SEGMENTS = ['High-Volume', 'Medium-Volume', 'Small/Cafe', 'High-Potential New'] as const;
export const CLASSIFICATIONS = ['Core', 'Invest', 'Opportunistic', 'Divest'] as const;

/** One account as a plain object: for cards, tests and small data, never for a million rows. */
export interface AccountRecord {
  id: string;
  name: string;
  lat: number;
  lon: number;
  location: LocationSource;
  zip: string;
  street: string;
  city: string;
  state: string;
  /** null when the file left the cell empty (never silently 0) */
  revenue: number | null;
  potential: number | null;
  visits: number | null;
  segment: string;
  classification: string;
  owner: string;
  /** columns of the file that were not mapped to a role, by header */
  extra: Record<string, string>;
}

export interface Rep {
  id: string;
  name: string;
  lat: number;
  lon: number;
  location: LocationSource;
  zip: string;
  /** null when the reps file gives none */
  quota: number | null;
  extra: Record<string, string>;
}
