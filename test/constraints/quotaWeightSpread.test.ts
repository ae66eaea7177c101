import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import type { QuotaBackend } from '../../src/constraints/quotaBackend.js';
import type { SideConstraint } from '../../src/constraints/sideConstraint.js';
import { solveWithSideConstraints } from '../../src/constraints/solveWithSideConstraints.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteWithQuotas } from '../helpers/bruteWithQuotas.js';
import { runs } from '../helpers/runs.js';

/**
 * Weights about 1e-7 beside one of 1e7: the 0/1 backends' tolerances are absolute, so after
 * scaling the largest weight to about 1e6 the small ones' differences lie near them. A quota
 * answer must still be the exhaustive optimum to a few roundings of the largest weight.
 */
/**
 * Small problems whose weights are steps of `step` beside one pair of ±`huge`: on a coach with
 * places among the others, or (`unreachable`) alone on an extra coach without places, where
 * it can never be chosen and must not set the scale the backend sees.
 */
const spreadProblem = (step: number, huge: number, unreachable: boolean) =>
  fc
    .record({
      rows: fc.integer({ min: 1, max: 5 }),
      cols: fc.integer({ min: 1, max: 3 }),
      small: fc.array(fc.option(fc.integer({ min: -9, max: 9 }), { nil: null, freq: 5 }), { minLength: 15, maxLength: 15 }),
      far: fc.record({ at: fc.nat({ max: 14 }), sign: fc.constantFrom(1, -1) }),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
      allowUnmatched: fc.boolean(),
      sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
      quota: fc.record({ pairs: fc.array(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 2 })), { maxLength: 6 }), bound: fc.integer({ min: 0, max: 2 }), isMax: fc.boolean() }),
    })
    .map(({ rows, cols, small, far, capacity, allowUnmatched, sense, quota }) => {
      const weights = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (__, j) => (small[i * cols + j] === null ? null : small[i * cols + j]! * step)));
      const hi = Math.floor(far.at / 3) % rows;
      if (unreachable) weights.forEach((row, i) => row.push(i === hi ? far.sign * huge : null));
      else weights[hi]![(far.at % 3) % cols] = far.sign * huge;
      const problem: AssignmentProblem = { weights, capacity: [...capacity.slice(0, cols), ...(unreachable ? [0] : [])], allowUnmatched, sense };
      const pairs = quota.pairs.filter(([i, j]) => i < rows && j < cols);
      const constraints: SideConstraint[] = [{ name: 'q', per: 'total', pairs, ...(quota.isMax ? { max: quota.bound } : { min: quota.bound }) }];
      return { problem, constraints };
    });

/** The exhaustive optimum to within `within`, with the same number placed. */
function expectExhaustiveOptimum({ problem, constraints }: { problem: AssignmentProblem; constraints: SideConstraint[] }, backend: QuotaBackend, within: number): void {
  const expected = bruteWithQuotas(problem, constraints);
  const result = solveWithSideConstraints(problem, constraints, { backend, priceQuotas: false });
  if (expected === null) {
    expect(result.status).toBe('infeasible');
    return;
  }
  if (result.status !== 'optimal') throw new Error(`expected an optimum, got ${JSON.stringify(result)}`);
  expect(result.matched).toBe(expected.matched);
  expect(Math.abs(result.objective - expected.total)).toBeLessThan(within);
}

const backends: [string, QuotaBackend][] = [['javascript-lp-solver', lpSolverBackend], ['highs', await loadHighsBackend()]];

describe.each(backends)('quota solves on %s with weights 14 orders of magnitude apart', (_, backend) => {
  it('answers with the plain optimum when it keeps every quota (none at all here)', () => {
    // The 1e7 pair is never worth taking (min); in the second it is on a coach without places.
    const least: AssignmentProblem = { weights: [[0, null, 1e-7, -3e-7], [9e-7, 5e-7, null, null], [9e-7, 8e-7, 1e7, 3e-7], [0, 5e-7, null, 8e-7]], capacity: [3, 0, 1, 3], allowUnmatched: false, sense: 'min' };
    expect(solveWithSideConstraints(least, [], { backend })).toMatchObject({ status: 'optimal', assignment: [3, 0, 3, 0], objective: 9e-7 });
    const unreachable: AssignmentProblem = { weights: [[3e-7, 9e-7, 9e-7], [-2e-7, 3e-7, 9e-7], [0, 4e-7, 1e7], [3e-7, -2e-7, 3e-7], [null, 6e-7, 2e-7]], capacity: [1, 2, 0], allowUnmatched: true };
    expect(solveWithSideConstraints(unreachable, [], { backend })).toMatchObject({ status: 'optimal', assignment: [1, null, null, 0, 1] });
  });

  it('finds the exhaustive optimum, whether the quota binds or not', () => {
    // Within a few roundings of 1e7 (2e-9 each), well below the small weights' step of 1e-7.
    fc.assert(
      fc.property(spreadProblem(1e-7, 1e7, false), (drawn) => expectExhaustiveOptimum(drawn, backend, 2e-8)),
      { numRuns: runs(300) },
    );
  });

  it('is not thrown off by a weight of 1e9 on a coach without places, beside steps of 1e-9', () => {
    fc.assert(
      fc.property(spreadProblem(1e-9, 1e9, true), (drawn) => expectExhaustiveOptimum(drawn, backend, 1e-10)),
      { numRuns: runs(300) },
    );
  });
});
