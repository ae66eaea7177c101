import { CoachmatchError } from '../errors.js';
import { fitLookup, type ProfileLookup } from '../features/fitLookup.js';
import type { FeatureTables } from '../features/featureTables.js';
import { identityPatterns } from '../features/identityPatterns.js';
import { identityShapes } from '../features/identityShapes.js';
import { pairIdentity } from '../features/pairIdentity.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { Policy } from '../policies/policy.js';
import { checkBoundablePolicies, settingsForBounds } from './boundablePolicies.js';
import { identityBound, identityTerms, identityWeights } from './identityBound.js';
import { fitCells, type FitCells } from './fitCells.js';
import { exactTwins } from './exactTwins.js';
import { weightUnit } from './weightUnit.js';

/**
 * Upper bounds on the solver weight of every pair, cheap enough to scan all rows × cols:
 * `weight(i, j) <= multiplier[i] · bound(i, j)` for every pair that is not favoured (a
 * preferred or current coach: those are always candidates). `bound` is the fit policy's term,
 * exact, from profile tables, plus the identity terms: for a whole row at once, a bound looked
 * up by the part of the pair's identity pattern (which of the heaviest identity attributes
 * the two share) that its coach's class fixes; for a single pair, the terms themselves. The
 * conflict, clan and avoid terms only subtract or ban, so they are bounded by 0.
 */
export interface PairBounds {
  readonly rows: number;
  readonly cols: number;
  /** Per row, what its utilities are multiplied by: never negative. */
  readonly multiplier: Float64Array;
  /** The unit of rounding tolerances on these weights (see weightUnit). */
  readonly unit: number;
  /** 1 for a column with places; a column without can take no pair, so it is never a candidate. */
  readonly open: Uint8Array;
  /** Favoured columns of each row (ascending). */
  readonly favoured: readonly (readonly number[])[];
  /**
   * Per row, the first row it is an exact twin of (see exactTwins): the same bounds and the
   * same weights at every column. Absent when no two rows are twins.
   */
  readonly twinOf?: Int32Array;
  /**
   * Fills `out[j]` with a bound of (row, j), before the row's multiplier, for every column j:
   * the identity bound of the best pattern the pair's class and value allow (a few lookups per pair).
   */
  boundRow(row: number, out: Float64Array): void;
  /**
   * {@link boundRow}, with −∞ for columns without places, that also writes into `found` the
   * columns (ascending) whose bound is at least `threshold` and returns how many: one pass
   * where a scan would otherwise make two.
   */
  boundRowAbove(row: number, out: Float64Array, threshold: number, found: Int32Array): number;
  /**
   * The columns with places whose bound is at least `threshold`, ascending, into `found`
   * (returns how many), and their bounds into `out` at their columns: {@link boundRowAbove}'s
   * answer, but `out` is left as it was at every other column. Reads only the columns whose
   * fit could reach the threshold with the row's best identity bound (see {@link FitCells}).
   */
  gatherAbove(row: number, out: Float64Array, threshold: number, found: Int32Array): number;
  /**
   * {@link gatherAbove} with a floor per column: the columns with places whose bound is at least
   * `floors[j]`, where every floor is at least `least`.
   */
  gatherAboveFloors(row: number, out: Float64Array, floors: Float64Array, least: number, found: Int32Array): number;
  /** {@link boundRow}'s bounds of (row, columns[q]) into out[q] for q < count (every column in order when `columns` is null). */
  rowBoundsOf(row: number, columns: Int32Array | null, count: number, out: Float64Array): void;
  /**
   * A tighter bound of one pair: its fit and identity terms themselves (up to rounding), at
   * most `boundRow`'s (up to that rounding), for the pairs a row's bound does not clear.
   */
  boundAt(row: number, col: number): number;
  /** {@link boundAt} of (row, columns[q]) into out[q] for q < count: cheaper per pair than one at a time. */
  boundsOf(row: number, columns: Int32Array, count: number, out: Float64Array): void;
}

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
  checkBoundablePolicies(policies);
  // The built-in multipliers (priority) are never negative; a negative one would turn every
  // bound into a floor.
  if (multiplier.some((m) => !(m >= 0))) throw new CoachmatchError('internal', 'candidate bounds need row multipliers of at least 0');
  const rows = base.coacheeIds.length;
  const cols = base.coachIds.length;
  const unit = weightUnit(settings, multiplier);
  const weighed = settingsForBounds(settings, policies);
  const fit = fitLookup(cohort);
  const { aspiration: wa, support: ws } = weighed.weights;
  const patterns = identityPatterns(cohort);
  const identityTable = identityBound(identityShapes(cohort), patterns, base.insiderness, weighed);
  const identity = identityTable.values;
  const { count: stride, classes, colClass } = patterns;
  const pair = pairIdentity(cohort);
  const single = new Int32Array(1);
  const singleOut = new Float64Array(1);
  const minDiff = settings.minDifferenceForInsiders;
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
  const classPattern = new Int32Array(classes);
  // Without an attribute read by value, every column reads value 0, whose pattern part is 0.
  const colValue = patterns.colValue ?? new Int32Array(cols);
  const valuePattern = new Int32Array(patterns.colValue === null ? 1 : cols);
  // A column's four table keys side by side: the scan reads one place per column, not four.
  const colKeys = new Int32Array(4 * cols);
  for (let j = 0; j < cols; j++) {
    colKeys[4 * j] = aspirationCol[j]!;
    colKeys[4 * j + 1] = supportCol[j]!;
    colKeys[4 * j + 2] = colClass[j]!;
    colKeys[4 * j + 3] = colValue[j]!;
  }
  // A row's pattern parts per class and per value, kept for the row's next call: a scan
  // takes a sample of a row and then the whole row.
  let patternsOf = -1;
  // The row's best identity bound over every pattern.
  let identityBest = -Infinity;
  const at = aspiration.values;
  const st = support.values;
  /** Readies row's pattern parts; returns where its identity, aspiration and support tables start. */
  const startRow = (row: number): { t: number; a: number; b: number } => {
    if (row !== patternsOf) {
      identityTable.fill(row);
      patterns.patternsOfRow(row, classPattern);
      patterns.valuePatterns(row, valuePattern);
      patternsOf = row;
      identityBest = -Infinity;
      for (let q = row * stride; q < (row + 1) * stride; q++) if (identity[q]! > identityBest) identityBest = identity[q]!;
    }
    return { t: row * stride, a: aspiration.offset(row), b: support.offset(row) };
  };
  const rowBoundsOf: PairBounds['rowBoundsOf'] = (row, columns, count, out) => {
    // Per class of coaches (same codes on the classed attributes) and per value of the
    // attribute read by value, the pattern part; then one pass over small tables: this
    // runs rows × cols times per scan.
    const { t, a, b } = startRow(row);
    if (columns === null) {
      for (let j = 0, k = 0; j < count; j++, k += 4) {
        out[j] = at[a + colKeys[k]!]! + st[b + colKeys[k + 1]!]! + identity[t + classPattern[colKeys[k + 2]!]! + valuePattern[colKeys[k + 3]!]!]!;
      }
      return;
    }
    for (let q = 0; q < count; q++) {
      const k = 4 * columns[q]!;
      out[q] = at[a + colKeys[k]!]! + st[b + colKeys[k + 1]!]! + identity[t + classPattern[colKeys[k + 2]!]! + valuePattern[colKeys[k + 3]!]!]!;
    }
  };
  const closed = Int32Array.from(open.keys()).filter((j) => open[j] === 0);
  const boundRowAbove: PairBounds['boundRowAbove'] = (row, out, threshold, found) => {
    const { t, a, b } = startRow(row);
    let n = 0;
    for (let j = 0, k = 0; j < cols; j++, k += 4) {
      const v = at[a + colKeys[k]!]! + st[b + colKeys[k + 1]!]! + identity[t + classPattern[colKeys[k + 2]!]! + valuePattern[colKeys[k + 3]!]!]!;
      out[j] = v;
      if (v >= threshold) found[n++] = j;
    }
    if (closed.length === 0) return n;
    for (const j of closed) out[j] = -Infinity;
    let kept = 0;
    for (let q = 0; q < n; q++) if (open[found[q]!] === 1) found[kept++] = found[q]!;
    return kept;
  };
  const aspirationProfiles = fit.aspiration.table === null ? 1 : fit.aspiration.colProfiles;
  const supportProfiles = fit.support.table === null ? 1 : fit.support.colProfiles;
  const cells: FitCells | null = fitCells(aspirationCol, aspirationProfiles, supportCol, supportProfiles, st, open);
  const marked = new Uint32Array((cols + 31) >> 5);
  /**
   * The columns with places whose bound reaches `threshold` (`floors` null) or their floor,
   * every floor at least `threshold`; see gatherAbove.
   */
  const gather = (row: number, out: Float64Array, threshold: number, floors: Float64Array | null, found: Int32Array): number => {
    if (cells === null || !Number.isFinite(threshold)) {
      // Every column's bound: written to a scratch row, copied where they pass.
      const all = boundRowAbove(row, gatherScratch, floors === null ? threshold : -Infinity, found);
      let n = 0;
      for (let q = 0; q < all; q++) {
        const j = found[q]!;
        if (floors !== null && gatherScratch[j]! < floors[j]!) continue;
        out[j] = gatherScratch[j]!;
        found[n++] = j;
      }
      return n;
    }
    const { t, a, b } = startRow(row);
    const { groupStart, support: supportOrder } = cells.walk(b);
    // Fit below this cannot reach the threshold; the allowance keeps rounding from losing a
    // column that reaches it exactly (each column let through is tested exactly).
    const floor = threshold - identityBest - 1e-9 * (unit + Math.abs(threshold) + Math.abs(identityBest));
    // Locals, not the closure's: these loops run a few thousand times a row.
    const { cellStart, columns } = cells;
    const aspirationValues = at;
    const supportValues = st;
    const identityValues = identity;
    const classes = colClass;
    const values = colValue;
    const classParts = classPattern;
    const valueParts = valuePattern;
    const marks = marked;
    // Each aspiration profile's cells, best support first, down to where fit falls short.
    for (let g = 0; g < aspirationProfiles; g++) {
      const aspirationFit = aspirationValues[a + g]!;
      const base = g * supportProfiles;
      for (let y = groupStart[g]!, last = groupStart[g + 1]!; y < last; y++) {
        const s = supportOrder[y]!;
        const fitOf = aspirationFit + supportValues[b + s]!;
        if (fitOf < floor) break;
        const end = cellStart[base + s + 1]!;
        for (let q = cellStart[base + s]!; q < end; q++) {
          const j = columns[q]!;
          const v = fitOf + identityValues[t + classParts[classes[j]!]! + valueParts[values[j]!]!]!;
          if (v < (floors === null ? threshold : floors[j]!)) continue;
          out[j] = v;
          marks[j >> 5]! |= 1 << (j & 31);
        }
      }
    }
    // Ascending, from the marks (cleared on the way).
    let n = 0;
    for (let w = 0; w < marked.length; w++) {
      let bits = marked[w]!;
      if (bits === 0) continue;
      marked[w] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        found[n++] = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
      }
    }
    return n;
  };
  const gatherScratch = new Float64Array(cols);
  const gatherAbove: PairBounds['gatherAbove'] = (row, out, threshold, found) => gather(row, out, threshold, null, found);
  const gatherAboveFloors: PairBounds['gatherAboveFloors'] = (row, out, floors, least, found) => gather(row, out, least, floors, found);
  // A row's identity weights, kept for its next call: a selection asks for a row's pair bounds
  // three or four times, and building the weights costs about a microsecond.
  let weightsOf = -1;
  let rowWeights = identityWeights(0, weighed);
  const boundsOf: PairBounds['boundsOf'] = (row, columns, count, out) => {
    pair.ofRow(row, columns, count);
    if (row !== weightsOf) {
      rowWeights = identityWeights(base.insiderness[row]!, weighed);
      weightsOf = row;
    }
    const a = aspiration.offset(row);
    const b = support.offset(row);
    const { commonGround, difference, knownWeight, sharedRarity } = pair;
    for (let q = 0; q < count; q++) {
      const j = columns[q]!;
      const value =
        aspiration.values[a + aspirationCol[j]!]! +
        support.values[b + supportCol[j]!]! +
        identityTerms(rowWeights, commonGround[q]!, difference[q]!, knownWeight[q]! > 0, sharedRarity[q]!, minDiff);
      // The policies add the same terms in another order: allow for the rounding.
      out[q] = value + 1e-9 * (unit + Math.abs(value));
    }
  };
  const twinOf = exactTwins(cohort);
  return {
    rows,
    cols,
    multiplier,
    unit,
    open,
    favoured,
    ...(twinOf === null ? {} : { twinOf }),
    boundRow: (row, out) => rowBoundsOf(row, null, out.length, out),
    boundRowAbove,
    gatherAbove,
    gatherAboveFloors,
    rowBoundsOf,
    boundsOf,
    boundAt(row, col) {
      single[0] = col;
      boundsOf(row, single, 1, singleOut);
      return singleOut[0]!;
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
