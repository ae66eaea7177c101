import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, CompressedPairs } from '../../src/solver/types.js';
import { candidatesOf } from '../helpers/bruteForce.js';
import { problemArbitrary } from '../helpers/problemArbitrary.js';
import { resultDefects } from '../helpers/resultDefects.js';
import { runs } from '../helpers/runs.js';
import { issuePaths } from '../helpers/issuePaths.js';

const methods = ['auto', 'flow', 'lp'] as const;

/** A valid problem in both sparse forms: `edges` (in the arbitrary's shuffled order) and `compressed`. */
interface TwoForms {
  readonly edges: AssignmentProblem;
  readonly compressed: AssignmentProblem;
}

/**
 * The same pairs as compressed rows. `offset` > 0 places the arrays as views into larger
 * buffers, as a caller slicing one big allocation would pass them.
 */
function compress(rows: number, options: readonly (readonly [number, number])[][], offset: number): CompressedPairs {
  const pairs = options.reduce((n, row) => n + row.length, 0);
  const view = <T extends Int32Array | Float64Array>(make: (n: number) => T, n: number): T =>
    make(n + 2 * offset).subarray(offset, offset + n) as T;
  const rowStart = view((n) => new Int32Array(n), rows + 1);
  const colIndex = view((n) => new Int32Array(n), pairs);
  const weight = view((n) => new Float64Array(n), pairs);
  let k = 0;
  options.forEach((row, i) => {
    rowStart[i] = k;
    for (const [j, w] of [...row].sort((a, b) => a[0] - b[0])) {
      colIndex[k] = j;
      weight[k] = w;
      k++;
    }
  });
  rowStart[rows] = k;
  return { rowStart, colIndex, weight };
}

/** Problems up to 12 × 12 (small and large capacities, minimum loads, both senses, allowUnmatched both ways) in both forms. */
const twoForms: fc.Arbitrary<TwoForms> = fc
  .tuple(
    fc.oneof(problemArbitrary({ maxRows: 12, maxCols: 12 }), problemArbitrary({ maxRows: 12, maxCols: 12, maxCapacity: 8 })),
    fc.constantFrom(0, 0, 3),
  )
  .map(([problem, offset]) => {
    const { rows, cols, options } = candidatesOf(problem);
    const { weights: _weights, edges: _edges, ...rest } = problem;
    const edges = options.flatMap((row, i) => row.map(([j, w]): [number, number, number] => [i, j, w]));
    // Keep the arbitrary's shuffled edge order when it drew a sparse problem.
    return {
      edges: { ...rest, rows, cols, edges: problem.edges ?? edges },
      compressed: { ...rest, rows, cols, compressed: compress(rows, options, offset) },
    };
  });

function closeWithin1e9(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function expectSameOutcome(fromCompressed: AssignmentResult, fromEdges: AssignmentResult): void {
  expect(fromCompressed.status).toBe(fromEdges.status);
  expect(fromCompressed.matched).toBe(fromEdges.matched);
  if (fromCompressed.status === 'optimal' && fromEdges.status === 'optimal') {
    expect(closeWithin1e9(fromCompressed.objective, fromEdges.objective), `${fromCompressed.objective} vs ${fromEdges.objective}`).toBe(true);
  }
}

describe('solveAssignment on compressed rows', () => {
  it('finds the same status, matched rows and objective as from the equivalent edges, for auto, flow and lp', () => {
    fc.assert(
      fc.property(twoForms, ({ edges, compressed }) => {
        for (const method of methods) {
          const fromCompressed = solveAssignment(compressed, { method });
          expectSameOutcome(fromCompressed, solveAssignment(edges, { method }));
          // The compressed answer must also be a valid answer to the caller's pairs.
          expect(resultDefects(edges, fromCompressed), method).toEqual([]);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('leaves the caller\'s typed arrays as they were', () => {
    fc.assert(
      fc.property(twoForms, ({ compressed }) => {
        const pairs = compressed.compressed!;
        const before = [Array.from(pairs.rowStart), Array.from(pairs.colIndex), Array.from(pairs.weight)];
        for (const method of methods) {
          solveAssignment(compressed, { method });
          expect([Array.from(pairs.rowStart), Array.from(pairs.colIndex), Array.from(pairs.weight)], method).toEqual(before);
        }
      }),
      { numRuns: runs(60) },
    );
  });
});


/** A 3 × 4 problem in compressed rows: row 0 → {0, 2}, row 1 → {1, 2, 3}, row 2 → {3}; each part replaceable. */
function problem3x4(parts: { rowStart?: unknown; colIndex?: unknown; weight?: unknown; rows?: number; cols?: number } = {}): unknown {
  return {
    rows: parts.rows ?? 3,
    cols: parts.cols ?? 4,
    compressed: {
      rowStart: parts.rowStart ?? Int32Array.of(0, 2, 5, 6),
      colIndex: parts.colIndex ?? Int32Array.of(0, 2, 1, 2, 3, 3),
      weight: parts.weight ?? Float64Array.of(1, 2, 3, 4, 5, 6),
    },
  };
}

describe('solveAssignment on malformed compressed rows', () => {
  it('accepts the well-formed base problem', () => {
    expect(solveAssignment(problem3x4() as AssignmentProblem).status).toBe('optimal');
  });

  it('rejects row starts of the wrong length', () => {
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 2, 5) }))).toEqual(['$.compressed.rowStart']);
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 2, 5, 6, 6) }))).toEqual(['$.compressed.rowStart']);
    expect(issuePaths(problem3x4({ rows: 4 }))).toEqual(['$.compressed.rowStart']);
  });

  it('rejects row starts that do not run from 0 to the number of pairs', () => {
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(1, 2, 5, 6) }))).toEqual(['$.compressed.rowStart']);
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 2, 5, 5) }))).toEqual(['$.compressed.rowStart']);
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 2, 5, 7) }))).toEqual(['$.compressed.rowStart']);
  });

  it('rejects decreasing row starts, naming the entry where the row ends before it starts', () => {
    // Row 1 would run 5 .. 2; rows 0 (0 .. 4) and 2 (2 .. 5) are well-formed on their own, so only the row start is at fault.
    const ascending = Int32Array.of(0, 1, 2, 3, 4, 5);
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 5, 2, 6), colIndex: ascending, cols: 8 }))).toEqual([
      '$.compressed.rowStart[2]',
    ]);
  });

  it('rejects row starts beyond the pairs, without naming entries past the arrays\' end', () => {
    // rowStart[1] = 9 overshoots the 6 pairs; rowStart[2] = 5 then decreases. The pairs that exist are well-formed.
    const ascending = Int32Array.of(0, 1, 2, 3, 4, 5);
    expect(issuePaths(problem3x4({ rowStart: Int32Array.of(0, 9, 5, 6), colIndex: ascending, cols: 8 }))).toEqual([
      '$.compressed.rowStart[1]',
      '$.compressed.rowStart[2]',
    ]);
  });

  it('rejects a column out of range, naming the pair', () => {
    expect(issuePaths(problem3x4({ colIndex: Int32Array.of(0, 2, 1, 2, 4, 3) }))).toEqual(['$.compressed.colIndex[4]']);
    expect(issuePaths(problem3x4({ colIndex: Int32Array.of(-1, 2, 1, 2, 3, 3) }))).toEqual(['$.compressed.colIndex[0]']);
  });

  it('rejects columns not strictly ascending within a row, naming the second of the pair', () => {
    expect(issuePaths(problem3x4({ colIndex: Int32Array.of(0, 2, 2, 1, 3, 3) }))).toEqual(['$.compressed.colIndex[3]']);
    expect(issuePaths(problem3x4({ colIndex: Int32Array.of(2, 0, 1, 2, 3, 3) }))).toEqual(['$.compressed.colIndex[1]']);
  });

  it('rejects a duplicate column within a row, but not the same column in two rows', () => {
    expect(issuePaths(problem3x4({ colIndex: Int32Array.of(0, 2, 1, 3, 3, 3) }))).toEqual(['$.compressed.colIndex[4]']);
    // Column 3 ends row 1 and is row 2's only column: allowed.
    expect(solveAssignment(problem3x4({ colIndex: Int32Array.of(0, 2, 1, 2, 3, 3) }) as AssignmentProblem).status).toBe('optimal');
  });

  it('rejects a NaN or infinite weight, naming the pair', () => {
    expect(issuePaths(problem3x4({ weight: Float64Array.of(1, 2, 3, NaN, 5, 6) }))).toEqual(['$.compressed.weight[3]']);
    expect(issuePaths(problem3x4({ weight: Float64Array.of(Infinity, 2, 3, 4, 5, -Infinity) }))).toEqual([
      '$.compressed.weight[0]',
      '$.compressed.weight[5]',
    ]);
  });

  it('rejects weights whose total would overflow', () => {
    expect(issuePaths(problem3x4({ weight: Float64Array.of(1e308, 2, 1e308, 4, 5, 1e308) }))).toEqual(['$.compressed.weight']);
  });

  it('rejects a weight array whose length differs from the column array\'s', () => {
    expect(issuePaths(problem3x4({ weight: Float64Array.of(1, 2, 3, 4, 5) }))).toEqual(['$.compressed.weight']);
    expect(issuePaths(problem3x4({ weight: Float64Array.of(1, 2, 3, 4, 5, 6, 7) }))).toEqual(['$.compressed.weight']);
  });

  it('rejects plain arrays or other typed arrays in place of the documented ones', () => {
    expect(issuePaths(problem3x4({ rowStart: [0, 2, 5, 6] }))).toEqual(['$.compressed']);
    expect(issuePaths(problem3x4({ colIndex: [0, 2, 1, 2, 3, 3] }))).toEqual(['$.compressed']);
    expect(issuePaths(problem3x4({ weight: [1, 2, 3, 4, 5, 6] }))).toEqual(['$.compressed']);
    expect(issuePaths(problem3x4({ weight: Float32Array.of(1, 2, 3, 4, 5, 6) }))).toEqual(['$.compressed']);
    expect(issuePaths(problem3x4({ colIndex: Uint32Array.of(0, 2, 1, 2, 3, 3) }))).toEqual(['$.compressed']);
    expect(issuePaths({ rows: 0, cols: 0, compressed: null })).toEqual(['$.compressed']);
  });

  it('rejects compressed rows together with edges or weights', () => {
    const withEdges = { ...(problem3x4() as object), edges: [[0, 0, 1]] };
    expect(issuePaths(withEdges)).toEqual(['$.compressed']);
    const withWeights = { ...(problem3x4() as object), weights: [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]] };
    expect(issuePaths(withWeights)).toEqual(['$.compressed']);
  });

  it('rejects compressed rows without a row or column count', () => {
    const { rows: _rows, ...noRows } = problem3x4() as { rows: number };
    expect(issuePaths(noRows)).toEqual(['$.rows']);
  });
});
