import type { IdentityShapes } from '../features/identityShapes.js';
import type { PolicySettings } from '../model/policySettings.js';
import { coacheeType } from '../policies/coacheeType.js';

/** Beyond this many attributes per coachee the exact enumeration gives way to a coarser bound. */
const ENUMERATION_LIMIT = 12;

/**
 * Per coachee, an upper bound on what the identity terms (common ground, difference, the
 * insider's shortfall penalty, scarcity) add to any pair with this coachee. It enumerates
 * which attributes a coach could share, miss or differ on, and takes the best case of each:
 * common ground exact for the shared weight, difference at its largest, rarity at its
 * largest. A pair can only do worse, so the bound is safe for pruning.
 */
export function identityBound(shapes: IdentityShapes, insiderness: Float64Array, settings: PolicySettings): Float64Array {
  const { rows, attributes: n, weight, sharedDifference, rarity, coachMayMiss } = shapes;
  const { weights, minDifferenceForInsiders: minDiff, minDifferencePenalty } = settings;
  const out = new Float64Array(rows);
  const w = new Float64Array(n);
  const delta = new Float64Array(n);
  const rho = new Float64Array(n);
  const miss = new Uint8Array(n);
  for (let i = 0; i < rows; i++) {
    const s = insiderness[i]!;
    const cgWeight = 2 * (1 - s) * weights.commonGround;
    const diffWeight = 2 * s * weights.difference;
    const scarcityWeight = weights.scarcity * (1 - s);
    const penalised = coacheeType(s, settings) === 'insider' && minDiff > 0;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const wk = weight[i * n + k]!;
      if (wk === 0) continue;
      w[m] = wk;
      delta[m] = sharedDifference[i * n + k]!;
      rho[m] = rarity[i * n + k]!;
      miss[m] = coachMayMiss[k]!;
      m++;
    }
    const value = (units: number, diffSum: number, diffTotal: number, rare: number) => {
      const diff = diffTotal > 0 ? diffSum / diffTotal : 0;
      const cg = units > 0 ? 1 - Math.pow(2, -units) : 0;
      const shortfall = penalised ? minDifferencePenalty * Math.max(0, minDiff - diff) : 0;
      return cgWeight * cg + diffWeight * diff + scarcityWeight * rare - shortfall;
    };
    if (m > ENUMERATION_LIMIT) {
      let units = 0;
      let rare = 0;
      for (let k = 0; k < m; k++) {
        units += w[k]!;
        rare = Math.max(rare, rho[k]!);
      }
      out[i] = cgWeight * (1 - Math.pow(2, -units)) + diffWeight + scarcityWeight * rare;
      continue;
    }
    let best = value(0, 0, 0, 0);
    // Depth-first over the attributes: shared, different, or (when a coach may lack it) missing.
    const visit = (k: number, units: number, diffSum: number, diffTotal: number, rare: number): void => {
      if (k === m) {
        best = Math.max(best, value(units, diffSum, diffTotal, rare));
        return;
      }
      const wk = w[k]!;
      visit(k + 1, units + wk, diffSum + wk * delta[k]!, diffTotal + wk, Math.max(rare, rho[k]!));
      visit(k + 1, units, diffSum + wk, diffTotal + wk, rare);
      if (miss[k]) visit(k + 1, units, diffSum, diffTotal, rare);
    };
    visit(0, 0, 0, 0, 0);
    out[i] = best;
  }
  return out;
}
