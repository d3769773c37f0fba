import { mulberry32 } from '../random';
import { dist2, movableComponents, unitLoad, type Problem } from './problem';

/**
 * Where each territory starts growing from.
 *
 * A territory that already owns units next to the movable region (a rep's home unit, locked units,
 * units outside the scope) grows from those: its `anchors`. Every other adjustable territory gets
 * one seed unit, chosen k-means++ style: the next seed is drawn with probability ∝ load × D²
 * (D = distance to the nearest seed or anchor so far), which spreads seeds out and puts more of
 * them where the balanced figure is dense. Seeds are shared out among the movable region's
 * connected pieces in proportion to their load, each piece that no anchor reaches getting at
 * least one when there are enough: a territory cannot be contiguous across pieces.
 */
export interface StartPoints {
  /** per territory: units it starts with (already its own or to be claimed) */
  anchors: number[][];
  /** per territory: the unit distances are measured from while growing (−1 = none) */
  center: Int32Array;
  /** movable pieces that got no territory at all (too few territories for the pieces) */
  orphanPieces: number;
  pieces: number;
}

/** Per adjustable territory: its fixed units that touch a movable unit (where it can grow from). */
export function findAnchors(p: Problem): number[][] {
  const { adjStart, adj } = p.g;
  const anchors: number[][] = Array.from({ length: p.k }, () => []);
  for (let u = 0; u < p.n; u++) {
    const t = p.fixedTo[u];
    if (p.movable[u] || t < 0 || p.frozen[t]) continue;
    for (let e = adjStart[u]; e < adjStart[u + 1]; e++) {
      if (p.movable[adj[e]]) {
        anchors[t].push(u);
        break;
      }
    }
  }
  return anchors;
}

export function chooseStartPoints(p: Problem, rand: () => number = mulberry32(p.seed)): StartPoints {
  const { adjStart, adj } = p.g;
  const { comp, count: pieces } = movableComponents(p);
  const anchors = findAnchors(p);
  const center = new Int32Array(p.k).fill(-1);
  const anchoredPiece = new Uint8Array(pieces);
  for (let t = 0; t < p.k; t++) {
    for (const u of anchors[t]) {
      for (let e = adjStart[u]; e < adjStart[u + 1]; e++) if (p.movable[adj[e]]) anchoredPiece[comp[adj[e]]] = 1;
      if (center[t] < 0) center[t] = u;
    }
  }

  const free: number[] = [];
  for (let t = 0; t < p.k; t++) if (!p.frozen[t] && anchors[t].length === 0) free.push(t);

  // share the free territories among pieces by load (largest remainder)
  const load = new Float64Array(p.n);
  const pieceLoad = new Float64Array(pieces);
  let totalLoad = 0;
  for (let u = 0; u < p.n; u++) {
    if (!p.movable[u]) continue;
    // a little weight everywhere so units with no value can still be picked
    load[u] = unitLoad(p, u) + 1e-9;
    pieceLoad[comp[u]] += load[u];
    totalLoad += load[u];
  }
  const share = new Int32Array(pieces);
  const F = free.length;
  if (pieces > 0 && F > 0) {
    const exact = Array.from(pieceLoad, (l) => (F * l) / totalLoad);
    let given = 0;
    for (let c = 0; c < pieces; c++) given += share[c] = Math.floor(exact[c]);
    const order = [...exact.keys()].sort((a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b);
    for (let i = 0; given < F; i = (i + 1) % pieces, given++) share[order[i]]++;
    // a piece no anchor reaches needs a territory of its own; take one from the best-served piece
    const byLoad = [...pieceLoad.keys()].sort((a, b) => pieceLoad[b] - pieceLoad[a] || a - b);
    for (const c of byLoad) {
      if (anchoredPiece[c] || share[c] > 0) continue;
      let donor = -1;
      for (let d = 0; d < pieces; d++) if (share[d] > (anchoredPiece[d] ? 0 : 1) && (donor < 0 || share[d] > share[donor])) donor = d;
      if (donor < 0) break;
      share[donor]--;
      share[c]++;
    }
  }

  // k-means++ inside each piece
  const D = new Float64Array(p.n).fill(Infinity);
  const members: number[][] = Array.from({ length: pieces }, () => []);
  for (let u = 0; u < p.n; u++) if (p.movable[u]) members[comp[u]].push(u);
  for (let t = 0; t < p.k; t++) for (const a of anchors[t]) for (let e = adjStart[a]; e < adjStart[a + 1]; e++) if (p.movable[adj[e]]) D[adj[e]] = 0;
  let next = 0;
  let orphanPieces = 0;
  for (let c = 0; c < pieces; c++) {
    const us = members[c];
    if (share[c] === 0 && !anchoredPiece[c]) orphanPieces++;
    // distances to the anchors touching this piece
    const anchorUnits: number[] = [];
    for (let t = 0; t < p.k; t++) for (const a of anchors[t]) for (let e = adjStart[a]; e < adjStart[a + 1]; e++) if (p.movable[adj[e]] && comp[adj[e]] === c) anchorUnits.push(a);
    if (anchorUnits.length > 0) for (const u of us) for (const a of anchorUnits) D[u] = Math.min(D[u], dist2(p, u, a));
    for (let s = 0; s < share[c]; s++) {
      let total = 0;
      for (const u of us) total += load[u] * (Number.isFinite(D[u]) ? D[u] : 1);
      let r = rand() * total;
      let pick = us[us.length - 1];
      for (const u of us) {
        r -= load[u] * (Number.isFinite(D[u]) ? D[u] : 1);
        if (r <= 0 && D[u] > 0) {
          pick = u;
          break;
        }
      }
      const t = free[next++];
      anchors[t].push(pick);
      center[t] = pick;
      for (const u of us) D[u] = Math.min(D[u], dist2(p, u, pick));
    }
  }
  return { anchors, center, orphanPieces, pieces };
}
