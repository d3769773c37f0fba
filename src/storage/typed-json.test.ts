import { describe, expect, it } from 'vitest';
import { fromJson, toJson } from './typed-json';

describe('typed JSON', () => {
  it('round-trips typed arrays with their type and exact bytes, through JSON text', () => {
    const nanBits = new Float64Array([NaN, -0, 1.5, Infinity]);
    const value = {
      f64: nanBits,
      f32: new Float32Array([NaN, 2.5]),
      u8: new Uint8Array([0, 255]),
      u16: new Uint16Array([0, 65535]),
      u32: new Uint32Array([0, 4294967295]),
      view: new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 3),
      buffer: new Uint8Array([9, 8]).buffer,
    };
    const back = fromJson(JSON.parse(JSON.stringify(toJson(value)))) as typeof value;
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(new Uint8Array(back.f64.buffer)).toEqual(new Uint8Array(nanBits.buffer));
    expect(Number.isNaN(back.f32[0])).toBe(true);
    expect(back.u16).toEqual(new Uint16Array([0, 65535]));
    expect(back.u32).toEqual(new Uint32Array([0, 4294967295]));
    // a view stores only its own bytes
    expect(back.view).toEqual(new Uint8Array([2, 3]));
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array([9, 8]));
  });

  it('round-trips numbers JSON cannot say, undefined, dates, and objects with $-keys', () => {
    const value = { nums: [NaN, Infinity, -Infinity, -0, 3], u: undefined, d: new Date(5), tricky: { $typed: 'Float64Array', base64: 'x' }, s: 'ünï' };
    const back = fromJson(JSON.parse(JSON.stringify(toJson(value)))) as typeof value;
    expect(back.nums[0]).toBeNaN();
    expect(back.nums.slice(1)).toEqual([Infinity, -Infinity, -0, 3]);
    expect(Object.is(back.nums[3], -0)).toBe(true);
    expect('u' in back && back.u === undefined).toBe(true);
    expect(back.d).toEqual(new Date(5));
    expect(back.tricky).toEqual({ $typed: 'Float64Array', base64: 'x' });
    expect(back.s).toBe('ünï');
  });

  it('refuses values it cannot restore', () => {
    expect(() => toJson(new Map())).toThrow(TypeError);
  });
});
