import type { BenchCase } from './benchCase.js';

/**
 * The allowed pairs of a case and their weights, read straight from the case's own input
 * (not from the solver's internal form), so that answers are checked independently of the
 * code under test. Forbidden pairs (absent edges, non-finite or null weights) are absent.
 */
export interface PairTable {
  readonly rows: number;
  readonly cols: number;
  readonly capacity: Int32Array;
  /** Weight of pair (i, j), or `undefined` if the pair is forbidden. */
  weightOf(i: number, j: number): number | undefined;
  /** Calls `visit` once for every allowed pair. */
  forEachPair(visit: (i: number, j: number, w: number) => void): void;
}

/** Builds the {@link PairTable} of a case (a CSR index for sparse cases). */
export function pairTable(c: BenchCase): PairTable {
  const capacity = new Int32Array(c.cols).fill(1);
  c.problem.capacity?.forEach((k, j) => (capacity[j] = k));
  const { weights, edges } = c.problem;
  if (weights !== undefined) {
    return {
      rows: c.rows,
      cols: c.cols,
      capacity,
      weightOf: (i, j) => {
        const w = weights[i]?.[j];
        return typeof w === 'number' && Number.isFinite(w) ? w : undefined;
      },
      forEachPair: (visit) => {
        for (let i = 0; i < c.rows; i++) {
          const row = weights[i]!;
          for (let j = 0; j < c.cols; j++) {
            const w = row[j];
            if (typeof w === 'number' && Number.isFinite(w)) visit(i, j, w);
          }
        }
      },
    };
  }
  const list = edges ?? [];
  const start = new Int32Array(c.rows + 1);
  for (const [i] of list) start[i + 1]!++;
  for (let i = 0; i < c.rows; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, c.rows);
  const col = new Int32Array(list.length);
  const weight = new Float64Array(list.length);
  for (const [i, j, w] of list) {
    const k = fill[i]!++;
    col[k] = j;
    weight[k] = w;
  }
  return {
    rows: c.rows,
    cols: c.cols,
    capacity,
    weightOf: (i, j) => {
      // Parallel edges: the cheapest one is the one a minimiser would use.
      let best: number | undefined;
      for (let k = start[i]!; k < start[i + 1]!; k++) if (col[k] === j && (best === undefined || weight[k]! < best)) best = weight[k]!;
      return best;
    },
    forEachPair: (visit) => {
      for (let i = 0; i < c.rows; i++) for (let k = start[i]!; k < start[i + 1]!; k++) visit(i, col[k]!, weight[k]!);
    },
  };
}
