import { Matrix } from 'ml-matrix';
import { CoachmatchError } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { commonGround } from './commonGround.js';
import type { FeatureTables, PairTable } from './featureTables.js';
import { fitLookup, lookupPairs } from './fitLookup.js';
import { fullPairSet, type PairSet } from './pairSet.js';
import { supportFit } from './supportFit.js';
import { aspirationPairs } from './_internals/aspirationPairs.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import { addIdentityPairs, differenceKnownOf, finishIdentitySums } from './_internals/identityPairs.js';

/**
 * Computes every feature of a parsed cohort at once, on typed arrays: the pairwise values
 * (rows = coachees in canonical order, columns = active coaches) for the pairs of `pairs`
 * (default: all of them), insiderness per coachee and rarity per coach (always against the
 * whole pool). Each entry equals what the per-pair function gives ({@link aspirationFit},
 * {@link supportFit}, {@link commonGround}, {@link difference}, {@link sharedRarity},
 * {@link insiderness}, {@link rarity}); the tables exist for speed (2,000 × 400 in well under
 * a second): attribute values become integer codes, bitsets and number arrays once, so the
 * pairwise loops touch no objects. A large cohort passes its candidate pairs, so the cost
 * follows the pairs asked for, not rows × cols.
 *
 * @example
 * ```ts
 * const t = buildFeatureTables(parseCohort(json));
 * t.aspiration.get(0, 3); // fit of the first coachee with the fourth active coach
 * ```
 */
export function buildFeatureTables(cohort: Cohort, pairs?: PairSet): FeatureTables {
  const encoding = cohortEncoding(cohort);
  const { coachees, coaches, identity, scale, insiderness, coachRarity } = encoding;
  const nR = coachees.length;
  const nC = coaches.length;
  const set = pairs ?? fullPairSet(nR, nC);
  if (set.rows !== nR || set.cols !== nC) {
    throw new CoachmatchError('internal', `pair set is ${set.rows} × ${set.cols}, the cohort ${nR} × ${nC}`);
  }
  const size = set.size;
  const { rowStart, colIndex } = set;

  // The fit features by profile table where one exists (the same kernels filled it), else per pair.
  const fit = fitLookup(cohort);
  const aspiration = lookupPairs(fit.aspiration, set) ?? aspirationPairs(encoding.professions, set);
  let support = lookupPairs(fit.support, set);
  if (support === null) {
    support = new Float64Array(size);
    for (let i = 0; i < nR; i++) {
      const needs = coachees[i]!.needs;
      for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) support[p] = supportFit(needs, coaches[colIndex[p]!]!.support);
    }
  }
  const sums = {
    units: new Float64Array(size),
    diffSum: new Float64Array(size),
    diffWeight: new Float64Array(size),
    sharedRarity: new Float64Array(size),
  };
  for (const e of identity) addIdentityPairs(e, set, e.declaration.weight, e.declaration.weight / scale, sums);

  finishIdentitySums(sums, 0, size);
  const { units: cg, diffSum: diff, sharedRarity } = sums;
  const known = differenceKnownOf(sums.diffWeight);

  const table = (values: Float64Array): PairTable => (set.full ? toMatrix(values, nR, nC) : sparseTable(set, values));
  return {
    coacheeIds: encoding.coacheeIds,
    coachIds: encoding.coachIds,
    coachees,
    coaches,
    attributes: cohort.attributes,
    pairs: set,
    byPair: { aspiration, support, commonGround: cg, difference: diff, differenceKnown: known, sharedRarity },
    aspiration: table(aspiration),
    support: table(support),
    commonGround: table(cg),
    difference: table(diff),
    differenceKnown: byteTable(set, known),
    sharedRarity: table(sharedRarity),
    insiderness,
    coachRarity,
    sharedGround: (row, col) => commonGround(coachees[row]!, coaches[col]!, cohort.attributes).shared,
  };
}

function toMatrix(flat: Float64Array, rows: number, cols: number): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) m.setRow(i, flat.subarray(i * cols, (i + 1) * cols));
  return m;
}

function sparseTable(pairs: PairSet, values: Float64Array | Uint8Array): PairTable {
  return {
    get(row, col) {
      const p = pairs.indexOf(row, col);
      if (p < 0) throw new CoachmatchError('internal', `pair (${row}, ${col}) is not among the candidate pairs`);
      return values[p]!;
    },
  };
}

/** A table read straight from a byte per pair: no matrix of 8-byte copies for a yes/no feature. */
function byteTable(pairs: PairSet, values: Uint8Array): PairTable {
  if (!pairs.full) return sparseTable(pairs, values);
  return {
    get(row, col) {
      if (!(row >= 0 && row < pairs.rows && col >= 0 && col < pairs.cols)) throw new CoachmatchError('internal', `pair (${row}, ${col}) is outside the ${pairs.rows} × ${pairs.cols} table`);
      return values[row * pairs.cols + col]!;
    },
  };
}
