import type { Cohort } from '../model/cohort.js';
import { cohortEncoding } from './_internals/cohortEncoding.js';
import { addIdentityRow, finishIdentitySums, type IdentitySums } from './_internals/identityPairs.js';

/**
 * The identity features (common ground, difference, shared rarity) of some pairs of one row,
 * computed as the feature tables compute them (the same row kernel, so the same numbers) but
 * without building tables: what a bound can afford on the pairs a scan could not clear.
 */
export interface PairIdentity {
  /**
   * Computes the features of (row, columns[q]) for q < count; they are then read from
   * `commonGround`, `difference`, `knownWeight` and `sharedRarity` at q, until the next call.
   */
  ofRow(row: number, columns: Int32Array, count: number): void;
  readonly commonGround: Float64Array;
  readonly difference: Float64Array;
  /** The identity weight known on both sides: 0 when the difference is unknown (no evidence either way). */
  readonly knownWeight: Float64Array;
  readonly sharedRarity: Float64Array;
}

/** Builds the {@link PairIdentity} of a cohort from its cached encodings, for up to one row's columns at a time. */
export function pairIdentity(cohort: Cohort): PairIdentity {
  const { identity, scale, coaches } = cohortEncoding(cohort);
  const nC = coaches.length;
  const sums: IdentitySums = {
    units: new Float64Array(nC),
    diffSum: new Float64Array(nC),
    diffWeight: new Float64Array(nC),
    sharedRarity: new Float64Array(nC),
  };
  return {
    ofRow(row, columns, count) {
      sums.units.fill(0, 0, count);
      sums.diffSum.fill(0, 0, count);
      sums.diffWeight.fill(0, 0, count);
      sums.sharedRarity.fill(0, 0, count);
      for (const e of identity) addIdentityRow(e, nC, row, columns, 0, count, e.declaration.weight, e.declaration.weight / scale, sums);
      finishIdentitySums(sums, 0, count);
    },
    commonGround: sums.units,
    difference: sums.diffSum,
    knownWeight: sums.diffWeight,
    sharedRarity: sums.sharedRarity,
  };
}
