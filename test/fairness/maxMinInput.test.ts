import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMaxMin } from '../../src/fairness/solveMaxMin.js';
import { runs } from '../helpers/runs.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

const problem = { weights: [[10, 1], [4, 1]] };

describe('solveMaxMin option checks', () => {
  it('refuses a level that is not a function or null, and unknown options', () => {
    expect(thrownKindAndPaths(() => solveMaxMin(problem, { level: 'x' as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
    expect(thrownKindAndPaths(() => solveMaxMin(problem, { method: 'fast' as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.method'] });
    expect(thrownKindAndPaths(() => solveMaxMin(problem, { levels: null } as never))).toEqual({ kind: 'invalidArgument', paths: ['$.levels'] });
  });

  it('refuses any level value that is not a finite number instead of a wrong worst or an internal error', () => {
    const bad = fc.anything().filter((v) => typeof v !== 'number' || !Number.isFinite(v));
    fc.assert(
      fc.property(bad, (value) => {
        expect(thrownKindAndPaths(() => solveMaxMin(problem, { level: () => value as number }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
      }),
      { numRuns: runs(100) },
    );
    expect(thrownKindAndPaths(() => solveMaxMin(problem, { level: (i, j) => String(i + j) as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
  });

  it('gives undefined options their defaults', () => {
    expect(solveMaxMin(problem, { level: undefined, method: undefined })).toEqual(solveMaxMin(problem));
  });
});
