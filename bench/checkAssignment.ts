import type { PairTable } from './pairTable.js';

/** The verdict on one implementation's answer. */
export type AnswerCheck = { readonly ok: true; readonly objective: number } | { readonly ok: false; readonly reason: string };

/**
 * Checks that `assignment` (column of each row, -1 for none) is a feasible one-per-row
 * placement of the case: every row assigned, only allowed pairs, no column above its
 * capacity. The objective is recomputed here from the case's own weights; what the
 * implementation reports about itself is not trusted.
 */
export function checkAssignment(table: PairTable, assignment: ArrayLike<number>): AnswerCheck {
  if (assignment.length !== table.rows) return { ok: false, reason: `returned ${assignment.length} rows, expected ${table.rows}` };
  const load = new Int32Array(table.cols);
  let objective = 0;
  for (let i = 0; i < table.rows; i++) {
    const j = assignment[i]!;
    if (!Number.isInteger(j) || j < 0 || j >= table.cols) return { ok: false, reason: `row ${i} is not assigned (got ${j})` };
    const w = table.weightOf(i, j);
    if (w === undefined) return { ok: false, reason: `row ${i} got forbidden column ${j}` };
    objective += w;
    load[j]!++;
  }
  for (let j = 0; j < table.cols; j++) {
    if (load[j]! > table.capacity[j]!) return { ok: false, reason: `column ${j} has load ${load[j]} above capacity ${table.capacity[j]}` };
  }
  return { ok: true, objective };
}
