import type { PairTable } from './pairTable.js';

/** Row and column potentials as `solveAssignment` returns them (`min` sense). */
export interface DualValues {
  readonly row: ArrayLike<number>;
  readonly col: ArrayLike<number>;
}

/**
 * Proves a `min` assignment optimal by LP duality, independently of how it was found:
 * the duals must be feasible (`row[i] + col[j] <= w(i,j)` on every allowed pair,
 * `col[j] <= 0`), tight on every assigned pair, `col[j] < 0` only on full columns, and the
 * dual objective `Σ row + Σ capacity·col` must equal `objective`. Returns null when the
 * certificate holds, else the first violation found.
 */
export function checkDualCertificate(table: PairTable, assignment: ArrayLike<number>, duals: DualValues, objective: number): string | null {
  const { row, col } = duals;
  if (row.length !== table.rows || col.length !== table.cols) return 'duals have the wrong length';
  const load = new Int32Array(table.cols);
  for (let i = 0; i < table.rows; i++) load[assignment[i]!]!++;
  let violation: string | null = null;
  table.forEachPair((i, j, w) => {
    if (violation === null && row[i]! + col[j]! > w + tolerance(w)) {
      violation = `dual infeasible on pair (${i}, ${j}): ${row[i]} + ${col[j]} > ${w}`;
    }
  });
  if (violation !== null) return violation;
  let dualObjective = 0;
  for (let i = 0; i < table.rows; i++) {
    const j = assignment[i]!;
    const w = table.weightOf(i, j)!;
    if (row[i]! + col[j]! < w - tolerance(w)) return `assigned pair (${i}, ${j}) is not tight`;
    dualObjective += row[i]!;
  }
  for (let j = 0; j < table.cols; j++) {
    if (col[j]! > tolerance(0)) return `column dual ${j} is positive (${col[j]})`;
    if (col[j]! < -tolerance(0) && load[j]! < table.capacity[j]!) return `column ${j} is not full but its dual is ${col[j]}`;
    dualObjective += table.capacity[j]! * col[j]!;
  }
  if (Math.abs(dualObjective - objective) > tolerance(objective)) return `dual objective ${dualObjective} ≠ primal ${objective}`;
  return null;
}

function tolerance(scale: number): number {
  return 1e-7 * (1 + Math.abs(scale));
}
