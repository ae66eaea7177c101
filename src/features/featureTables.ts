import type { Matrix } from 'ml-matrix';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { Coachee } from '../model/coacheeSchema.js';
import type { Coach } from '../model/coachSchema.js';
import type { SharedGround } from './sharedValue.js';

/**
 * All features of a cohort as tables: rows are coachees (canonical order: by id), columns the
 * active coaches (by id). Every matrix is rows × cols with values in [0, 1]. Treat them as
 * read-only: they are shared by every policy.
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
  /** {@link aspirationFit} per pair. */
  readonly aspiration: Matrix;
  /** {@link supportFit} of the coachee's needs against the coach's offer per pair. */
  readonly support: Matrix;
  /** {@link commonGround} score per pair; > 0 exactly when the pair shares something. */
  readonly commonGround: Matrix;
  /** {@link difference} per pair. */
  readonly difference: Matrix;
  /** {@link sharedRarity} per pair: how rare, in the pool, the common ground of the pair is. */
  readonly sharedRarity: Matrix;
  /** {@link insiderness} per coachee (row). */
  readonly insiderness: Float64Array;
  /** {@link rarity} score per coach (column). */
  readonly coachRarity: Float64Array;
  /** What a pair shares, for naming the common ground in words ({@link commonGround}'s `shared`). */
  sharedGround(row: number, col: number): readonly SharedGround[];
}
