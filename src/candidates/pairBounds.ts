import { CoachmatchError } from '../errors.js';
import { fitLookup, type ProfileLookup } from '../features/fitLookup.js';
import type { FeatureTables } from '../features/featureTables.js';
import { identityPatterns } from '../features/identityPatterns.js';
import { identityShapes } from '../features/identityShapes.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import type { Policy } from '../policies/policy.js';
import { identityBound } from './identityBound.js';

/**
 * Upper bounds on the solver weight of every pair, cheap enough to scan all rows × cols:
 * `weight(i, j) <= multiplier[i] · bound(i, j)` for every pair that is not favoured (a
 * preferred or current coach: those are always candidates). `bound` is the fit policy's term,
 * exact, from profile tables, plus a bound on the identity terms looked up by the pair's
 * identity pattern (which of the heaviest identity attributes the two share), or for a whole
 * row at once by the part of the pattern its coach's class fixes; the conflict, clan and
 * avoid terms only subtract or ban, so they are bounded by 0.
 */
export interface PairBounds {
  readonly rows: number;
  readonly cols: number;
  readonly multiplier: Float64Array;
  /** 1 for a column with places; a column without can take no pair, so it is never a candidate. */
  readonly open: Uint8Array;
  /** Favoured columns of each row (ascending). */
  readonly favoured: readonly (readonly number[])[];
  /**
   * Fills `out[j]` with a bound of (row, j), before the row's multiplier, for every column j:
   * the identity bound of the best pattern the pair's class allows (a few lookups per pair).
   */
  boundRow(row: number, out: Float64Array): void;
  /** A tighter bound of one pair, from its whole identity pattern: at most `boundRow`'s. */
  boundAt(row: number, col: number): number;
}

const builtIn: ReadonlySet<Policy> = new Set(defaultPolicies);

/**
 * Builds the bounds. Only the built-in policies have known bounds.
 *
 * @param base feature tables of the cohort over any pair set (insiderness is per coachee).
 * @throws CoachmatchError `invalidArgument` when a policy is not one of the built-in ones.
 */
export function pairBounds(
  cohort: Cohort,
  base: FeatureTables,
  settings: PolicySettings,
  policies: readonly Policy[],
  multiplier: Float64Array,
  capacity?: Int32Array,
): PairBounds {
  const unknown = policies.filter((p) => !builtIn.has(p)).map((p) => p.name);
  if (unknown.length > 0) {
    throw new CoachmatchError(
      'invalidArgument',
      `candidate pairs need a bound for every policy, and ${unknown.map((n) => JSON.stringify(n)).join(', ')} is not built in: match this cohort with candidates: 'never' (dense), or with the built-in policies`,
    );
  }
  const rows = base.coacheeIds.length;
  const cols = base.coachIds.length;
  const fit = fitLookup(cohort);
  const { aspiration: wa, support: ws } = settings.weights;
  const patterns = identityPatterns(cohort);
  const identity = identityBound(identityShapes(cohort), patterns, base.insiderness, settings);
  const { count: stride, classedCount, classes, colClass } = patterns;
  const colOf = new Map(base.coachIds.map((id, j) => [id, j]));
  const favoured = base.coachees.map((c) => {
    const ids = [...c.preferences, ...(c.currentCoach === undefined ? [] : [c.currentCoach])];
    return [...new Set(ids.map((id) => colOf.get(id)).filter((j): j is number => j !== undefined))].sort((a, b) => a - b);
  });
  const aspiration = weightedTable(fit.aspiration, wa);
  const support = weightedTable(fit.support, ws);
  const aspirationCol = fit.aspiration.table === null ? new Int32Array(cols) : fit.aspiration.colProfile;
  const supportCol = fit.support.table === null ? new Int32Array(cols) : fit.support.colProfile;
  const open = capacity === undefined ? new Uint8Array(cols).fill(1) : Uint8Array.from(capacity, (c) => (c > 0 ? 1 : 0));
  const classed = new Int32Array(classes);
  const classBound = new Float64Array(classes);
  return {
    rows,
    cols,
    multiplier,
    open,
    favoured,
    boundRow(row, out) {
      // Per class of coaches (same codes on the classed attributes), the best identity case;
      // then one pass over small tables: this runs rows × cols times per scan.
      patterns.classedRow(row, classed);
      const t = row * classedCount;
      for (let c = 0; c < classes; c++) classBound[c] = identity.byClassed[t + classed[c]!]!;
      const a = aspiration.offset(row);
      const b = support.offset(row);
      const at = aspiration.values;
      const st = support.values;
      for (let j = 0; j < out.length; j++) out[j] = at[a + aspirationCol[j]!]! + st[b + supportCol[j]!]! + classBound[colClass[j]!]!;
    },
    boundAt(row, col) {
      return (
        aspiration.values[aspiration.offset(row) + aspirationCol[col]!]! +
        support.values[support.offset(row) + supportCol[col]!]! +
        identity.byPattern[row * stride + patterns.patternAt(row, col)]!
      );
    },
  };
}

/**
 * A fit feature's profile table times its weight, with where each row's profile starts (the
 * column profiles index from there); a single entry, the weighted upper bound, when the
 * profiles are too many to tabulate.
 */
function weightedTable(lookup: ProfileLookup, weight: number): { values: Float64Array; offset: (row: number) => number } {
  const { table, rowProfile, colProfiles, upper } = lookup;
  if (table === null) return { values: Float64Array.of(weight * upper), offset: () => 0 };
  return { values: table.map((v) => weight * v), offset: (row) => rowProfile[row]! * colProfiles };
}
