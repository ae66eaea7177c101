import { describe, expect, it } from 'vitest';
import { solveWithSideConstraints } from '../../src/constraints/solveWithSideConstraints.js';
import type { SideConstraint } from '../../src/constraints/sideConstraint.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

const problem = { weights: [[5, 1], [4, 3]] };
const quota: SideConstraint[] = [{ name: 'q', per: 'total', pairs: [[0, 1]], min: 1 }];

describe('solveWithSideConstraints input checks', () => {
  it('refuses bad options at their paths, not with a TypeError or silently', () => {
    const cases: [object, string][] = [
      [{ backend: {} }, '$.backend'],
      [{ timeLimitSeconds: NaN }, '$.timeLimitSeconds'],
      [{ timeLimitSeconds: -1 }, '$.timeLimitSeconds'],
      [{ timeLimitSeconds: 0 }, '$.timeLimitSeconds'],
      [{ timeLimitSeconds: '1' }, '$.timeLimitSeconds'],
      [{ priceQuotas: 'no' }, '$.priceQuotas'],
      [{ priceQuota: false }, '$.priceQuota'],
    ];
    for (const [options, path] of cases) expect(thrownKindAndPaths(() => solveWithSideConstraints(problem, quota, options as never))).toEqual({ kind: 'invalidArgument', paths: [path] });
  });

  it('refuses constraints that are not a list of objects', () => {
    expect(thrownKindAndPaths(() => solveWithSideConstraints(problem, null as never))).toEqual({ kind: 'invalidProblem', paths: ['$.sideConstraints'] });
    // eslint-disable-next-line no-sparse-arrays
    expect(thrownKindAndPaths(() => solveWithSideConstraints(problem, [, ...quota] as never))).toEqual({ kind: 'invalidProblem', paths: ['$.sideConstraints[0]'] });
  });

  it('gives undefined options their defaults and accepts Infinity and a positive limit', () => {
    const plain = solveWithSideConstraints(problem, quota);
    expect(plain.status).toBe('optimal');
    expect(solveWithSideConstraints(problem, quota, { backend: undefined, timeLimitSeconds: undefined, priceQuotas: undefined })).toEqual(plain);
    expect(solveWithSideConstraints(problem, quota, { timeLimitSeconds: Infinity })).toEqual(plain);
    expect(solveWithSideConstraints(problem, quota, { timeLimitSeconds: 60 })).toEqual(plain);
  });
});
