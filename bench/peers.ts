import lpSolverImport, { type SolverAPI } from 'javascript-lp-solver';
import { linearSumAssignment } from 'linear-sum-assignment';
import { munkres } from 'munkres';
import { solveAssignment } from '../src/solver/solveAssignment.js';
import type { SolverMethod } from '../src/solver/types.js';
import type { BenchCase } from './benchCase.js';
import type { DualValues } from './checkDualCertificate.js';

// Same CommonJS/ESM default-export mismatch as in src/solver/lpBackend.ts: accept both.
const lpImported: unknown = lpSolverImport;
const lpSolver = ((lpImported as { Solve?: unknown }).Solve !== undefined ? lpImported : (lpImported as { default: unknown }).default) as SolverAPI;

/** What an implementation answered: the column of each row (-1 for none), and duals if it gives them. */
export interface Answer {
  readonly assignment: Int32Array;
  readonly duals?: DualValues;
  /** For ours: the algorithm that actually ran (what `auto` chose). */
  readonly method?: string;
}

/**
 * One implementation under test. `solve` starts from the case exactly as the user holds it
 * (`BenchCase.problem`) and does everything the implementation needs to turn it into its
 * own input and its answer back into an assignment; all of that is timed.
 */
export interface Implementation {
  readonly name: string;
  readonly ours: boolean;
  /** Null when the implementation runs on this case; otherwise why not, for the table. */
  skipReason(c: BenchCase): string | null;
  /** Untimed preparation; only the "pre-built matrix" variant uses it, and says so in its name. */
  prepare?(c: BenchCase): unknown;
  solve(c: BenchCase, prepared?: unknown): Answer;
}

/** Largest dense (copied) matrix the matrix peers get: 25M entries, i.e. 5000 × 5000. */
const MAX_MATRIX_ENTRIES = 25_000_000;

/**
 * Largest simplex tableau javascript-lp-solver is given, in bytes. It keeps a dense
 * Float64Array tableau of about (constraints, equalities counted twice) × (variables)
 * entries: 1.7 GB for the capacitated case (≈ 3.7 GB RSS with its checkpoint copy, 4–8 s
 * per solve here), 24 GB for dense-1000, which a probe on this 23 GB machine confirmed:
 * killed by the kernel's OOM killer at 24 GB anonymous RSS after 84 s, without an answer.
 */
export const MAX_LP_TABLEAU_BYTES = 4e9;

/** Estimated size of javascript-lp-solver's dense tableau for the assignment LP of `c`. */
export function lpTableauBytes(c: BenchCase): number {
  return (2 * c.rows + c.cols + 1) * (allowedPairs(c) + 1) * 8;
}

/** Our solver, `solveAssignment(problem, { method })`. */
export function ours(method: SolverMethod): Implementation {
  return {
    name: `ours ${method}`,
    ours: true,
    skipReason: (c) => {
      if (method === 'jv' && (c.kind !== 'dense' || c.rows !== c.cols)) return 'n/a: jv needs a dense square one-to-one problem';
      if (method === 'lp' && lpTableauBytes(c) > MAX_LP_TABLEAU_BYTES) return lpSkipText(c);
      return null;
    },
    solve: (c) => {
      const result = solveAssignment(c.problem, { method });
      if (result.status !== 'optimal') throw new Error(`status ${result.status}`);
      return { assignment: Int32Array.from(result.assignment, (j) => j ?? -1), duals: result.duals, method: result.method };
    },
  };
}

/** npm `munkres`: a dense cost matrix (capacities by copying columns), minimises. */
export const munkresPeer: Implementation = {
  name: 'munkres',
  ours: false,
  skipReason: matrixSkipReason,
  solve: (c) => {
    const { matrix, owner } = costMatrix(c);
    const assignment = new Int32Array(c.rows).fill(-1);
    for (const [y, x] of munkres(matrix)) assignment[y] = owner[x]!;
    return { assignment };
  },
};

/**
 * npm `munkres` on a cost matrix built before the clock starts: what munkres alone costs
 * once the copied matrix exists. Only where the case is not already that matrix.
 */
export const munkresPrebuiltPeer: Implementation = {
  name: 'munkres (matrix pre-built, untimed)',
  ours: false,
  skipReason: (c) => matrixSkipReason(c) ?? (c.kind === 'dense' ? 'n/a: the case is already its matrix' : null),
  prepare: (c) => costMatrix(c),
  solve: (c, prepared) => {
    const { matrix, owner } = prepared as ReturnType<typeof costMatrix>;
    const assignment = new Int32Array(c.rows).fill(-1);
    for (const [y, x] of munkres(matrix)) assignment[y] = owner[x]!;
    return { assignment };
  },
};

/** npm `linear-sum-assignment`: a dense cost matrix (capacities by copying columns). */
export const linearSumAssignmentPeer: Implementation = {
  name: 'linear-sum-assignment',
  ours: false,
  skipReason: matrixSkipReason,
  solve: (c) => {
    const { matrix, owner } = costMatrix(c);
    // Its option is spelled `maximaze` and defaults to true.
    const { rowAssignments } = linearSumAssignment(matrix, { maximaze: false });
    const assignment = new Int32Array(c.rows).fill(-1);
    for (let i = 0; i < c.rows; i++) {
      const x = rowAssignments[i]!;
      assignment[i] = x >= 0 ? owner[x]! : -1;
    }
    return { assignment };
  },
};

/** `javascript-lp-solver` called directly with the assignment LP a user would write. */
export const lpSolverPeer: Implementation = {
  name: 'javascript-lp-solver',
  ours: false,
  skipReason: (c) => (lpTableauBytes(c) > MAX_LP_TABLEAU_BYTES ? lpSkipText(c) : null),
  solve: (c) => {
    const constraints: Record<string, { equal?: number; max?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    const capacity = c.problem.capacity;
    for (let i = 0; i < c.rows; i++) constraints[`r${i}`] = { equal: 1 };
    for (let j = 0; j < c.cols; j++) constraints[`c${j}`] = { max: capacity?.[j] ?? 1 };
    forEachInputPair(c, (i, j, w) => {
      variables[`x${i}_${j}`] = { cost: w, [`r${i}`]: 1, [`c${j}`]: 1 };
    });
    const raw = lpSolver.Solve({ optimize: 'cost', opType: 'min', constraints, variables }) as Record<string, unknown>;
    if (raw.feasible !== true) throw new Error('reported infeasible');
    const assignment = new Int32Array(c.rows).fill(-1);
    for (const [key, value] of Object.entries(raw)) {
      const match = /^x(\d+)_(\d+)$/.exec(key);
      if (match === null || typeof value !== 'number' || Math.abs(value) < 1e-6) continue;
      const i = Number(match[1]);
      if (Math.abs(value - 1) > 1e-6) throw new Error(`fractional value ${value} for row ${i}`);
      if (assignment[i] !== -1) throw new Error(`row ${i} placed twice`);
      assignment[i] = Number(match[2]);
    }
    return { assignment };
  },
};

/** Number of allowed pairs (LP variables, flow arcs) of a case. */
export function allowedPairs(c: BenchCase): number {
  return c.problem.edges?.length ?? c.rows * c.cols;
}

function lpSkipText(c: BenchCase): string {
  const gb = (lpTableauBytes(c) / 1e9).toLocaleString('en-US', { maximumSignificantDigits: 2 });
  const basis = c.name === 'dense-1000' ? 'measured: OOM-killed after 84 s without an answer' : 'estimated: larger than dense-1000, which was OOM-killed after 84 s';
  return `skipped: > 84 s, out of memory (dense tableau ≈ ${gb} GB; ${basis})`;
}

function matrixSkipReason(c: BenchCase): string | null {
  const width = copiedWidth(c);
  if (c.rows * width <= MAX_MATRIX_ENTRIES) return null;
  return `n/a: needs a dense ${c.rows.toLocaleString('en-US')} × ${width.toLocaleString('en-US')} matrix`;
}

function copiedWidth(c: BenchCase): number {
  const capacity = c.problem.capacity;
  return capacity === undefined ? c.cols : capacity.reduce((sum, k) => sum + k, 0);
}

/**
 * The matrix a dense-matrix peer needs: coach j's column copied `capacity[j]` times
 * (`owner[x]` is the coach of copied column x), forbidden pairs as `Infinity`. A dense
 * one-to-one case is already that matrix (its cases have no forbidden pairs): the user's
 * own `number[][]` is handed over as it is.
 */
function costMatrix(c: BenchCase): { matrix: number[][]; owner: Int32Array } {
  const capacity = c.problem.capacity;
  const width = copiedWidth(c);
  const owner = new Int32Array(width);
  const first = new Int32Array(c.cols);
  for (let j = 0, x = 0; j < c.cols; j++) {
    first[j] = x;
    for (let t = 0; t < (capacity?.[j] ?? 1); t++) owner[x++] = j;
  }
  const weights = c.problem.weights;
  if (weights !== undefined && c.kind === 'dense' && width === c.cols) return { matrix: weights as number[][], owner };
  const matrix: number[][] = [];
  if (weights !== undefined) {
    for (let i = 0; i < c.rows; i++) {
      const source = weights[i]!;
      const row = new Array<number>(width);
      for (let x = 0; x < width; x++) {
        const w = source[owner[x]!];
        row[x] = typeof w === 'number' && Number.isFinite(w) ? w : Infinity;
      }
      matrix.push(row);
    }
    return { matrix, owner };
  }
  for (let i = 0; i < c.rows; i++) matrix.push(new Array<number>(width).fill(Infinity));
  for (const [i, j, w] of c.problem.edges ?? []) {
    const row = matrix[i]!;
    for (let x = first[j]!; x < first[j]! + (capacity?.[j] ?? 1); x++) if (w < row[x]!) row[x] = w;
  }
  return { matrix, owner };
}

/** Visits every allowed pair of the case's input (parallel edges are all visited). */
function forEachInputPair(c: BenchCase, visit: (i: number, j: number, w: number) => void): void {
  const { weights, edges } = c.problem;
  if (weights !== undefined) {
    for (let i = 0; i < c.rows; i++) {
      const row = weights[i]!;
      for (let j = 0; j < c.cols; j++) {
        const w = row[j];
        if (typeof w === 'number' && Number.isFinite(w)) visit(i, j, w);
      }
    }
  } else for (const [i, j, w] of edges ?? []) visit(i, j, w);
}
