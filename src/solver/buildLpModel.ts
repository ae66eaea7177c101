import type { Model } from 'javascript-lp-solver';
import type { NormalizedProblem } from './normalizedProblem.js';

/** A model in `javascript-lp-solver`'s JSON format. */
export type LpModel = Model;

/** Attribute holding each pair's weight; the model optimises it in the problem's sense. */
export const LP_WEIGHT = 'weight';
/** Attribute counting matched rows (1 on every pair), for the "most rows first" stage. */
export const LP_MATCHED = 'matched';

/** Name of the 0/1 variable "row i goes to column j". */
export function lpPairVariable(row: number, col: number): string {
  return `x_${row}_${col}`;
}

/** Name of row i's "placed at most / exactly once" constraint. */
export function lpRowConstraint(row: number): string {
  return `r_${row}`;
}

/** Name of column j's load constraint (`minLoad ≤ load ≤ capacity`). */
export function lpColConstraint(col: number): string {
  return `c_${col}`;
}

/**
 * Builds the assignment LP for `javascript-lp-solver`: one variable per allowed pair
 * ({@link lpPairVariable}), each row placed exactly once (at most once with
 * `allowUnmatched`), each column's load between its minimum and its capacity. The
 * constraint matrix is a bipartite incidence matrix, hence totally unimodular, so the LP's
 * vertices are integral; callers still check what the solver returns.
 *
 * Side constraints (quotas, …) are added by giving variables extra attributes and naming
 * those attributes in `constraints`. Every variable also carries {@link LP_MATCHED} = 1,
 * which is not constrained here; the LP backend uses it for the cardinality stage.
 *
 * @example
 * ```ts
 * const model = buildLpModel(normalizeProblem({ weights: [[1, 2], [3, 4]] }));
 * model.constraints.quotaA = { max: 1 };
 * model.variables[lpPairVariable(0, 1)]!.quotaA = 1;
 * ```
 */
export function buildLpModel(problem: NormalizedProblem): LpModel {
  const { rows, cols, rowStart, colIndex, weight, capacity, minLoad } = problem;
  const constraints: LpModel['constraints'] = {};
  const variables: LpModel['variables'] = {};
  for (let i = 0; i < rows; i++) {
    constraints[lpRowConstraint(i)] = problem.allowUnmatched ? { max: 1 } : { equal: 1 };
  }
  for (let j = 0; j < cols; j++) {
    constraints[lpColConstraint(j)] = minLoad[j]! > 0 ? { min: minLoad[j]!, max: capacity[j]! } : { max: capacity[j]! };
  }
  for (let i = 0; i < rows; i++) {
    const rowName = lpRowConstraint(i);
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      variables[lpPairVariable(i, j)] = {
        [LP_WEIGHT]: weight[k]!,
        [LP_MATCHED]: 1,
        [rowName]: 1,
        [lpColConstraint(j)]: 1,
      };
    }
  }
  return { optimize: LP_WEIGHT, opType: problem.sense, constraints, variables };
}
