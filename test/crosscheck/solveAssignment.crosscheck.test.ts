import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { crossCheckProblem } from '../helpers/crossCheckProblem.js';
import { runs } from '../helpers/runs.js';
import { buildVolumeProblem, volumeSpecArbitrary, type VolumeShape } from '../helpers/volumeProblemArbitrary.js';

/** Runs the cross-check on `numRuns` random specs and returns how many were optimal / infeasible. */
function crossCheckMany(shape: VolumeShape, numRuns: number, seed?: number) {
  const statuses = { optimal: 0, infeasible: 0 };
  fc.assert(
    fc.property(volumeSpecArbitrary(shape), (spec) => {
      const report = crossCheckProblem(buildVolumeProblem(spec));
      expect(report.disagreements, JSON.stringify(spec)).toEqual([]);
      if (report.status !== 'error') statuses[report.status]++;
    }),
    { numRuns, ...(seed === undefined ? {} : { seed }) },
  );
  return statuses;
}

describe(`${solveAssignment.name} cross-checked at volume`, () => {
  it('gives the same status, placed rows and objective with flow and lp up to 60 × 15, and each answer is feasible', () => {
    const statuses = crossCheckMany({ maxRows: 60, maxCols: 15 }, runs(1500));
    // The generator must exercise both outcomes, or the check says little.
    expect(statuses.optimal).toBeGreaterThan(runs(1500) / 5);
    expect(statuses.infeasible).toBeGreaterThan(runs(1500) / 20);
  });

  it('gives the same optimum with jv, flow and lp on square one-to-one problems up to 30 × 30', () => {
    const statuses = crossCheckMany({ maxRows: 30, maxCols: 30, oneToOne: true }, runs(600));
    expect(statuses.optimal).toBeGreaterThan(runs(600) / 2);
  });

  it('agrees with brute force on tiny problems (≤ 7 × 4), every method', () => {
    crossCheckMany({ maxRows: 7, maxCols: 4 }, runs(3000));
  });

  it('agrees on large dense problems where every place gets filled (the auction warm start)', () => {
    // auto/flow warm-start with auction prices only from 10,000 rows; a forced small case of
    // the same shape (total capacity = rows, no minimum loads) still checks the dispatch.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 20, max: 60 }), (seed, rows) => {
        const problem = buildVolumeProblem({ rows, cols: 15, density: 0.7, sparse: false, sense: 'max', weights: 'integer', capacity: 'tight', minShare: 0, allowUnmatched: false, seed });
        expect(crossCheckProblem(problem).disagreements).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });
});
