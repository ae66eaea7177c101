import { CoachmatchError } from '../errors.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { AssignmentResult, Diagnosis, SolverMethod } from './types.js';

type Method = Exclude<SolverMethod, 'auto'>;

/** Position of pair (row, col) in the CSR arrays, or -1 when the pair is not allowed. */
export function findPair(problem: NormalizedProblem, row: number, col: number): number {
  let lo = problem.rowStart[row]!;
  let hi = problem.rowStart[row + 1]! - 1;
  const colIndex = problem.colIndex;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = colIndex[mid]!;
    if (c === col) return mid;
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The caller's weight of an allowed pair; throws on a forbidden one (a solver bug). */
export function pairWeight(problem: NormalizedProblem, row: number, col: number): number {
  const dense = problem.denseCost;
  if (dense !== null) {
    const c = dense[row * problem.cols + col]!;
    if (c !== Infinity) return problem.sense === 'max' ? -c : c;
  } else {
    const at = findPair(problem, row, col);
    if (at >= 0) return problem.weight[at]!;
  }
  throw new CoachmatchError('internal', `row ${row} placed on forbidden column ${col}`);
}

/**
 * Assembles an optimal result: objective recomputed from the caller's weights, loads, and
 * the minimisation duals `u`, `v` turned into the problem's own sense.
 */
export function buildResult(
  problem: NormalizedProblem,
  method: Method,
  rowCol: Int32Array,
  rowDual: Float64Array,
  colDual: Float64Array,
): AssignmentResult {
  const loads = new Array<number>(problem.cols).fill(0);
  const assignment = new Array<number | null>(problem.rows);
  let objective = 0;
  let matched = 0;
  for (let i = 0; i < problem.rows; i++) {
    const j = rowCol[i]!;
    if (j < 0) {
      assignment[i] = null;
      continue;
    }
    assignment[i] = j;
    objective += pairWeight(problem, i, j);
    loads[j]!++;
    matched++;
  }
  const flip = problem.sense === 'max' ? -1 : 1;
  return {
    status: 'optimal',
    method,
    objective,
    assignment,
    loads,
    matched,
    duals: { row: flipped(rowDual, flip), col: flipped(colDual, flip) },
  };
}

/** Duals in the problem's own sense (+ 0 turns −0 into 0); a loop, not Array.from with a function, which is slow on typed arrays. */
function flipped(duals: Float64Array, flip: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < duals.length; k++) out.push(flip * duals[k]! + 0);
  return out;
}

/** Assembles an infeasible result; `partial` is the best attempt, shown for context only. */
export function infeasibleResult(
  problem: NormalizedProblem,
  method: Method,
  diagnosis: readonly Diagnosis[],
  partial?: Int32Array,
): AssignmentResult {
  const loads = new Array<number>(problem.cols).fill(0);
  const assignment = new Array<number | null>(problem.rows).fill(null);
  let matched = 0;
  if (partial !== undefined) {
    for (let i = 0; i < problem.rows; i++) {
      const j = partial[i]!;
      if (j >= 0) {
        assignment[i] = j;
        loads[j]!++;
        matched++;
      }
    }
  }
  const fallback: Diagnosis = {
    kind: 'capacityShort',
    shortBy: 0,
    message: 'no assignment satisfies all constraints',
  };
  return {
    status: 'infeasible',
    method,
    objective: null,
    assignment,
    loads,
    matched,
    duals: null,
    diagnosis: diagnosis.length > 0 ? diagnosis : [fallback],
  };
}
