import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProblemFile } from '../../src/model/problemFileSchema.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, SolverMethod } from '../../src/solver/types.js';
import { hostileNumber, hostileValue, replaceAtPath } from '../helpers/hostileValues.js';
import { outcomeOf } from '../helpers/outcomeOf.js';
import { resultDefects } from '../helpers/resultDefects.js';
import { runs } from '../helpers/runs.js';
import { buildVolumeProblem, volumeSpecArbitrary } from '../helpers/volumeProblemArbitrary.js';

/** The input, shortly, for failure messages (non-finite numbers spelled out). */
function describeInput(input: unknown): string {
  try {
    return JSON.stringify(input, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))?.slice(0, 500) ?? String(input);
  } catch {
    return '(deeply nested input)';
  }
}

const methods: readonly SolverMethod[] = ['auto', 'jv', 'flow', 'lp'];

/** Solves with every method; each must give a sound result or a CoachmatchError. */
function expectGraceful(problem: unknown): void {
  const context = describeInput(problem);
  for (const method of methods) {
    const outcome = outcomeOf(() => solveAssignment(problem as AssignmentProblem, { method }), `${method} ${context}`);
    if (outcome.ok) {
      expect(resultDefects(problem as AssignmentProblem, outcome.value), `${method} ${context}`).toEqual([]);
    } else {
      expect(['invalidProblem', 'invalidArgument'], context).toContain(outcome.error.kind);
      // jv refuses what it cannot take with invalidArgument; bad input names its paths.
      if (outcome.error.kind === 'invalidProblem') {
        expect(outcome.error.issues.length).toBeGreaterThan(0);
        for (const issue of outcome.error.issues) expect(issue.path).toMatch(/^\$/);
      }
    }
  }
}

/**
 * Large whole numbers are left out wherever they could land on rows or cols: declared
 * dimensions far beyond the edges given are a known bug, tested alone in knownBugs.test.ts
 * (they throw a RangeError, or abort the process when the allocation nearly fits).
 */
const notHuge = (v: unknown) => !(typeof v === 'number' && Number.isInteger(v) && v > 1000);

const smallDim = fc.oneof(fc.integer({ min: 0, max: 6 }), hostileNumber.filter((n) => !(Number.isInteger(n) && n > 6)));
const weight = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -9, max: 9 }) }, { weight: 2, arbitrary: hostileNumber }, { weight: 1, arbitrary: hostileValue });

/** Problems written by someone careless or hostile: every field any type, small sizes. */
const hostileProblem = fc.record(
  {
    weights: fc.oneof(
      fc.array(fc.array(weight, { maxLength: 5 }), { maxLength: 5 }),
      fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(fc.array(weight, { minLength: n, maxLength: n }), { maxLength: 5 })),
      hostileValue,
    ),
    rows: smallDim,
    cols: smallDim,
    edges: fc.oneof(fc.array(fc.tuple(smallDim, smallDim, weight), { maxLength: 10 }), fc.array(hostileValue, { maxLength: 3 }), hostileValue),
    // (weights, edges, capacity: any hostile value; rows and cols: small or not whole)
    sense: fc.oneof(fc.constantFrom('max', 'min', 'MAX', '', undefined), hostileValue),
    capacity: fc.oneof(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), hostileNumber), { maxLength: 6 }), hostileValue),
    minLoad: fc.oneof(fc.array(fc.oneof(fc.integer({ min: 0, max: 2 }), hostileNumber), { maxLength: 6 }), hostileValue),
    allowUnmatched: fc.oneof(fc.boolean(), hostileValue),
  },
  { requiredKeys: [] },
);

describe(`${solveAssignment.name} under hostile input`, () => {
  it('returns a sound result or throws a CoachmatchError listing JSON paths, for problems of any shape', () => {
    fc.assert(fc.property(hostileProblem, expectGraceful), { numRuns: runs(1500) });
  });

  it('does the same for valid problems with one field replaced by something hostile', () => {
    const mutated = fc
      .tuple(volumeSpecArbitrary({ maxRows: 8, maxCols: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.option(hostileValue.filter(notHuge), { nil: undefined }))
      .map(([spec, path, replacement]) => replaceAtPath(buildVolumeProblem(spec), path, replacement));
    fc.assert(fc.property(mutated, expectGraceful), { numRuns: runs(1500) });
  });

  it('treats -0 as 0 and refuses NaN and ±Infinity in a dense matrix by path, since only null forbids a pair', () => {
    const result = solveAssignment({ weights: [[-0, null], [null, -0], [0, null]], capacity: [2, 1] });
    expect(result.status).toBe('optimal');
    expect(resultDefects({ weights: [[-0, null], [null, -0], [0, null]], capacity: [2, 1] }, result)).toEqual([]);
    for (const [bad, i, j] of [[NaN, 0, 1], [Infinity, 1, 0], [-Infinity, 2, 1]] as const) {
      const weights = [[-0, 1], [2, -0], [0, 3]];
      weights[i]![j] = bad;
      const at = `$.weights[${i}][${j}]`;
      const outcome = outcomeOf(() => solveAssignment({ weights, capacity: [2, 1] }), String(bad));
      expect(outcome.ok, String(bad)).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.kind).toBe('invalidProblem');
      expect(outcome.error.message).toContain(`${at}: expected a finite number or null (null forbids the pair), got ${bad}`);
    }
  });

  it('reads problem files with JSON tricks (1e999, "NaN", -0, unknown fields) as a clear error or a sound result', () => {
    const texts = [
      '{"weights":[[1e999,1],[1,2]]}',
      '{"weights":[[-1e999,1],[1,2]]}',
      '{"weights":[["NaN",1],[1,2]]}',
      '{"weights":[[-0,1],[1,-0]]}',
      '{"rows":2,"cols":2,"edges":[[0,0,1e999]]}',
      '{"rows":2,"cols":2,"edges":[[0,0,1],[0,0,2]]}',
      '{"rows":1.5,"cols":2,"edges":[]}',
      '{"rows":2,"cols":2,"edges":[[0,0,1]],"capacity":[1e999,1]}',
      '{"weights":[[1]],"capacity":[-0]}',
      '{"weights":[[1]],"__proto__":{"allowUnmatched":true}}',
      '{"weights":[[1]],"constructor":{}}',
      '{"weights":[[1]],"sense":"max","sense":"min"}',
      `{"weights":${'['.repeat(3000)}${']'.repeat(3000)}}`,
      '{"weights":[[1,2],[3]]}',
      '{"weights":[],"cols":3}',
    ];
    for (const text of texts) {
      const outcome = outcomeOf(() => parseProblemFile(JSON.parse(text)), text.slice(0, 80));
      if (!outcome.ok) {
        expect(outcome.error.kind, text.slice(0, 80)).toBe('invalidProblem');
        continue;
      }
      expectGraceful(outcome.value);
    }
  });
});
