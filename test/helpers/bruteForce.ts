import type { AssignmentProblem } from '../../src/solver/types.js';

/** What exhaustive search says about a tiny problem. */
export interface BruteForceAnswer {
  readonly feasible: boolean;
  /** Best total among the placements with the most rows; null when infeasible. */
  readonly objective: number | null;
  /** Rows placed by an optimal answer (all rows unless `allowUnmatched`). */
  readonly matched: number;
}

/** Allowed (column, weight) pairs of each row, read straight from the caller's problem. */
export function candidatesOf(problem: AssignmentProblem): { rows: number; cols: number; options: [number, number][][] } {
  if (problem.weights !== undefined) {
    const rows = problem.weights.length;
    const cols = problem.weights[0]?.length ?? problem.cols ?? 0;
    const options = problem.weights.map((row) => {
      const out: [number, number][] = [];
      row.forEach((w, j) => {
        if (typeof w === 'number' && Number.isFinite(w)) out.push([j, w]);
      });
      return out;
    });
    return { rows, cols, options };
  }
  const rows = problem.rows ?? 0;
  const options = Array.from({ length: rows }, (): [number, number][] => []);
  for (const [r, c, w] of problem.edges ?? []) options[r]!.push([c, w]);
  return { rows, cols: problem.cols ?? 0, options };
}

/**
 * Enumerates every assignment of a tiny, valid problem (about ≤ 7 rows, ≤ 4 columns) and
 * returns the optimum under the engine's semantics: capacities and minimum loads kept, bans
 * respected, and with `allowUnmatched` first the most placed rows, then the best total.
 * Independent of the solver's code on purpose: it reads the caller's format directly.
 */
export function bruteForce(problem: AssignmentProblem): BruteForceAnswer {
  const { rows, cols, options } = candidatesOf(problem);
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const better = problem.sense === 'min' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  const load = new Array<number>(cols).fill(0);
  let bestMatched = -1;
  let bestTotal = 0;
  const visit = (i: number, matched: number, total: number): void => {
    if (i === rows) {
      if (minLoad.some((m, j) => load[j]! < m)) return;
      if (matched > bestMatched || (matched === bestMatched && better(total, bestTotal))) {
        bestMatched = matched;
        bestTotal = total;
      }
      return;
    }
    for (const [j, w] of options[i]!) {
      if (load[j]! >= capacity[j]!) continue;
      load[j]!++;
      visit(i + 1, matched + 1, total + w);
      load[j]!--;
    }
    if (problem.allowUnmatched === true) visit(i + 1, matched, total);
  };
  visit(0, 0, 0);
  if (bestMatched < 0) return { feasible: false, objective: null, matched: 0 };
  return { feasible: true, objective: bestTotal, matched: bestMatched };
}
