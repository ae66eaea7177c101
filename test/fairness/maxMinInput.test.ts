import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { solveMaxMin } from '../../src/fairness/solveMaxMin.js';
import { runs } from '../helpers/runs.js';

const problem = { weights: [[10, 1], [4, 1]] };

function issuesOf(run: () => unknown): { kind: string; paths: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof CoachmatchError)) throw error;
    return { kind: error.kind, paths: error.issues.map((i) => i.path) };
  }
  throw new Error('expected a CoachmatchError');
}

describe('solveMaxMin option checks', () => {
  it('refuses a level that is not a function or null, and unknown options', () => {
    expect(issuesOf(() => solveMaxMin(problem, { level: 'x' as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
    expect(issuesOf(() => solveMaxMin(problem, { method: 'fast' as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.method'] });
    expect(issuesOf(() => solveMaxMin(problem, { levels: null } as never))).toEqual({ kind: 'invalidArgument', paths: ['$.levels'] });
  });

  it('refuses any level value that is not a finite number instead of a wrong worst or an internal error', () => {
    const bad = fc.anything().filter((v) => typeof v !== 'number' || !Number.isFinite(v));
    fc.assert(
      fc.property(bad, (value) => {
        expect(issuesOf(() => solveMaxMin(problem, { level: () => value as number }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
      }),
      { numRuns: runs(100) },
    );
    expect(issuesOf(() => solveMaxMin(problem, { level: (i, j) => String(i + j) as never }))).toEqual({ kind: 'invalidArgument', paths: ['$.level'] });
  });

  it('gives undefined options their defaults', () => {
    expect(solveMaxMin(problem, { level: undefined, method: undefined })).toEqual(solveMaxMin(problem));
  });
});
