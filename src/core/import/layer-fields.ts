import { FEATURE_ID_FIELD, type FieldGuess, type LayerField, type RawFeature } from './layer-types';

/**
 * The property fields of a boundary layer, for the id/name picker, and a guess at both. The id
 * field should be filled, unique and short: the codes statistical offices publish (GEOID,
 * ZCTA5CE20, CFSAUID, LAD21CD…), then anything called id or code. The name field holds words.
 */

/** A property value as text (ids compare as text: "01001" and 1001 are different ids); null when empty. */
export function fieldText(f: RawFeature, field: string): string | null {
  const v = field === FEATURE_ID_FIELD ? f.id : f.properties?.[field];
  if (v === null || v === undefined) return null;
  let s: string;
  if (typeof v === 'string') s = v.trim();
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = String(v);
  else if (v instanceof Date) s = Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  else s = JSON.stringify(v);
  return s === '' ? null : s;
}

const SAMPLES = 5;

export function listFields(features: RawFeature[]): LayerField[] {
  const names: string[] = [];
  const seen = new Set<string>();
  if (features.some((f) => f.id !== undefined && f.id !== null)) {
    names.push(FEATURE_ID_FIELD);
    seen.add(FEATURE_ID_FIELD);
  }
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) {
      if (!seen.has(k)) {
        seen.add(k);
        names.push(k);
      }
    }
  }
  return names.map((name) => {
    const values = new Set<string>();
    let filled = 0;
    let maxLength = 0;
    for (const f of features) {
      const t = fieldText(f, name);
      if (t === null) continue;
      filled++;
      values.add(t);
      if (t.length > maxLength) maxLength = t.length;
    }
    const samples: string[] = [];
    for (const v of values) {
      if (samples.length === SAMPLES) break;
      samples.push(v);
    }
    return { name, filled, distinct: values.size, unique: filled === features.length && values.size === filled, maxLength, samples };
  });
}

// best first; compared without case and without a trailing census year (GEOID20 → geoid)
const ID_NAMES = ['geoid', 'zcta5ce', 'zcta5', 'zcta', 'cfsauid', 'fsa', 'postcode', 'postdist', 'pc_district', 'plz', 'fips', 'id', 'code', 'key'];
const NAME_NAMES = ['name', 'namelsad', 'name_en', 'label', 'title', 'cfsaname', 'district', 'region', 'nom'];

const bare = (name: string): string => name.toLowerCase().replace(/(19|20)?\d\d$/, '');

/** A score for the field as unit id; ≤ 0 means "not an id". */
function idScore(f: LayerField, count: number): number {
  if (count === 0 || f.filled === 0) return 0;
  const uniqueness = f.distinct / count;
  const b = bare(f.name);
  const known = f.name === FEATURE_ID_FIELD ? ID_NAMES.indexOf('id') : ID_NAMES.indexOf(b);
  // a known id field stays the guess with a few duplicates or gaps (they are reported); any
  // other field must be nearly unique, or it is a category (state, type)
  if (uniqueness < (known >= 0 ? 0.5 : 0.9)) return 0;
  let score = uniqueness * 50 + (f.unique ? 50 : 0);
  if (known >= 0) score += 100 - known * 4;
  else if (/(^|_)(id|code|cd|fips|geoid)$|(id|code|cd)$/i.test(b)) score += 40;
  // ids are short codes, names are words: prefer short values without spaces
  if (f.maxLength <= 12) score += 10;
  if (f.samples.some((s) => /\s/.test(s))) score -= 30;
  // a unique measurement (area, population, a centroid's latitude) is not an id
  if (f.samples.length > 0 && f.samples.every((s) => /^-?\d+\.\d+$/.test(s))) score -= 60;
  return score;
}

function nameScore(f: LayerField, count: number): number {
  if (count === 0 || f.filled === 0 || f.name === FEATURE_ID_FIELD) return 0;
  const wordy = f.samples.filter((s) => /\p{L}/u.test(s)).length / Math.max(1, f.samples.length);
  if (wordy < 0.5) return 0;
  const b = bare(f.name);
  const known = NAME_NAMES.indexOf(b);
  const nameLike = known >= 0 || /(name|nm|nom)$/i.test(b);
  // units' names mostly differ (county names repeat across states, about 1 in 2 is distinct);
  // a field where they mostly repeat names something bigger, like the province (PRNAME)
  const distinct = f.distinct / f.filled;
  if (distinct < (nameLike ? 0.3 : 0.9)) return 0;
  // an unnamed field counts only when it holds words (spaces, lower case), not codes (MTFCC G6350)
  if (!nameLike && !f.samples.some((s) => /\s|\p{Ll}/u.test(s))) return 0;
  let score = (f.filled / count) * 20 + distinct * 20 + wordy * 20;
  if (known >= 0) score += 100 - known * 5;
  else if (nameLike) score += 60;
  return score;
}

export function guessFields(fields: LayerField[], featureCount: number): FieldGuess {
  const best = (score: (f: LayerField) => number, exclude?: string | null): string | null => {
    let pick: string | null = null;
    let top = 0;
    for (const f of fields) {
      if (f.name === exclude) continue;
      const s = score(f);
      if (s > top) {
        top = s;
        pick = f.name;
      }
    }
    return pick;
  };
  const id = best((f) => idScore(f, featureCount));
  const name = best((f) => nameScore(f, featureCount), id);
  return { id, name };
}
