import { describe, expect, it } from 'vitest';
import { KM_PER_MILE } from '../units/sphere';
import { DEFAULT_WORKLOAD, speedKmh, travelHoursPerVisit, visitsPerYear, withDistanceUnit, workloadFromSums, workloadHours } from './workload';
import { deviationFromMeanPct, density, polsbyPopper } from './measures';

const TEN_MILES_KM = 10 * KM_PER_MILE;

describe('workload', () => {
  it('takes visits from the account, else from its classification, else the default', () => {
    expect(visitsPerYear(6, 'Core', DEFAULT_WORKLOAD)).toBe(6);
    expect(visitsPerYear(NaN, 'Core', DEFAULT_WORKLOAD)).toBe(12);
    expect(visitsPerYear(NaN, 'Invest', DEFAULT_WORKLOAD)).toBe(8);
    expect(visitsPerYear(NaN, 'Opportunistic', DEFAULT_WORKLOAD)).toBe(4);
    expect(visitsPerYear(NaN, 'Divest', DEFAULT_WORKLOAD)).toBe(2);
    expect(visitsPerYear(NaN, 'Strategic', DEFAULT_WORKLOAD)).toBe(4);
    expect(visitsPerYear(NaN, '', DEFAULT_WORKLOAD)).toBe(4);
    expect(visitsPerYear(0, 'Core', DEFAULT_WORKLOAD)).toBe(0);
    expect(visitsPerYear(-3, 'Core', DEFAULT_WORKLOAD)).toBe(0);
  });

  it('matches a hand computation: Core account 10 miles from the rep, defaults', () => {
    // round trip 2 × 10 mi × 1.3 road factor = 26 mi at 35 mph = 0.742857 h per visit
    expect(travelHoursPerVisit(TEN_MILES_KM, DEFAULT_WORKLOAD)).toBeCloseTo(26 / 35, 12);
    // 12 visits × (1 h + 0.742857 h) = 20.914286 h
    expect(workloadHours(12, TEN_MILES_KM, DEFAULT_WORKLOAD)).toBeCloseTo(12 * (1 + 26 / 35), 12);
    expect(workloadHours(12, TEN_MILES_KM, DEFAULT_WORKLOAD)).toBeCloseTo(20.914286, 6);
  });

  it('one way halves the travel; no rep means no travel', () => {
    const oneWay = { ...DEFAULT_WORKLOAD, trip: 'oneWay' as const };
    expect(travelHoursPerVisit(TEN_MILES_KM, oneWay)).toBeCloseTo(13 / 35, 12);
    expect(workloadHours(12, null, DEFAULT_WORKLOAD)).toBe(12);
    expect(travelHoursPerVisit(NaN, DEFAULT_WORKLOAD)).toBe(0);
  });

  it('reads speed in the chosen unit, and switching units keeps the figures', () => {
    const km = { ...DEFAULT_WORKLOAD, distanceUnit: 'km' as const, speed: 50 };
    // 2 × 20 km × 1.3 / 50 km/h = 1.04 h
    expect(travelHoursPerVisit(20, km)).toBeCloseTo(1.04, 12);
    expect(speedKmh(DEFAULT_WORKLOAD)).toBeCloseTo(35 * KM_PER_MILE, 12);
    const switched = withDistanceUnit(DEFAULT_WORKLOAD, 'km');
    expect(switched.speed).toBeCloseTo(56.32704, 9);
    expect(travelHoursPerVisit(TEN_MILES_KM, switched)).toBeCloseTo(travelHoursPerVisit(TEN_MILES_KM, DEFAULT_WORKLOAD), 12);
  });

  it('a sum of accounts equals the workload from the two sums', () => {
    const accounts = [
      [12, 5],
      [4, 30.5],
      [2, 0],
      [8, 112],
    ];
    const each = accounts.reduce((s, [v, d]) => s + workloadHours(v, d, DEFAULT_WORKLOAD), 0);
    const visits = accounts.reduce((s, [v]) => s + v, 0);
    const visitKm = accounts.reduce((s, [v, d]) => s + v * d, 0);
    expect(workloadFromSums(visits, visitKm, true, DEFAULT_WORKLOAD)).toBeCloseTo(each, 9);
    expect(workloadFromSums(visits, visitKm, false, DEFAULT_WORKLOAD)).toBe(visits);
  });
});

describe('measures', () => {
  it('Polsby-Popper: 1 for a disc, π/4 for a square', () => {
    expect(polsbyPopper(Math.PI * 4, 2 * Math.PI * 2)).toBeCloseTo(1, 12);
    expect(polsbyPopper(100, 40)).toBeCloseTo(Math.PI / 4, 12);
    expect(polsbyPopper(0, 0)).toBeNaN();
  });

  it('density per km² and per mi²', () => {
    expect(density(100, 50, 'km')).toBe(2);
    expect(density(100, KM_PER_MILE ** 2, 'mi')).toBeCloseTo(100, 9);
    expect(density(5, 0, 'km')).toBeNaN();
  });

  it('deviation from the mean, in percent', () => {
    const { mean, deviationPct } = deviationFromMeanPct([90, 110, 100, 100]);
    expect(mean).toBe(100);
    expect([...deviationPct]).toEqual([-10, 10, 0, 0]);
    expect(deviationFromMeanPct([0, 0]).deviationPct[0]).toBeNaN();
  });
});
