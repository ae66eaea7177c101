import type { PairSet } from '../pairSet.js';
import { commonGroundScore } from '../commonGroundScore.js';
import { popcount, type EncodedIdentity } from './encodeIdentity.js';

/** Per-pair running sums of the identity attributes, filled attribute by attribute. */
export interface IdentitySums {
  /** Weighted count of shared attributes (common ground's units). */
  readonly units: Float64Array;
  readonly diffSum: Float64Array;
  readonly diffWeight: Float64Array;
  readonly sharedRarity: Float64Array;
}

/** Adds one identity attribute of weight `w` (`scaled` = w over the largest weight) to the sums of every pair. */
export function addIdentityPairs(e: EncodedIdentity, pairs: PairSet, w: number, scaled: number, sums: IdentitySums): void {
  const { rows: nR, cols: nC, rowStart, colIndex } = pairs;
  for (let i = 0; i < nR; i++) {
    if (rowStart[i] !== rowStart[i + 1]) addIdentityRow(e, nC, i, colIndex, rowStart[i]!, rowStart[i + 1]!, w, scaled, sums);
  }
}

/**
 * Adds one identity attribute to the sums of row i's pairs with columns `colIndex[p]`, for p
 * in [from, to): the sums are indexed by p. One row at a time serves both the feature tables
 * and a bound that needs a few pairs of one row.
 */
export function addIdentityRow(
  e: EncodedIdentity,
  nC: number,
  i: number,
  colIndex: Int32Array,
  from: number,
  to: number,
  w: number,
  scaled: number,
  sums: IdentitySums,
): void {
  const { units, diffSum, diffWeight, sharedRarity } = sums;
  if (e.kind === 'codes') {
    const { rows, cols, colCount } = e;
    const a = rows[i]!;
    if (a < 0) return;
    const rare = scaled * (1 - colCount[a]! / nC);
    for (let p = from; p < to; p++) {
      const b = cols[colIndex[p]!]!;
      if (b < 0) continue;
      diffWeight[p]! += w;
      if (a === b) {
        units[p]! += w;
        if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
      } else {
        diffSum[p]! += w;
      }
    }
  } else if (e.kind === 'numeric') {
    const { rows, cols, colShare } = e;
    const { scale, sharedWithin } = e.declaration;
    const span = scale.max - scale.min;
    const a = rows[i]!;
    if (Number.isNaN(a)) return;
    for (let p = from; p < to; p++) {
      const j = colIndex[p]!;
      const b = cols[j]!;
      if (Number.isNaN(b)) continue;
      const d = Math.abs(a - b);
      const closeness = span > 0 ? Math.min(1, Math.max(0, 1 - d / span)) : a === b ? 1 : 0;
      diffWeight[p]! += w;
      diffSum[p]! += w * (1 - closeness);
      if (d <= sharedWithin) {
        units[p]! += w;
        const rare = scaled * (1 - colShare[j]!);
        if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
      }
    }
  } else {
    const { rows, cols, rowHas, colHas, colCount, words } = e;
    if (rowHas[i] === 0) return;
    for (let p = from; p < to; p++) {
      const j = colIndex[p]!;
      if (colHas[j] === 0) continue;
      let inter = 0;
      let union = 0;
      let rarest = 0;
      for (let k = 0; k < words; k++) {
        const x = rows[i * words + k]!;
        const y = cols[j * words + k]!;
        let both = x & y;
        inter += popcount(both);
        union += popcount(x | y);
        while (both !== 0) {
          const low = both & -both;
          const r = 1 - colCount[k * 32 + (31 - Math.clz32(low))]! / nC;
          if (r > rarest) rarest = r;
          both ^= low;
        }
      }
      diffWeight[p]! += w;
      diffSum[p]! += w * (1 - inter / union);
      if (inter > 0) {
        units[p]! += w;
        const rare = scaled * rarest;
        if (rare > sharedRarity[p]!) sharedRarity[p] = rare;
      }
    }
  }
}

/**
 * In place, for p in [from, to): units become common ground ({@link commonGroundScore}) and the weighted
 * difference sum becomes the mean difference (`units` and `diffSum` then hold the features).
 */
export function finishIdentitySums(sums: IdentitySums, from: number, to: number): void {
  const { units, diffSum, diffWeight } = sums;
  for (let p = from; p < to; p++) {
    const u = units[p]!;
    if (u > 0) units[p] = commonGroundScore(u);
    const dw = diffWeight[p]!;
    diffSum[p] = dw > 0 ? diffSum[p]! / dw : 0;
  }
}

/**
 * Per pair, 1 when some weighted identity attribute is known on both sides (the pair's summed
 * difference weight is above 0), else 0: a difference of 0 without such an attribute is no
 * evidence of sameness.
 */
export function differenceKnownOf(diffWeight: Float64Array): Uint8Array {
  const known = new Uint8Array(diffWeight.length);
  for (let p = 0; p < diffWeight.length; p++) if (diffWeight[p]! > 0) known[p] = 1;
  return known;
}
