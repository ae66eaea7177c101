import type { AssignmentProblem } from '../solver/types.js';

/** An assignment problem given by dense weights (a null or non-finite weight forbids its pair). */
export type DenseProblem = AssignmentProblem & { readonly weights: NonNullable<AssignmentProblem['weights']> };

/**
 * A dense problem's allowed pairs in compressed rows (a null or non-finite weight forbids its
 * pair), the rest of the problem unchanged: explain pins one pair per re-solve, and reading
 * rows × cols dense weights afresh each time cost more than the re-solve itself.
 */
export function compressedRows(problem: DenseProblem): AssignmentProblem {
  const { weights, ...rest } = problem;
  const rows = weights.length;
  const cols = problem.cols ?? weights[0]?.length ?? 0;
  const rowStart = new Int32Array(rows + 1);
  let pairs = 0;
  for (let i = 0; i < rows; i++) {
    for (const w of weights[i]!) if (w !== null && Number.isFinite(w)) pairs++;
    rowStart[i + 1] = pairs;
  }
  const colIndex = new Int32Array(pairs);
  const weight = new Float64Array(pairs);
  for (let i = 0, k = 0; i < rows; i++) {
    const row = weights[i]!;
    for (let j = 0; j < row.length; j++) {
      const w = row[j];
      if (w === null || w === undefined || !Number.isFinite(w)) continue;
      colIndex[k] = j;
      weight[k++] = w;
    }
  }
  return { ...rest, rows, cols, compressed: { rowStart, colIndex, weight } };
}
