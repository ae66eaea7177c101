import { describe, expect, it } from 'vitest';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { expectCertifyingDuals, sameObjective } from '../helpers/checkResult.js';

/**
 * Shrunk counterexamples found by fast-check: javascript-lp-solver ignores reduced costs
 * below its 1e-9 tolerance, so on these it stopped 1e-10 short of the optimum, and the
 * optimality check rejected its answer (kind `internal`) until weights were scaled.
 */
const cases: [string, AssignmentProblem][] = [
  [
    'a 1e-10 weight among zeros, with a minimum load',
    {
      capacity: [2, 1, 1, 0],
      minLoad: [2, 0, 0, 0],
      rows: 4,
      cols: 4,
      edges: [
        [0, 0, 0], [0, 1, 0], [0, 2, 0], [0, 3, 0],
        [1, 0, 0], [1, 1, 1.0100364988829824e-10], [1, 2, 0], [1, 3, 0],
        [2, 0, 0], [2, 1, 0], [2, 2, 5e-324], [2, 3, 0],
        [3, 0, 0], [3, 1, 5e-324], [3, 2, 0], [3, 3, 0],
      ],
    },
  ],
  [
    'a 1e-12 weight in a 9 × 6 problem',
    {
      sense: 'max',
      capacity: [0, 1, 2, 1, 2, 3],
      minLoad: [0, 0, 2, 0, 0, 0],
      weights: [
        [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 1.0141257314848557e-12, 5e-324, 0, 0, 0],
        [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0],
      ],
    },
  ],
  ['a single denormal weight', { weights: [[-5e-324, null]] }],
  ['a denormal weight with rows left unplaced', { sense: 'min', allowUnmatched: true, weights: [[null, null], [null, null], [5e-324, null]] }],
];

describe('solveWithLp on weights that differ by less than the LP solver’s tolerance', () => {
  it.each(cases)('finds the optimum and certifies it: %s', (_, problem) => {
    const result = solveWithLp(normalizeProblem(problem));
    const oracle = bruteForce(problem);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(sameObjective(result.objective, oracle.objective!)).toBe(true);
    expectCertifyingDuals(problem, result);
  });
});
