import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMaxMin } from '../../src/fairness/solveMaxMin.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { candidatesOf } from '../helpers/bruteForce.js';
import { sameObjective } from '../helpers/checkResult.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

/**
 * Exhaustive lexicographic optimum, independent of the library: the most rows placed, then
 * the best worst level (weight for max, minus weight for min), then the best total. Levels
 * within 10^-12 of the largest |level| above the lowest of their step count as that step.
 */
function bruteMaxMin(problem: AssignmentProblem): { matched: number; worst: number | null; total: number; stepOf: (level: number) => number } | null {
  const { rows, cols, options } = candidatesOf(problem);
  const all = [...new Set(options.flatMap((list) => list.map(([, w]) => (problem.sense !== 'min' ? w : -w) + 0)))].sort((a, b) => a - b);
  const gap = 1e-12 * Math.max(0, ...all.map(Math.abs));
  const steps: number[] = [];
  for (const x of all) if (steps.length === 0 || x - steps.at(-1)! > gap) steps.push(x);
  const stepOf = (x: number) => steps.filter((s) => s <= x).at(-1)!;
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const max = problem.sense !== 'min';
  const load = new Array<number>(cols).fill(0);
  let best: { matched: number; worst: number | null; total: number } | null = null;
  const better = (a: { matched: number; worst: number | null; total: number }) => {
    if (best === null || a.matched !== best.matched) return best === null || a.matched > best.matched;
    const wa = a.worst ?? Infinity;
    const wb = best.worst ?? Infinity;
    if (wa !== wb) return wa > wb;
    return max ? a.total > best.total : a.total < best.total;
  };
  const visit = (i: number, matched: number, worst: number | null, total: number): void => {
    if (i === rows) {
      if (minLoad.some((m, j) => load[j]! < m)) return;
      const candidate = { matched, worst, total };
      if (better(candidate)) best = candidate;
      return;
    }
    for (const [j, w] of options[i]!) {
      if (load[j]! >= capacity[j]!) continue;
      load[j]!++;
      const level = stepOf((max ? w : -w) + 0);
      visit(i + 1, matched + 1, worst === null ? level : Math.min(worst, level), total + w);
      load[j]!--;
    }
    if (problem.allowUnmatched === true) visit(i + 1, matched, worst, total);
  };
  visit(0, 0, null, 0);
  return best === null ? null : { ...(best as { matched: number; worst: number | null; total: number }), stepOf };
}

describe(solveMaxMin, () => {
  it('gives up total for the worst-off row and reports the price', () => {
    // Plain optimum 10 + 1 = 11 leaves row 1 at 1; max–min pairs (0,1) and (1,0): worst 4, total 10.
    const result = solveMaxMin({ weights: [[10, 4], [6, 1]] });
    expect(result).toMatchObject({ status: 'optimal', assignment: [1, 0], worst: 4, objective: 10, optimum: 11, optimumWorst: 1, priceOfFairness: 1 });
  });

  it('counts levels one rounding apart as one: no total is given up for a unit in the last place', () => {
    const low = 0.3; // 0.29999999999999998…
    const high = 0.1 + 0.2; // 0.30000000000000004…, one unit in the last place above
    expect(high).toBeGreaterThan(low);
    // The best total, 10 + 0.3, leaves row 1 at `low`; the only matching whose worst is `high` totals 0.6.
    const result = solveMaxMin({ weights: [[10, high], [high, low]] });
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(result.assignment).toEqual([0, 1]);
    expect(result.objective).toBeCloseTo(10.3, 12);
    expect(result.priceOfFairness).toBe(0);
  });

  it('among the matchings with the best worst level, takes the best total', () => {
    // Worst level 5 is reachable two ways: (0→0, 1→1) totals 5 + 9 = 14, (0→1, 1→0) totals 6 + 5 = 11.
    const result = solveMaxMin({ weights: [[5, 6], [5, 9]] });
    expect(result).toMatchObject({ worst: 5, objective: 14, assignment: [0, 1] });
  });

  it('places as many rows as possible before looking at the worst level', () => {
    // Row 1 can only use column 0; placing both forces row 0 onto its weight-1 column.
    const result = solveMaxMin({ weights: [[9, 1], [2, null]], allowUnmatched: true });
    expect(result).toMatchObject({ matched: 2, assignment: [1, 0], worst: 1 });
  });

  it('matches exhaustive search: no assignment has a better worst level, and none with it a better total', () => {
    fc.assert(
      fc.property(problemArbitrary({ maxRows: 6, maxCols: 4, maxCapacity: 2 }), (problem) => {
        const expected = bruteMaxMin(problem);
        const result = solveMaxMin(problem);
        if (expected === null) {
          expect(result.status).toBe('infeasible');
          return;
        }
        if (result.status !== 'optimal') throw new Error('expected an optimum');
        expect(result.matched).toBe(expected.matched);
        // The worst level's step: levels one rounding apart are one (+0: -0 and 0 are the same level).
        expect(result.worst === null ? null : expected.stepOf(result.worst + 0)).toBe(expected.worst === null ? null : expected.worst + 0);
        expect(sameObjective(result.objective, expected.total)).toBe(true);
        const plain = solveAssignment(problem);
        expect(plain.status === 'optimal' && sameObjective(result.optimum, plain.objective)).toBe(true);
        expect(result.priceOfFairness).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: runs(300) },
    );
  });

  it('measures the worst level with a caller-given level function', () => {
    // The weights favour the diagonal (total 18); the levels say both rows are better off crossed.
    const levels = [[0, 5], [5, 0]];
    const result = solveMaxMin({ weights: [[9, 1], [1, 9]] }, { level: (i, j) => levels[i]![j]! });
    expect(result).toMatchObject({ assignment: [1, 0], worst: 5, objective: 2, optimum: 18, optimumWorst: 0, priceOfFairness: 16 });
  });
});
