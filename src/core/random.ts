/**
 * mulberry32: a tiny seeded PRNG returning floats in [0, 1). Used where a test, benchmark or fixture
 * must replay the same numbers every run; the demo generator has its own (sfc32) because its
 * committed output depends on it.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
