import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { Coachee } from '../model/coacheeSchema.js';
import type { Coach } from '../model/coachSchema.js';
import type { PairSet } from './pairSet.js';
import type { SharedGround } from './sharedValue.js';

/** A pairwise feature read by (row, col): an ml-matrix `Matrix` on a full build. */
export interface PairTable {
  /** @throws CoachmatchError `internal` for a pair outside the build's pair set. */
  get(row: number, col: number): number;
}

/** The pairwise features as flat arrays in the order of {@link FeatureTables.pairs}. */
export interface PairwiseFeatures {
  readonly aspiration: Float64Array;
  readonly support: Float64Array;
  readonly commonGround: Float64Array;
  readonly difference: Float64Array;
  /**
   * 1 where some weighted identity attribute is known on both sides, else 0: `difference` is
   * then 0 for want of evidence, not for sameness (no shortfall, no ban; see the similarity
   * policy). One byte a pair, where a large cohort holds millions of candidate pairs.
   */
  readonly differenceKnown: Uint8Array;
  readonly sharedRarity: Float64Array;
}

/**
 * All features of a cohort as tables: rows are coachees (canonical order: by id), columns the
 * active coaches (by id). Pairwise values are in [0, 1] and exist for the pairs of `pairs`:
 * every pair on a full build (then each table is a rows × cols ml-matrix), the candidate
 * pairs on a large cohort. Per-person values (insiderness, rarity) always see the whole pool.
 * Treat them as read-only: they are shared by every policy.
 */
export interface FeatureTables {
  /** Coachee ids in row order. */
  readonly coacheeIds: readonly string[];
  /** Active coach ids in column order (inactive coaches are not columns). */
  readonly coachIds: readonly string[];
  /** The row records. */
  readonly coachees: readonly Coachee[];
  /** The column records: the pool of active coaches. */
  readonly coaches: readonly Coach[];
  /** The attribute declarations the features were computed from. */
  readonly attributes: readonly AttributeDeclaration[];
  /** The pairs the pairwise features cover. */
  readonly pairs: PairSet;
  /** The pairwise features by pair index, for loops over `pairs`. */
  readonly byPair: PairwiseFeatures;
  /** {@link aspirationFit} per pair. */
  readonly aspiration: PairTable;
  /** {@link supportFit} of the coachee's needs against the coach's offer per pair. */
  readonly support: PairTable;
  /** {@link commonGround} score per pair; > 0 exactly when the pair shares something. */
  readonly commonGround: PairTable;
  /** {@link difference} per pair. */
  readonly difference: PairTable;
  /** 1 where the pair's {@link difference} is known ({@link differenceKnown}), else 0. */
  readonly differenceKnown: PairTable;
  /** {@link sharedRarity} per pair: how rare, in the pool, the common ground of the pair is. */
  readonly sharedRarity: PairTable;
  /** {@link insiderness} per coachee (row). */
  readonly insiderness: Float64Array;
  /** {@link rarity} score per coach (column). */
  readonly coachRarity: Float64Array;
  /** What a pair shares, for naming the common ground in words ({@link commonGround}'s `shared`). */
  sharedGround(row: number, col: number): readonly SharedGround[];
}
