import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DualCertificate } from '../../src/explain/checkDuals.js';
import { PinnedOnShortLists } from '../../src/explain/pinnedOnShortLists.js';
import { solvePinned } from '../../src/explain/solvePinned.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';

type Dense = AssignmentProblem & { readonly weights: readonly (readonly (number | null)[])[]; readonly capacity: readonly number[] };

/** Small dense max problems (integer or fractional weights, bans, capacities 0..3, minimum loads), capacities spelt out. */
const problems = problemArbitrary({ maxRows: 7, maxCols: 5, denseOnly: true })
  .filter((p) => (p.weights?.length ?? 0) > 0)
  .map((p): Dense => ({ ...p, weights: p.weights!, capacity: p.capacity ?? p.weights![0]!.map(() => 1), sense: 'max' }));

/**
 * Prices every pin of every drawn problem on short lists of one pair per row (plus the row's
 * own: short enough that many answers must be withheld) and checks each answer against a whole
 * re-solve; counts the answers and the withheld.
 */
function checkShortLists(drawn: fc.Arbitrary<Dense>): { answered: number; withheld: number } {
  let answered = 0;
  let withheld = 0;
  fc.assert(
    fc.property(drawn, (problem) => {
      const optimum = solveAssignment(problem);
      if (optimum.status !== 'optimal') return;
      const short = new PinnedOnShortLists(problem, optimum, 'auto', 1);
      problem.weights.forEach((row, i) =>
        row.forEach((w, j) => {
          if (w === null || problem.capacity[j] === 0 || optimum.assignment[i] === j) return;
          const priced = short.price({ row: i, col: j });
          if (priced === null) return void withheld++;
          answered++;
          const whole = solvePinned(problem, [{ row: i, col: j }], 'flow');
          expect(priced.status).toBe('optimal');
          expect(whole.status).toBe('optimal');
          if (priced.status !== 'optimal' || whole.status !== 'optimal') return;
          expect(priced.matched).toBe(whole.matched);
          expect(Math.abs(priced.objective - whole.objective)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(whole.objective)));
          expect(priced.assignment[i]).toBe(j);
        }),
      );
    }),
    { numRuns: runs(400) },
  );
  return { answered, withheld };
}

describe(PinnedOnShortLists, () => {
  it("answers a pinned re-solve on one pair per row only when it is the whole problem's optimum, and withholds some", () => {
    const { answered, withheld } = checkShortLists(problems);
    expect(answered).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
  });

  it('does so too when one pair weighs -1e10 (a penalty on a coachee of priority 1e-9, which no optimum uses)', () => {
    // Tolerances taken from the largest weight anywhere grew to about 10 here, and answers 0.05
    // short of the optimum were certified (a helper's hunt).
    const withHugePenalty = problems
      .chain((p) => fc.record({ p: fc.constant(p), row: fc.nat(p.weights.length - 1), col: fc.nat(p.weights[0]!.length - 1) }))
      .map(({ p, row, col }): Dense => ({ ...p, weights: p.weights.map((r, i) => r.map((w, j) => (i === row && j === col ? -1e10 : w))) }));
    expect(checkShortLists(withHugePenalty).answered).toBeGreaterThan(0);
  });
});

describe(DualCertificate, () => {
  it('gives the same verdict on a pinned answer with the optimum as baseline as without, whatever the duals', () => {
    const cases = problems.chain((problem) => fc.record({ problem: fc.constant(problem), shift: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 12 }) }));
    fc.assert(
      fc.property(cases, ({ problem, shift }) => {
        const optimum = solveAssignment(problem);
        if (optimum.status !== 'optimal') return;
        const plain = new DualCertificate(problem);
        const based = new DualCertificate(problem).withBaseline(optimum.duals.col);
        problem.weights.forEach((row, i) =>
          row.forEach((w, j) => {
            if (w === null || problem.capacity[j] === 0 || optimum.assignment[i] === j) return;
            const pin = { row: i, col: j };
            const forced = solvePinned(problem, [pin]);
            if (forced.status !== 'optimal') return;
            // The solver's own duals, and the same moved about so that some certify and some do not.
            const moved = { ...forced, duals: { row: forced.duals.row.map((u, r) => u + (shift[r % 12]! % 2) / 4), col: forced.duals.col.map((v, c) => v + shift[(c + 5) % 12]! / 4) } };
            for (const answer of [forced, moved]) expect(based.certifiesPinned(answer, pin)).toBe(plain.certifiesPinned(answer, pin));
          }),
        );
      }),
      { numRuns: runs(300) },
    );
  });
});
