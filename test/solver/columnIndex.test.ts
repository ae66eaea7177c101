import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnIndex } from '../../src/solver/columnIndex.js';
import type { NormalizedProblem } from '../../src/solver/normalizedProblem.js';
import { rowListsArbitrary } from '../helpers/compressedRows.js';
import { runs } from '../helpers/runs.js';

/** Compressed rows (columns ascending), a subset of rows to index, and the order columns are asked for. */
const askedColumns = rowListsArbitrary(30, 40, 20).chain((shape) =>
  // Repeats included: a column asked for again is answered from what was found.
  fc.record({ shape: fc.constant(shape), asked: fc.array(fc.nat({ max: shape.cols - 1 }), { maxLength: 3 * shape.cols }) }),
);

describe('ColumnIndex', () => {
  it('gives each column its indexed rows ascending with their costs, asked one by one or after the whole index is built', () => {
    let lazyAnswers = 0;
    let wholeAnswers = 0;
    fc.assert(
      fc.property(askedColumns, ({ shape: { rows, cols, lists, only }, asked }) => {
        const sorted = lists.map((l) => [...l].sort((a, b) => a - b));
        const rowStart = new Int32Array(rows + 1);
        sorted.forEach((l, i) => (rowStart[i + 1] = rowStart[i]! + l.length));
        const colIndex = Int32Array.from(sorted.flat());
        // A cost that names its pair, so a row given another row's cost shows.
        const cost = Float64Array.from(sorted.flatMap((l, i) => l.map((j) => i * 1000 + j)));
        const problem = { rows, cols, rowStart, colIndex, cost } as unknown as NormalizedProblem;
        const heads = only === null || rows === 0 ? null : Int32Array.from([...only].sort((a, b) => a - b));
        const index = new ColumnIndex(problem, heads);
        // Which answer array each distinct column got: the first four columns asked for are
        // found one by one (arrays of their own); from the fifth on, the whole index answers
        // every column from one shared array.
        const arrayOf = new Map<number, Int32Array>();
        for (const j of asked) {
          const { rows: inColumn, costs, from, to } = index.of(j);
          if (!arrayOf.has(j)) {
            arrayOf.set(j, inColumn);
            const earlier = [...arrayOf.values()].slice(0, -1);
            if (arrayOf.size <= 4) {
              expect(earlier.includes(inColumn), `column ${j} looked up alone`).toBe(false);
              lazyAnswers++;
            } else if (arrayOf.size > 5) {
              expect(inColumn, `column ${j} read from the whole index`).toBe(earlier.at(-1));
              wholeAnswers++;
            }
          }
          const expected = sorted.flatMap((l, i) => ((heads === null || heads.includes(i)) && l.includes(j) ? [i] : []));
          expect(Array.from(inColumn.subarray(from, to)), `column ${j}`).toEqual(expected);
          expect(Array.from(costs.subarray(from, to)), `column ${j}`).toEqual(expected.map((i) => i * 1000 + j));
        }
      }),
      { numRuns: runs(200), seed: 5 },
    );
    // Both ways of answering ran.
    expect(lazyAnswers).toBeGreaterThan(50);
    expect(wholeAnswers).toBeGreaterThan(50);
  });
});
