import { describe, expect, it } from 'vitest';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import type { SideConstraint } from '../../src/constraints/sideConstraint.js';
import { solveWithSideConstraints } from '../../src/constraints/solveWithSideConstraints.js';

const highs = await loadHighsBackend();

// Small weights make many optimal assignments; on this one HiGHS took another one when the
// two quotas came the other way round.
const problem = {
  weights: [
    [0, 1, 2, 1, 1, 2], [0, 0, 1, 2, 2, 1], [2, 0, 1, 1, 0, 2], [0, 1, 2, 2, 1, 1], [0, 0, 1, 2, 0, 2],
    [2, 0, 1, 0, 0, 2], [0, 0, 2, 2, 0, 1], [0, 2, 0, 1, 2, 2], [1, 0, 2, 1, 1, 2], [0, 1, 0, 2, 1, 0],
    [1, 1, 0, 1, 1, 2], [1, 2, 1, 0, 1, 0], [1, 1, 1, 1, 0, 1], [2, 0, 2, 2, 1, 1], [1, 1, 1, 2, 1, 0],
  ],
  capacity: [2, 2, 3, 3, 3, 1],
  allowUnmatched: true,
};
const pairsOf = (flat: number[]) => Array.from({ length: flat.length / 2 }, (_, m) => [flat[2 * m]!, flat[2 * m + 1]!] as const);
const constraints: SideConstraint[] = [
  { name: 'c0', per: 'total', max: 3, pairs: pairsOf([0, 1, 0, 3, 1, 3, 2, 2, 2, 3, 3, 1, 3, 5, 4, 0, 4, 1, 4, 2, 4, 5, 5, 0, 5, 1, 5, 2, 6, 0, 6, 1, 7, 2, 8, 2, 8, 3, 8, 4, 8, 5, 9, 1, 9, 2, 9, 5, 10, 0, 10, 2, 10, 3, 11, 0, 11, 1, 12, 1, 12, 2, 12, 5, 13, 0, 13, 2, 14, 0, 14, 1, 14, 3, 14, 5]) },
  { name: 'c1', per: 'total', max: 3, pairs: pairsOf([0, 2, 0, 3, 1, 2, 1, 4, 2, 0, 2, 1, 3, 4, 3, 5, 4, 0, 4, 1, 4, 5, 5, 0, 5, 5, 6, 2, 7, 1, 7, 5, 8, 0, 8, 5, 9, 0, 9, 3, 9, 4, 10, 4, 11, 1, 11, 4, 11, 5, 12, 0, 12, 1, 13, 1, 13, 2, 13, 4, 14, 0, 14, 2, 14, 4]) },
];

describe('solveWithSideConstraints, whatever the order of the constraints', () => {
  it.each([['javascript-lp-solver', lpSolverBackend], ['highs', highs]] as const)('gives the same assignment and instances on %s: the program is built in name order', (_, backend) => {
    const a = solveWithSideConstraints(problem, constraints, { backend });
    const b = solveWithSideConstraints(problem, [...constraints].reverse(), { backend });
    if (a.status !== 'optimal' || b.status !== 'optimal') throw new Error(`expected optimal, got ${a.status} and ${b.status}`);
    expect(b.assignment).toEqual(a.assignment);
    expect(b.instances).toEqual(a.instances);
    // Reports stay one per constraint, in the order given.
    expect(b.quotas).toEqual([...a.quotas].reverse());
  });
});
