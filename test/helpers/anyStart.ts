import fc from 'fast-check';
import type { AssignmentProblem, WarmStart } from '../../src/solver/types.js';
import { shapeOf } from './problemArbitrary.js';

/** Any start at all: a column or none per row, any finite duals. The solver must not trust it. */
export function anyStart(problem: AssignmentProblem): fc.Arbitrary<WarmStart> {
  const { rows, cols } = shapeOf(problem);
  return fc.record({
    assignment: fc.array(fc.option(fc.integer({ min: 0, max: Math.max(0, cols - 1) }), { nil: null }), { minLength: rows, maxLength: rows }),
    // Far-off duals too (a start from another problem, or a caller's mistake): exact all the same.
    colDual: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -80, max: 80, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e12, -1e12, 961458642501384, 1e300, -1e300)), { minLength: cols, maxLength: cols }),
  });
}
