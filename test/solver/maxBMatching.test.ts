import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxBMatching, type PairGraph } from '../../src/solver/maxBMatching.js';
import { runs } from '../helpers/runs.js';

/**
 * The textbook method, as an independent oracle: every place of a column is its own vertex
 * and each row tries Kuhn's depth-first augmenting path, with no pruning carried between rows.
 */
function kuhnSize(graph: PairGraph): number {
  const { rows, cols, rowStart, colIndex, capacity } = graph;
  const slotStart = [0];
  for (let j = 0; j < cols; j++) slotStart.push(slotStart[j]! + capacity[j]!);
  const slotRow = new Array<number>(slotStart[cols]!).fill(-1);
  const tryRow = (i: number, seen: Set<number>): boolean => {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const j = colIndex[k]!;
      for (let s = slotStart[j]!; s < slotStart[j + 1]!; s++) {
        if (seen.has(s)) continue;
        seen.add(s);
        if (slotRow[s] === -1 || tryRow(slotRow[s]!, seen)) {
          slotRow[s] = i;
          return true;
        }
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < rows; i++) if (tryRow(i, new Set())) size++;
  return size;
}

/**
 * Rows joined to columns at random, with most rows crowding onto a few columns: the shape
 * in which many rows stay unplaced and the searches of one row meet those of another.
 */
const crowdedGraph: fc.Arbitrary<PairGraph> = fc
  .record({ rows: fc.integer({ min: 0, max: 40 }), cols: fc.integer({ min: 1, max: 12 }), crowded: fc.integer({ min: 1, max: 4 }) })
  .chain(({ rows, cols, crowded }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      lists: fc.array(
        fc.tuple(fc.boolean(), fc.uniqueArray(fc.integer({ min: 0, max: cols - 1 }), { maxLength: 4 })).map(([crowd, list]) =>
          (crowd ? list.map((j) => j % Math.min(cols, crowded)) : list).filter((j, q, all) => all.indexOf(j) === q).sort((a, b) => a - b),
        ),
        { minLength: rows, maxLength: rows },
      ),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: cols, maxLength: cols }),
    }),
  )
  .map(({ rows, cols, lists, capacity }) => {
    const rowStart = new Int32Array(rows + 1);
    lists.forEach((list, i) => (rowStart[i + 1] = rowStart[i]! + list.length));
    return { rows, cols, rowStart, colIndex: Int32Array.from(lists.flat()), capacity: Int32Array.from(capacity) };
  });

describe('maxBMatching', () => {
  it('places as many rows as the textbook augmenting-path method, on allowed pairs within capacity', () => {
    fc.assert(
      fc.property(crowdedGraph, (graph) => {
        const { rowCol, size, members } = maxBMatching(graph);
        expect(size).toBe(kuhnSize(graph));
        const load = new Int32Array(graph.cols);
        let placed = 0;
        rowCol.forEach((j, i) => {
          if (j < 0) return;
          placed++;
          load[j]!++;
          expect(Array.from(graph.colIndex.subarray(graph.rowStart[i]!, graph.rowStart[i + 1]!))).toContain(j);
        });
        expect(placed).toBe(size);
        load.forEach((n, j) => {
          expect(n).toBeLessThanOrEqual(graph.capacity[j]!);
          expect(members.load[j]).toBe(n);
        });
      }),
      { numRuns: runs(1000) },
    );
  });
});
