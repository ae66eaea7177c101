import type { IdentityPatterns } from '../features/identityPatterns.js';
import { commonGroundScore } from '../features/commonGroundScore.js';
import type { IdentityShapes } from '../features/identityShapes.js';
import type { PolicySettings } from '../model/policySettings.js';
import { coacheeType } from '../policies/coacheeType.js';

/** Beyond this many attributes outside the pattern the exact enumeration gives way to a coarser bound. */
const ENUMERATION_LIMIT = 12;

/**
 * How a coachee of insiderness `s` weighs the identity features: the similarity-diversity and
 * scarcity policies' per-row weights, and the insider's shortfall penalty (0 when none applies).
 */
export interface IdentityWeights {
  readonly commonGround: number;
  readonly difference: number;
  readonly scarcity: number;
  readonly shortfallPenalty: number;
}

export function identityWeights(s: number, settings: PolicySettings): IdentityWeights {
  const { weights, minDifferenceForInsiders: minDiff } = settings;
  return {
    commonGround: 2 * (1 - s) * weights.commonGround,
    difference: 2 * s * weights.difference,
    scarcity: weights.scarcity * (1 - s),
    shortfallPenalty: minDiff > 0 && coacheeType(s, settings) === 'insider' ? settings.minDifferencePenalty : 0,
  };
}

/** The identity terms of a pair from its features, as the policies add them up (in another order). */
export function identityTerms(w: IdentityWeights, commonGround: number, difference: number, sharedRarity: number, minDifference: number): number {
  const shortfall = w.shortfallPenalty > 0 ? w.shortfallPenalty * Math.max(0, minDifference - difference) : 0;
  return w.commonGround * commonGround + w.difference * difference + w.scarcity * sharedRarity - shortfall;
}

/** {@link identityBound}'s table, filled row by row as rows are asked for. */
export interface IdentityBoundTable {
  /** Row-major `rows × patterns.count`; a row's entries are meaningful once {@link fill} has seen it. */
  readonly values: Float64Array;
  /** Computes row i's entries, unless done before. */
  fill(row: number): void;
}

/**
 * Per coachee and per identity pattern (see {@link IdentityPatterns}), an upper bound on what
 * the identity terms (common ground, difference, the insider's shortfall penalty, scarcity)
 * add to any pair of that coachee with that pattern (row-major `rows × patterns.count`). The
 * pattern fixes which of its attributes the pair shares, differs on or skips; the other
 * attributes are enumerated (shared, different, or missing when a coach may lack them) and
 * the best case taken, with difference and rarity at their largest. A pair can only do
 * worse, so the bound is safe for pruning. Rows are computed when first asked for: a helper
 * thread that scans half the rows pays for that half (at 100,000 coachees, 1.6 s a thread
 * for every row).
 */
export function identityBound(shapes: IdentityShapes, patterns: IdentityPatterns, insiderness: Float64Array, settings: PolicySettings): IdentityBoundTable {
  const { rows, attributes: n, weight, sharedDifference, rarity, coachMayMiss } = shapes;
  const minDiff = settings.minDifferenceForInsiders;
  const count = patterns.count;
  const out = new Float64Array(rows * count);
  const inPattern = new Uint8Array(n);
  for (const k of patterns.attributes) inPattern[k] = 1;
  const w = new Float64Array(n);
  const delta = new Float64Array(n);
  const rho = new Float64Array(n);
  const miss = new Uint8Array(n);
  const done = new Uint8Array(rows);
  const fill = (i: number): void => {
    if (done[i] === 1) return;
    done[i] = 1;
    const rowWeights = identityWeights(insiderness[i]!, settings);
    // The attributes outside the pattern that this coachee holds.
    let m = 0;
    for (let k = 0; k < n; k++) {
      const wk = weight[i * n + k]!;
      if (wk === 0 || inPattern[k] === 1) continue;
      w[m] = wk;
      delta[m] = sharedDifference[i * n + k]!;
      rho[m] = rarity[i * n + k]!;
      miss[m] = coachMayMiss[k]!;
      m++;
    }
    const value = (units: number, diffSum: number, diffTotal: number, rare: number) =>
      identityTerms(rowWeights, commonGroundScore(units), diffTotal > 0 ? diffSum / diffTotal : 0, rare, minDiff);
    let best = -Infinity;
    // Depth-first over the other attributes: shared, different, or (when a coach may lack it) missing.
    const visit = (k: number, u: number, dSum: number, dTotal: number, r: number): void => {
      if (k === m) {
        best = Math.max(best, value(u, dSum, dTotal, r));
        return;
      }
      const wk = w[k]!;
      visit(k + 1, u + wk, dSum + wk * delta[k]!, dTotal + wk, Math.max(r, rho[k]!));
      visit(k + 1, u, dSum + wk, dTotal + wk, r);
      if (miss[k]) visit(k + 1, u, dSum, dTotal, r);
    };
    let restUnits = 0;
    let restRare = 0;
    for (let k = 0; k < m; k++) {
      restUnits += w[k]!;
      restRare = Math.max(restRare, rho[k]!);
    }
    for (let pattern = 0; pattern < count; pattern++) {
      // What the pattern's attributes add, exactly as to shared or not.
      let units = 0;
      let diffSum = 0;
      let diffTotal = 0;
      let rare = 0;
      for (let q = 0; q < patterns.attributes.length; q++) {
        const k = patterns.attributes[q]!;
        const wk = weight[i * n + k]!;
        if (wk === 0) continue;
        const standing = Math.floor(pattern / patterns.place[q]!) % patterns.radix[q]!;
        if (standing === 1) {
          units += wk;
          diffSum += wk * sharedDifference[i * n + k]!;
          diffTotal += wk;
          rare = Math.max(rare, rarity[i * n + k]!);
        } else if (standing === 0) {
          diffSum += wk;
          diffTotal += wk;
        }
      }
      if (m > ENUMERATION_LIMIT) {
        // Everything outside the pattern shared, and every difference at its largest.
        out[i * count + pattern] = rowWeights.commonGround * commonGroundScore(units + restUnits) + rowWeights.difference + rowWeights.scarcity * Math.max(rare, restRare);
        continue;
      }
      best = -Infinity;
      visit(0, units, diffSum, diffTotal, rare);
      out[i * count + pattern] = best;
    }
  };
  return { values: out, fill };
}
