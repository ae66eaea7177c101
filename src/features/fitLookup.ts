import type { Cohort } from '../model/cohort.js';
import { supportKinds } from '../model/supportKinds.js';
import { sparsePairSet, type PairSet } from './pairSet.js';
import { supportFit } from './supportFit.js';
import { aspirationPairs } from './_internals/aspirationPairs.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import { profiles, type Profiles } from './_internals/profiles.js';
import { isSettledCohort } from '../model/isSettledCohort.js';

/** Largest profile table built (8 bytes an entry); beyond it the fit falls back to its upper bound. */
const TABLE_LIMIT = 4_000_000;

/**
 * One fit feature as a lookup: people with the same relevant values share a profile, and the
 * feature of a pair is `table[rowProfile[i] · colProfiles + colProfile[j]]`. Exact, and a few
 * nanoseconds a pair, so candidate generation can scan every pair of a large cohort. `table`
 * is null when the profiles are too many to tabulate; `upper` then bounds every pair.
 */
export interface ProfileLookup {
  readonly rowProfile: Int32Array;
  readonly colProfile: Int32Array;
  readonly colProfiles: number;
  readonly table: Float64Array | null;
  /** Largest value of the feature over all pairs (of the table, or a bound when there is none). */
  readonly upper: number;
}

/** Aspiration fit and support fit of every pair of a cohort, by profile. */
export interface FitLookup {
  readonly aspiration: ProfileLookup;
  readonly support: ProfileLookup;
}

/** Cached per cohort, when it cannot change (see isSettledCohort): every chunk of a large cohort's pairs reads it. */
const lookups = new WeakMap<Cohort, FitLookup>();

/** The {@link FitLookup} of a cohort (active coaches as columns, as in the feature tables). */
export function fitLookup(cohort: Cohort): FitLookup {
  if (!isSettledCohort(cohort)) return buildFitLookup(cohort);
  let known = lookups.get(cohort);
  if (known === undefined) {
    known = buildFitLookup(cohort);
    lookups.set(cohort, known);
  }
  return known;
}

/** The fit feature of every pair of `pairs` from its table, or null when there is none. */
export function lookupPairs(lookup: ProfileLookup, pairs: PairSet): Float64Array | null {
  const { table, rowProfile, colProfile, colProfiles } = lookup;
  if (table === null) return null;
  const out = new Float64Array(pairs.size);
  const { rows, rowStart, colIndex } = pairs;
  for (let i = 0; i < rows; i++) {
    const base = rowProfile[i]! * colProfiles;
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) out[p] = table[base + colProfile[colIndex[p]!]!]!;
  }
  return out;
}

function buildFitLookup(cohort: Cohort): FitLookup {
  // The encodings the feature tables use, built once per cohort.
  const { coachees, coaches, professions: encoded } = cohortEncoding(cohort);
  const rows = profiles(coachees.length, (i) => encoded.map((e) => (e.kind === 'numeric' ? e.rows[i] : slice(e.rows, i))).join('|'));
  const cols = profiles(coaches.length, (j) => encoded.map((e) => (e.kind === 'numeric' ? e.cols[j] : slice(e.cols, j))).join('|'));
  let aspiration: Float64Array | null = null;
  if (rows.firstOf.length * cols.firstOf.length <= TABLE_LIMIT) {
    // The representative pairs, evaluated by the same kernel as the feature tables.
    const rowStart = new Int32Array(coachees.length + 1);
    const isFirst = new Uint8Array(coachees.length);
    for (const i of rows.firstOf) isFirst[i] = 1;
    for (let i = 0; i < coachees.length; i++) rowStart[i + 1] = rowStart[i]! + (isFirst[i] ? cols.firstOf.length : 0);
    const sortedCols = Int32Array.from(cols.firstOf).sort();
    const colIndex = new Int32Array(rowStart[coachees.length]!);
    for (const i of rows.firstOf) colIndex.set(sortedCols, rowStart[i]!);
    const values = aspirationPairs(encoded, sparsePairSet(coachees.length, coaches.length, rowStart, colIndex));
    aspiration = new Float64Array(rows.firstOf.length * cols.firstOf.length);
    rows.firstOf.forEach((i, a) => {
      sortedCols.forEach((j, k) => {
        aspiration![a * cols.firstOf.length + cols.profile[j]!] = values[rowStart[i]! + k]!;
      });
    });
  }
  const needs = profiles(coachees.length, (i) => supportKinds.map((k) => coachees[i]!.needs[k]).join(','));
  const offers = profiles(coaches.length, (j) => supportKinds.map((k) => coaches[j]!.support[k]).join(','));
  let support: Float64Array | null = null;
  if (needs.firstOf.length * offers.firstOf.length <= TABLE_LIMIT) {
    support = new Float64Array(needs.firstOf.length * offers.firstOf.length);
    needs.firstOf.forEach((i, a) => {
      offers.firstOf.forEach((j, b) => {
        support![a * offers.firstOf.length + b] = supportFit(coachees[i]!.needs, coaches[j]!.support);
      });
    });
  }
  return {
    aspiration: lookup(rows, cols, aspiration, 1), // aspiration fit is in [0, 1]
    support: lookup(needs, offers, support, 1),
  };
}

function lookup(rows: Profiles, cols: Profiles, table: Float64Array | null, bound: number): ProfileLookup {
  let upper = table === null ? bound : 0;
  if (table !== null) for (const v of table) upper = Math.max(upper, v);
  return { rowProfile: rows.profile, colProfile: cols.profile, colProfiles: cols.firstOf.length, table, upper };
}

function slice(lists: { readonly offsets: Int32Array; readonly codes: Int32Array }, i: number): string {
  return lists.codes.subarray(lists.offsets[i]!, lists.offsets[i + 1]!).join(',');
}
