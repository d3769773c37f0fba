/** Scratch buffers for radixSort64, at least as long as the arrays being sorted. */
export interface RadixScratch {
  perm: Uint32Array;
  hi: Uint32Array;
  lo: Uint32Array;
}

export function radixScratch(n: number): RadixScratch {
  return { perm: new Uint32Array(n), hi: new Uint32Array(n), lo: new Uint32Array(n) };
}

/**
 * Stable LSD radix sort of perm[start..end) by unsigned 64-bit keys (hi, lo), which move with it.
 * A comparator sort calls back into JS ~20 million times for a million rows; eight byte-wide
 * passes over typed arrays do not, and passes where every key shares the byte are skipped.
 */
export function radixSort64(
  perm: Uint32Array,
  hi: Uint32Array,
  lo: Uint32Array,
  start: number,
  end: number,
  tmp: RadixScratch,
): void {
  const n = end - start;
  if (n < 2) return;
  // All eight histograms in one read pass.
  const hist = new Uint32Array(8 * 256);
  for (let i = start; i < end; i++) {
    const l = lo[i];
    const h = hi[i];
    hist[l & 255]++;
    hist[256 + ((l >>> 8) & 255)]++;
    hist[512 + ((l >>> 16) & 255)]++;
    hist[768 + (l >>> 24)]++;
    hist[1024 + (h & 255)]++;
    hist[1280 + ((h >>> 8) & 255)]++;
    hist[1536 + ((h >>> 16) & 255)]++;
    hist[1792 + (h >>> 24)]++;
  }
  let sp = perm, sh = hi, sl = lo;
  let dp = tmp.perm, dh = tmp.hi, dl = tmp.lo;
  const next = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const base = pass * 256;
    let trivial = false;
    let at = start;
    for (let b = 0; b < 256; b++) {
      const c = hist[base + b];
      if (c === n) trivial = true;
      next[b] = at;
      at += c;
    }
    if (trivial) continue;
    const shift = (pass & 3) * 8;
    const useHi = pass >= 4;
    for (let i = start; i < end; i++) {
      const b = ((useHi ? sh[i] : sl[i]) >>> shift) & 255;
      const p = next[b]++;
      dp[p] = sp[i];
      dh[p] = sh[i];
      dl[p] = sl[i];
    }
    [sp, dp] = [dp, sp];
    [sh, dh] = [dh, sh];
    [sl, dl] = [dl, sl];
  }
  if (sp !== perm) {
    perm.set(sp.subarray(start, end), start);
    hi.set(sh.subarray(start, end), start);
    lo.set(sl.subarray(start, end), start);
  }
}
