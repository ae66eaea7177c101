import { CoachmatchError } from '../errors.js';
import { fitLookup, type ProfileLookup } from '../features/fitLookup.js';
import type { FeatureTables } from '../features/featureTables.js';
import { identityShapes } from '../features/identityShapes.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import type { Policy } from '../policies/policy.js';
import { identityBound } from './identityBound.js';

/**
 * Upper bounds on the solver weight of every pair, cheap enough to scan all rows × cols:
 * `weight(i, j) <= multiplier[i] · (fit(i, j) + rowBound[i])` for every pair that is not
 * favoured (a preferred or current coach: those are always candidates). `fit` is the fit
 * policy's term, exact, from profile tables; `rowBound` bounds the identity terms; the
 * conflict, clan and avoid terms only subtract or ban, so they are bounded by 0.
 */
export interface PairBounds {
  readonly rows: number;
  readonly cols: number;
  readonly multiplier: Float64Array;
  readonly rowBound: Float64Array;
  /** 1 for a column with places; a column without can take no pair, so it is never a candidate. */
  readonly open: Uint8Array;
  /** Favoured columns of each row (ascending). */
  readonly favoured: readonly (readonly number[])[];
  /** Fills `out[j]` with the exact fit term of (row, j) for every column j. */
  fitRow(row: number, out: Float64Array): void;
  /** The exact fit term of one pair, as {@link fitRow} gives it. */
  fitAt(row: number, col: number): number;
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
  const rowBound = identityBound(identityShapes(cohort), base.insiderness, settings);
  const colOf = new Map(base.coachIds.map((id, j) => [id, j]));
  const favoured = base.coachees.map((c) => {
    const ids = [...c.preferences, ...(c.currentCoach === undefined ? [] : [c.currentCoach])];
    return [...new Set(ids.map((id) => colOf.get(id)).filter((j): j is number => j !== undefined))].sort((a, b) => a - b);
  });
  const aspirationRow = weightedRows(fit.aspiration, wa);
  const supportRow = weightedRows(fit.support, ws);
  const aspirationCol = fit.aspiration.table === null ? new Int32Array(cols) : fit.aspiration.colProfile;
  const supportCol = fit.support.table === null ? new Int32Array(cols) : fit.support.colProfile;
  const open = capacity === undefined ? new Uint8Array(cols).fill(1) : Uint8Array.from(capacity, (c) => (c > 0 ? 1 : 0));
  return {
    rows,
    cols,
    multiplier,
    rowBound,
    open,
    favoured,
    fitRow(row, out) {
      // One pass over two small per-row tables: it runs rows × cols times per scan.
      const a = aspirationRow(row);
      const b = supportRow(row);
      for (let j = 0; j < out.length; j++) out[j] = a[aspirationCol[j]!]! + b[supportCol[j]!]!;
    },
    fitAt(row, col) {
      return aspirationRow(row)[aspirationCol[col]!]! + supportRow(row)[supportCol[col]!]!;
    },
  };
}

/**
 * Per row profile, the feature's row of its table times the weight (column profiles index
 * it); a single entry, the weighted bound, when there is no table.
 */
function weightedRows(lookup: ProfileLookup, weight: number): (row: number) => Float64Array {
  const { table, rowProfile, colProfiles, upper } = lookup;
  if (table === null) {
    const bound = Float64Array.of(weight * upper);
    return () => bound;
  }
  const weighted = table.map((v) => weight * v);
  return (row) => {
    const base = rowProfile[row]! * colProfiles;
    return weighted.subarray(base, base + colProfiles);
  };
}
