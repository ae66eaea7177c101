import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { SolveWorkspace } from '../../src/solver/solveWorkspace.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

const compressed: AssignmentProblem = { rows: 2, cols: 2, compressed: { rowStart: Int32Array.of(0, 2, 4), colIndex: Int32Array.of(0, 1, 0, 1), weight: Float64Array.of(5, 1, 4, 3) } };

describe('solveAssignment input checks a library caller can get wrong', () => {
  it('refuses a workspace that is not a SolveWorkspace (a TypeError before)', () => {
    expect(thrownKindAndPaths(() => solveAssignment(compressed, { workspace: {} as SolveWorkspace }))).toEqual({ kind: 'invalidArgument', paths: ['$.workspace'] });
    // By hand: rows 0 → 0 and 1 → 1 give 5 + 3 = 8, against 1 + 4.
    expect(solveAssignment(compressed, { workspace: new SolveWorkspace() })).toMatchObject({ status: 'optimal', objective: 8 });
  });

  it('refuses a misspelt field or option rather than solve with its default (hunt H: capcity solved with capacity 1)', () => {
    const typo = { weights: [[5, 1], [4, 3]], capcity: [2, 0] } as unknown as AssignmentProblem;
    expect(thrownKindAndPaths(() => solveAssignment(typo))).toEqual({ kind: 'invalidProblem', paths: ['$.capcity'] });
    const methd = { methd: 'lp' } as unknown as Parameters<typeof solveAssignment>[1];
    expect(thrownKindAndPaths(() => solveAssignment({ weights: [[1]] }, methd))).toEqual({ kind: 'invalidArgument', paths: ['$.methd'] });
  });

  it('refuses a DataView as a row of weights (it read as a row of undefined columns and came back infeasible)', () => {
    const view = new DataView(new ArrayBuffer(16));
    expect(thrownKindAndPaths(() => solveAssignment({ weights: [view as unknown as number[]] }))).toEqual({ kind: 'invalidProblem', paths: ['$.weights[0]'] });
    // A typed array is a row.
    expect(solveAssignment({ weights: [Float64Array.of(2, 1) as unknown as number[]] })).toMatchObject({ status: 'optimal', objective: 2 });
  });
});
