import { describe, expect, it } from 'vitest';
import { fieldText, guessFields, listFields } from './layer-fields';
import { FEATURE_ID_FIELD, type RawFeature } from './layer-types';

const features = (rows: Record<string, unknown>[], ids?: (string | number)[]): RawFeature[] =>
  rows.map((properties, i) => ({ type: 'Feature', geometry: null, properties, ...(ids ? { id: ids[i] } : {}) }));

const guess = (rows: Record<string, unknown>[], ids?: (string | number)[]) => {
  const fs = features(rows, ids);
  return guessFields(listFields(fs), fs.length);
};

describe('listFields', () => {
  it('lists every property with samples, fill and uniqueness; the feature id first when there is one', () => {
    const fields = listFields(features([{ GEOID: '01001', STATE: 'AL', POP: 5 }, { GEOID: '01003', STATE: 'AL' }, { GEOID: '01005', STATE: 'AL', POP: 7 }], ['x', 'y', 'z']));
    expect(fields.map((f) => f.name)).toEqual([FEATURE_ID_FIELD, 'GEOID', 'STATE', 'POP']);
    expect(fields[1]).toEqual({ name: 'GEOID', filled: 3, distinct: 3, unique: true, maxLength: 5, samples: ['01001', '01003', '01005'] });
    expect(fields[2]).toMatchObject({ distinct: 1, unique: false, samples: ['AL'] });
    expect(fields[3]).toMatchObject({ filled: 2, unique: false });
  });

  it('reads values as text: numbers as written, blanks as empty, dates as ISO days', () => {
    const [f] = features([{ a: 1001, b: '  ', c: null, d: new Date(Date.UTC(2024, 0, 2)), e: ' x ' }]);
    expect(['a', 'b', 'c', 'd', 'e', 'missing'].map((k) => fieldText(f, k))).toEqual(['1001', null, null, '2024-01-02', 'x', null]);
  });
});

describe('guessFields', () => {
  it('US Census ZCTA file: GEOID20 as id, no name field (codes are not names)', () => {
    const rows = ['02139', '02140', '02141', '02142'].map((z, i) => ({
      ZCTA5CE20: z, GEOID20: z, CLASSFP20: 'B5', MTFCC20: 'G6350', FUNCSTAT20: 'S', ALAND20: 1000 + i, INTPTLAT20: `+42.36${i}1`,
    }));
    expect(guess(rows)).toEqual({ id: 'GEOID20', name: null });
  });

  it('US counties: GEOID as id, NAME as name (names repeat across states)', () => {
    const rows = [
      { STATEFP: '01', COUNTYFP: '001', GEOID: '01001', NAME: 'Autauga', NAMELSAD: 'Autauga County', ALAND: 1 },
      { STATEFP: '13', COUNTYFP: '001', GEOID: '13001', NAME: 'Appling', NAMELSAD: 'Appling County', ALAND: 2 },
      { STATEFP: '53', COUNTYFP: '001', GEOID: '53001', NAME: 'Adams', NAMELSAD: 'Adams County', ALAND: 3 },
      { STATEFP: '08', COUNTYFP: '001', GEOID: '08001', NAME: 'Adams', NAMELSAD: 'Adams County', ALAND: 4 },
    ];
    expect(guess(rows)).toEqual({ id: 'GEOID', name: 'NAME' });
  });

  it('Canadian FSAs: CFSAUID as id; the province name is not the unit name', () => {
    const rows = ['M5V', 'M5A', 'K1A', 'H2X'].map((f, i) => ({ CFSAUID: f, DGUID: `2021A0011${f}`, PRUID: '35', PRNAME: 'Ontario', LANDAREA: 1.5 + i }));
    expect(guess(rows)).toEqual({ id: 'CFSAUID', name: null });
  });

  it('a plain layer with the feature id and a name property', () => {
    expect(guess([{ name: 'North' }, { name: 'South' }], ['n', 's'])).toEqual({ id: FEATURE_ID_FIELD, name: 'name' });
  });

  it('names only: the name is the id', () => {
    expect(guess([{ name: 'AB1' }, { name: 'AB10' }, { name: 'AB11' }])).toEqual({ id: 'name', name: null });
  });

  it('no usable id: nothing guessed (the user picks, or generates ids)', () => {
    expect(guess([{ kind: 'a' }, { kind: 'a' }, { kind: 'b' }])).toEqual({ id: null, name: null });
  });

  it('a unique measurement is not an id', () => {
    expect(guess([{ AREA: 1.25, code: 'x1' }, { AREA: 2.5, code: 'x2' }])).toMatchObject({ id: 'code' });
  });
});
