import type { AssignmentProblem } from '../src/solver/types.js';

/** How a case is shaped; decides which implementations apply to it. */
export type CaseKind = 'dense' | 'capacitated' | 'sparse';

/**
 * One named benchmark problem, held the way a user of each library would hold it: a dense
 * `weights` matrix (`number[][]`, non-finite = forbidden) or sparse `edges`, plus column
 * capacities. Every implementation gets this same object and converts it itself, inside
 * the timed region.
 */
export interface BenchCase {
  readonly name: string;
  readonly kind: CaseKind;
  readonly description: string;
  readonly rows: number;
  readonly cols: number;
  /** Always `sense: 'min'` in this benchmark (the peers minimise). */
  readonly problem: AssignmentProblem;
  /** A published optimum to check against (OR-Library), when there is one. */
  readonly knownOptimum?: number;
}
