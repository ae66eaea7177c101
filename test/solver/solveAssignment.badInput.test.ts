import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { MAX_DIMENSION } from '../../src/solver/normalizeProblem.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { issuePaths } from '../helpers/issuePaths.js';


describe('solveAssignment on malformed problems', () => {
  it('rejects a ragged matrix, naming the short row', () => {
    expect(issuePaths({ weights: [[1, 2], [3], [4, 5]] })).toEqual(['$.weights[1]']);
  });

  it('rejects a weight that is neither a number nor null, naming the cell', () => {
    expect(issuePaths({ weights: [[1, 2], [3, '4']] })).toEqual(['$.weights[1][1]']);
    expect(issuePaths({ weights: [[{}, 2]] })).toEqual(['$.weights[0][0]']);
  });

  it('rejects a negative or fractional capacity, naming each', () => {
    expect(issuePaths({ weights: [[1, 2, 3]], capacity: [1, -1, 1.5] })).toEqual(['$.capacity[1]', '$.capacity[2]']);
  });

  it('rejects a minimum load above the capacity', () => {
    expect(issuePaths({ weights: [[1, 2]], capacity: [1, 2], minLoad: [2, 0] })).toEqual(['$.minLoad[0]']);
  });

  it('rejects an edge outside the matrix, naming the bad coordinate', () => {
    const problem = { rows: 2, cols: 2, edges: [[0, 0, 1], [2, 0, 1], [1, 5, 1], [-1, 0, 1]] };
    expect(issuePaths(problem)).toEqual(['$.edges[1][0]', '$.edges[2][1]', '$.edges[3][0]']);
  });

  it('rejects a pair given twice, naming one of the repeated edges', () => {
    const paths = issuePaths({ rows: 2, cols: 2, edges: [[0, 1, 1], [1, 0, 2], [0, 1, 3]] });
    expect(paths).toHaveLength(1);
    expect(['$.edges[0]', '$.edges[2]']).toContain(paths[0]);
  });

  it('rejects more rows or columns than MAX_DIMENSION, before allocating for them', () => {
    expect(issuePaths({ rows: MAX_DIMENSION + 1, cols: MAX_DIMENSION + 1, edges: [] })).toEqual(['$.rows', '$.cols']);
    expect(issuePaths({ rows: 1, cols: MAX_DIMENSION + 1, compressed: { rowStart: Int32Array.of(0, 0), colIndex: new Int32Array(0), weight: new Float64Array(0) } })).toEqual(['$.cols']);
  });

  it('rejects a warm start whose arrays have holes (forEach would skip them), naming the entry', () => {
    const problem: AssignmentProblem = { rows: 1, cols: 2, edges: [[0, 0, 5]], sense: 'min' };
    expect(() => solveAssignment(problem, { method: 'flow', warmStart: { assignment: [null], colDual: new Array<number>(2) } })).toThrow('warmStart.colDual[0]');
    expect(() => solveAssignment(problem, { method: 'flow', warmStart: { assignment: new Array<number | null>(1), colDual: [0, 0] } })).toThrow('warmStart.assignment[0]');
  });

  it('rejects a warm start of the wrong shape, or with strings for numbers, by field and not with a TypeError', () => {
    const problem: AssignmentProblem = { weights: [[1, 2]] };
    const message = (warmStart: unknown) => {
      try {
        solveAssignment(problem, { method: 'flow', warmStart: warmStart as never });
      } catch (error) {
        expect(error).toBeInstanceOf(CoachmatchError);
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(message(null)).toBe('warmStart: expected { assignment, colDual }, got null');
    expect(message('x')).toBe('warmStart: expected { assignment, colDual }, got string');
    expect(message({})).toBe('warmStart.assignment: expected a list of column indices or null');
    expect(message({ assignment: [0], colDual: 3 })).toBe('warmStart.colDual: expected a list of numbers');
    expect(message({ assignment: [0], colDual: ['0', 0] })).toBe('warmStart.colDual[0]: "0" is not a finite number');
    expect(message({ assignment: ['1'], colDual: [0, 0] })).toBe('warmStart.assignment[0]: "1" is not null or a column index below 2');
  });

  it('lists every problem at once', () => {
    expect(issuePaths({ weights: [[1, 'x'], [1]], capacity: [-1, 1] })).toEqual(
      expect.arrayContaining(['$.weights[0][1]', '$.weights[1]', '$.capacity[0]']),
    );
  });
});
