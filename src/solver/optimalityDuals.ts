import type { NormalizedProblem } from './normalizedProblem.js';
import { roundingUnit } from './roundingUnit.js';

/** Minimisation duals: `rowDual[i] + colDual[j] <= cost` on every allowed pair. */
export interface MinCostDuals {
  readonly rowDual: Float64Array;
  readonly colDual: Float64Array;
}

/**
 * Certifies that an assignment is a cheapest one among those placing the same number of
 * rows, and returns LP duals proving it — or null when it is not.
 *
 * The duals are shortest-path potentials in the residual network of the assignment
 * (rows → columns at `cost`, matched pairs back at `-cost`, column → sink while below
 * capacity, sink → column while above the minimum load, and with `allowUnmatched` source ↔
 * row arcs, the number of placed rows held fixed). A negative cycle there is exactly an
 * improving exchange, so Bellman–Ford either finds one (→ null) or converges to potentials
 * with non-negative reduced costs, which are dual feasible and complementary slack:
 * `rowDual[i] + colDual[j] <= cost` everywhere, with equality on assigned pairs; `colDual[j]`
 * is 0 for a column below capacity whose minimum load does not bind (a minimum of 0 never
 * does), `<= 0` for a full one, `>= 0` for one held at a positive minimum. With `allowUnmatched` the dual of "place exactly ν rows"
 * is folded into the row duals, so every unplaced row gets that same value.
 *
 * Cost O((rows + cols) · pairs) in the worst case; meant for checking and for the LP backend,
 * not for hot paths.
 *
 * @param rowCol column of each row, or -1 when unplaced; must respect capacities and bans.
 */
export function optimalityDuals(problem: NormalizedProblem, rowCol: Int32Array): MinCostDuals | null {
  const { rows, cols, rowStart, colIndex, cost, capacity, minLoad, allowUnmatched } = problem;
  const source = rows + cols;
  const sink = source + 1;
  const nodes = sink + 1;
  const load = new Int32Array(cols);
  for (let i = 0; i < rows; i++) if (rowCol[i]! >= 0) load[rowCol[i]!]!++;
  // Rounding noise along a zero-cost cycle must not count as an improvement.
  const eps = 1e-12 * (roundingUnit(problem.largestCost) + problem.largestCost);
  // Distances from a virtual source joined to every node at cost 0.
  const dist = new Float64Array(nodes);
  let changed = true;
  let pass = 0;
  const relax = (from: number, to: number, c: number): void => {
    const through = dist[from]! + c;
    if (through < dist[to]! - eps) {
      dist[to] = through;
      changed = true;
    }
  };
  for (; changed && pass <= nodes; pass++) {
    changed = false;
    for (let i = 0; i < rows; i++) {
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
        const j = colIndex[k]!;
        relax(i, rows + j, cost[k]!);
        if (rowCol[i] === j) relax(rows + j, i, -cost[k]!);
      }
      if (allowUnmatched) {
        if (rowCol[i]! >= 0) relax(i, source, 0);
        else relax(source, i, 0);
      }
    }
    for (let j = 0; j < cols; j++) {
      if (load[j]! < capacity[j]!) relax(rows + j, sink, 0);
      // A minimum of 0 is no constraint of the LP at all, so it must not hold a dual.
      if (load[j]! > minLoad[j]! || minLoad[j] === 0) relax(sink, rows + j, 0);
    }
  }
  if (changed) return null; // still improving after |V| passes: a negative cycle
  const rowDual = new Float64Array(rows);
  const colDual = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    // An unplaced row's own dual is 0 by complementary slackness; what remains is ν's dual.
    const at = allowUnmatched && rowCol[i]! < 0 ? dist[source]! : dist[i]!;
    rowDual[i] = dist[sink]! - at + 0;
  }
  for (let j = 0; j < cols; j++) {
    const slack = load[j]! < capacity[j]! && (load[j]! > minLoad[j]! || minLoad[j] === 0);
    colDual[j] = slack ? 0 : dist[rows + j]! - dist[sink]! + 0;
  }
  return { rowDual, colDual };
}
