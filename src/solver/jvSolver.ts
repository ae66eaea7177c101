import { buildResult, infeasibleResult } from './buildResult.js';
import { diagnosePlacement } from './diagnose.js';
import type { NormalizedProblem } from './normalizedProblem.js';
import type { AssignmentResult } from './types.js';

/** True when the Jonker–Volgenant solver applies: dense, square, one-to-one, all rows placed. */
export function fitsJv(problem: NormalizedProblem): boolean {
  return problem.denseCost !== null && isSquareOneToOne(problem);
}

/** Square, capacity 1 per column, no minimum loads, every row placed. */
export function isSquareOneToOne(problem: NormalizedProblem): boolean {
  return (
    problem.rows === problem.cols &&
    !problem.allowUnmatched &&
    problem.capacity.every((c) => c === 1) &&
    problem.minLoad.every((m) => m === 0)
  );
}

/**
 * The same problem with a dense cost matrix (`Infinity` for absent pairs), for running
 * Jonker–Volgenant on a sparse square problem small enough to hold densely.
 */
export function densified(problem: NormalizedProblem): NormalizedProblem {
  const { rows, cols, rowStart, colIndex, cost } = problem;
  const denseCost = new Float64Array(rows * cols).fill(Infinity);
  for (let i = 0; i < rows; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) denseCost[i * cols + colIndex[k]!] = cost[k]!;
  }
  return { ...problem, rowStart, colIndex, cost, weight: problem.weight, denseCost };
}

/**
 * Jonker–Volgenant (1987) for dense square problems: column reduction, reduction transfer,
 * two passes of augmenting row reduction, then shortest augmenting paths with a linear scan
 * (a heap does not pay on dense rows). Forbidden pairs are `Infinity` and are never relaxed.
 */
export function solveWithJv(problem: NormalizedProblem): AssignmentResult {
  if (!fitsJv(problem)) {
    throw new Error('internal: solveWithJv needs a dense, square, one-to-one problem');
  }
  const n = problem.rows;
  const c = problem.denseCost!;
  const rowSol = new Int32Array(n).fill(-1);
  const colSol = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  if (n === 0) return buildResult(problem, 'jv', rowSol, new Float64Array(0), v);

  if (!columnReduction(n, c, v, rowSol, colSol)) return infeasible(problem);
  let free = freeRows(n, rowSol);
  for (let pass = 0; pass < 2 && free.length > 0; pass++) free = augmentingRowReduction(n, c, v, rowSol, colSol, free);
  const d = new Float64Array(n);
  const pred = new Int32Array(n);
  const colList = new Int32Array(n);
  for (const f of free) {
    if (!augment(n, c, v, rowSol, colSol, f, d, pred, colList)) return infeasible(problem);
  }
  // Row duals from tight pairs; shift so every column dual is <= 0, the sign LP duality
  // gives the capacity constraints (all of which bind in a square problem).
  let shift = -Infinity;
  for (let j = 0; j < n; j++) if (v[j]! > shift) shift = v[j]!;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = rowSol[i]!;
    u[i] = c[i * n + j]! - v[j]! + shift;
  }
  for (let j = 0; j < n; j++) v[j] = v[j]! - shift;
  return buildResult(problem, 'jv', rowSol, u, v);
}

function infeasible(problem: NormalizedProblem): AssignmentResult {
  return infeasibleResult(problem, 'jv', diagnosePlacement(problem));
}

function freeRows(n: number, rowSol: Int32Array): number[] {
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (rowSol[i]! < 0) free.push(i);
  return free;
}

/** Column reduction and reduction transfer; false when some column has no allowed row. */
function columnReduction(n: number, c: Float64Array, v: Float64Array, rowSol: Int32Array, colSol: Int32Array): boolean {
  const times = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    let min = c[j]!;
    let iMin = 0;
    for (let i = 1; i < n; i++) {
      const h = c[i * n + j]!;
      if (h < min) {
        min = h;
        iMin = i;
      }
    }
    if (min === Infinity) return false;
    v[j] = min;
    if (++times[iMin]! === 1) {
      rowSol[iMin] = j;
      colSol[j] = iMin;
    }
  }
  for (let i = 0; i < n; i++) {
    if (times[i] !== 1) continue; // a row chosen by several columns keeps its first
    const j1 = rowSol[i]!;
    let min = Infinity;
    const base = i * n;
    for (let j = 0; j < n; j++) if (j !== j1) {
      const h = c[base + j]! - v[j]!;
      if (h < min) min = h;
    }
    if (min !== Infinity) v[j1] = v[j1]! - min;
  }
  return true;
}

/** One pass of augmenting row reduction; returns the rows still free afterwards. */
function augmentingRowReduction(
  n: number,
  c: Float64Array,
  v: Float64Array,
  rowSol: Int32Array,
  colSol: Int32Array,
  free: number[],
): number[] {
  const stillFree: number[] = [];
  let k = 0;
  const queue = free.slice();
  // Each row may be re-queued; the bound stops cycling on degenerate ties.
  let budget = queue.length * 8 + n;
  while (k < queue.length && budget-- > 0) {
    const i = queue[k++]!;
    const base = i * n;
    let u1 = Infinity;
    let u2 = Infinity;
    let j1 = -1;
    let j2 = -1;
    for (let j = 0; j < n; j++) {
      const h = c[base + j]! - v[j]!;
      if (h < u2) {
        if (h >= u1) {
          u2 = h;
          j2 = j;
        } else {
          u2 = u1;
          j2 = j1;
          u1 = h;
          j1 = j;
        }
      }
    }
    if (u2 === Infinity) {
      stillFree.push(i); // one or no allowed column: leave it to the path search
      continue;
    }
    let i0 = colSol[j1]!;
    if (u1 < u2) v[j1] = v[j1]! - (u2 - u1);
    else if (i0 >= 0) {
      j1 = j2;
      i0 = colSol[j1]!;
    }
    rowSol[i] = j1;
    colSol[j1] = i;
    if (i0 >= 0) {
      rowSol[i0] = -1;
      if (u1 < u2) queue[--k] = i0;
      else stillFree.push(i0);
    }
  }
  for (; k < queue.length; k++) stillFree.push(queue[k]!);
  return [...new Set(stillFree)].filter((i) => rowSol[i]! < 0);
}

/** Shortest augmenting path from free row f (Dijkstra with a linear scan). */
function augment(
  n: number,
  c: Float64Array,
  v: Float64Array,
  rowSol: Int32Array,
  colSol: Int32Array,
  f: number,
  d: Float64Array,
  pred: Int32Array,
  colList: Int32Array,
): boolean {
  const baseF = f * n;
  for (let j = 0; j < n; j++) {
    d[j] = c[baseF + j]! - v[j]!;
    pred[j] = f;
    colList[j] = j;
  }
  let low = 0;
  let up = 0;
  let last = 0;
  let min = 0;
  let end = -1;
  while (end < 0) {
    if (up === low) {
      last = low - 1;
      min = d[colList[up++]!]!;
      for (let k = up; k < n; k++) {
        const j = colList[k]!;
        const h = d[j]!;
        if (h <= min) {
          if (h < min) {
            up = low;
            min = h;
          }
          colList[k] = colList[up]!;
          colList[up++] = j;
        }
      }
      if (min === Infinity) return false;
      for (let k = low; k < up; k++) {
        if (colSol[colList[k]!]! < 0) {
          end = colList[k]!;
          break;
        }
      }
      if (end >= 0) break;
    }
    const j1 = colList[low++]!;
    const i = colSol[j1]!;
    const base = i * n;
    const h = c[base + j1]! - v[j1]! - min;
    for (let k = up; k < n; k++) {
      const j = colList[k]!;
      const reduced = c[base + j]! - v[j]! - h;
      if (reduced < d[j]!) {
        pred[j] = i;
        if (reduced === min) {
          if (colSol[j]! < 0) {
            end = j;
            break;
          }
          colList[k] = colList[up]!;
          colList[up++] = j;
        }
        d[j] = reduced;
      }
    }
  }
  for (let k = 0; k <= last; k++) {
    const j = colList[k]!;
    v[j] = v[j]! + d[j]! - min;
  }
  for (;;) {
    const i = pred[end]!;
    colSol[end] = i;
    const next = rowSol[i]!;
    rowSol[i] = end;
    end = next;
    if (i === f) break;
  }
  return true;
}
