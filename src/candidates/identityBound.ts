import { scarcityWeight, similarityWeights } from '../policies/identityBalance.js';
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
  const { minDifferenceForInsiders: minDiff } = settings;
  // Field by field: an object spread here took about 3 µs a call on Node 20, against 0.08 µs.
  const { commonGround, difference } = similarityWeights(s, settings);
  return {
    commonGround,
    difference,
    scarcity: scarcityWeight(s, settings),
    shortfallPenalty: minDiff > 0 && coacheeType(s, settings) === 'insider' ? settings.minDifferencePenalty : 0,
  };
}

/**
 * The identity terms of a pair from its features, as the policies add them up (in another
 * order). A pair whose difference is not `known` (no weighted identity attribute on both
 * sides) has no shortfall: its 0 is no evidence of sameness.
 */
export function identityTerms(w: IdentityWeights, commonGround: number, difference: number, known: boolean, sharedRarity: number, minDifference: number): number {
  const shortfall = known && w.shortfallPenalty > 0 ? w.shortfallPenalty * Math.max(0, minDifference - difference) : 0;
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
 * thread that scans some of the rows pays for those (see {@link Leaves} for the cost).
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
  const leaves = new Leaves();
  const parts = { units: new Float64Array(count), diffSum: new Float64Array(count), diffTotal: new Float64Array(count), rare: new Float64Array(count) };
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
    // The other attributes' cases, depth-first, once for the row (each pattern then takes the
    // best of them): shared, different, or (when a coach may lack it) missing.
    leaves.clear();
    const visit = (k: number, u: number, dSum: number, dTotal: number, r: number): void => {
      if (k === m) {
        leaves.add(u, dSum, dTotal, r);
        return;
      }
      const wk = w[k]!;
      visit(k + 1, u + wk, dSum + wk * delta[k]!, dTotal + wk, Math.max(r, rho[k]!));
      visit(k + 1, u, dSum + wk, dTotal + wk, r);
      if (miss[k]) visit(k + 1, u, dSum, dTotal, r);
    };
    if (m <= ENUMERATION_LIMIT) visit(0, 0, 0, 0, 0);
    let restUnits = 0;
    let restRare = 0;
    for (let k = 0; k < m; k++) {
      restUnits += w[k]!;
      restRare = Math.max(restRare, rho[k]!);
    }
    // What each pattern's attributes add, exactly as to shared or not: built up one attribute
    // at a time (the first least significant), each standing's block a copy of the patterns
    // so far plus that standing's part.
    parts.units[0] = 0;
    parts.diffSum[0] = 0;
    parts.diffTotal[0] = 0;
    parts.rare[0] = 0;
    for (let q = 0, size = 1; q < patterns.attributes.length; q++) {
      const k = patterns.attributes[q]!;
      const wk = weight[i * n + k]!;
      const radix = patterns.radix[q]!;
      for (let standing = radix - 1; standing >= 0; standing--) {
        // A coachee without a value: the attribute adds nothing, whatever the standing.
        const shared = wk > 0 && standing === 1;
        const differenceShare = patterns.differenceBound(q, standing);
        const differs = wk > 0 && !shared && !Number.isNaN(differenceShare);
        const addUnits = shared ? wk : 0;
        const addDiffSum = shared ? wk * sharedDifference[i * n + k]! : differs ? wk * differenceShare : 0;
        const addDiffTotal = shared || differs ? wk : 0;
        const addRare = shared ? rarity[i * n + k]! : 0;
        // Standing 0 last, in place: the blocks above read the patterns so far first.
        for (let at = 0, to = standing * size; at < size; at++, to++) {
          parts.units[to] = parts.units[at]! + addUnits;
          parts.diffSum[to] = parts.diffSum[at]! + addDiffSum;
          parts.diffTotal[to] = parts.diffTotal[at]! + addDiffTotal;
          parts.rare[to] = Math.max(parts.rare[at]!, addRare);
        }
      }
      size *= radix;
    }
    for (let pattern = 0; pattern < count; pattern++) {
      const units = parts.units[pattern]!;
      const diffSum = parts.diffSum[pattern]!;
      const diffTotal = parts.diffTotal[pattern]!;
      const rare = parts.rare[pattern]!;
      if (m > ENUMERATION_LIMIT) {
        // Everything outside the pattern shared, and every difference at its largest; no
        // shortfall (known or not, it only subtracts).
        out[i * count + pattern] = rowWeights.commonGround * commonGroundScore(units + restUnits) + rowWeights.difference + rowWeights.scarcity * Math.max(rare, restRare);
        continue;
      }
      let best = -Infinity;
      const { units: leafUnits, diffSum: leafDiffSum, diffTotal: leafDiffTotal, rare: leafRare } = leaves;
      for (let l = 0; l < leaves.size; l++) {
        // The case fixes which attributes are known on both sides (weight in the total), so
        // whether the difference is known at all is exact here, not bounded: the all-unknown
        // case has no shortfall, as the policy gives none.
        const total = diffTotal + leafDiffTotal[l]!;
        const value = identityTerms(rowWeights, commonGroundScore(units + leafUnits[l]!), total > 0 ? (diffSum + leafDiffSum[l]!) / total : 0, total > 0, Math.max(rare, leafRare[l]!), minDiff);
        if (value > best) best = value;
      }
      out[i * count + pattern] = best;
    }
  };
  return { values: out, fill };
}

/**
 * The cases of a row's attributes outside the pattern (their units, difference sum and
 * weight, and rarity), enumerated once and read by every pattern. With a walk of the cases
 * per pattern and each pattern's part summed attribute by attribute, 50,000 coachees of the
 * 100,000 × 10,000 bench cohort (80 patterns) took 1.27–1.38 s; with both built once per
 * row, 0.57–0.84 s.
 */
class Leaves {
  units = new Float64Array(16);
  diffSum = new Float64Array(16);
  diffTotal = new Float64Array(16);
  rare = new Float64Array(16);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  add(units: number, diffSum: number, diffTotal: number, rare: number): void {
    if (this.size === this.units.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length);
        b.set(a);
        return b;
      };
      this.units = grow(this.units);
      this.diffSum = grow(this.diffSum);
      this.diffTotal = grow(this.diffTotal);
      this.rare = grow(this.rare);
    }
    this.units[this.size] = units;
    this.diffSum[this.size] = diffSum;
    this.diffTotal[this.size] = diffTotal;
    this.rare[this.size++] = rare;
  }
}
