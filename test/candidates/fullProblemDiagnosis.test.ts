/**
 * What a large cohort's candidate path says when the full problem cannot place everyone: only
 * what holds on every pair (no group of coachees found on the candidates alone).
 */
import { describe, expect, it } from 'vitest';
import { fullProblemDiagnosis } from '../../src/candidates/fullProblemDiagnosis.js';

const rows = (flags: number[]) => Uint8Array.from(flags);
const ints = (values: number[]) => Int32Array.from(values);

describe('fullProblemDiagnosis', () => {
  it('names the coachees without an allowed coach with places, and a total capacity short', () => {
    expect(fullProblemDiagnosis(rows([1, 0, 1, 0]), ints([1, 1]), ints([1, 1]))).toEqual([
      { kind: 'rowWithoutCandidates', rows: [1, 3], rowCount: 2, message: '2 row(s) have no allowed column with places' },
      { kind: 'capacityShort', shortBy: 2, message: 'total capacity 2 is 2 short of the 4 rows to place' },
    ]);
  });

  it('says which coaches have places out of reach when capacity would do', () => {
    // Three coachees, four places, but bans leave only one coachee who may take c1's three.
    expect(fullProblemDiagnosis(rows([1, 1, 1]), ints([1, 3]), ints([1, 1]))).toEqual([
      { kind: 'placesOutOfReach', cols: [1], colCount: 1, shortBy: 1, message: '1 column(s) have places no placeable row may take: 2 place(s) within reach for 3 rows' },
    ]);
  });
});
