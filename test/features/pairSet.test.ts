import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CoachmatchError } from '../../src/errors.js';
import { fullPairSet, sparsePairSet, type PairSet } from '../../src/features/pairSet.js';
import { runs } from '../helpers/runs.js';

/** Each row's chosen columns, ascending, of a rows × cols table. */
interface ChosenPairs {
  readonly rows: number;
  readonly cols: number;
  readonly chosen: readonly (readonly number[])[];
}

const chosenPairsArb: fc.Arbitrary<ChosenPairs> = fc
  .record({ rows: fc.integer({ min: 0, max: 8 }), cols: fc.integer({ min: 0, max: 8 }) })
  .chain(({ rows, cols }) => {
    const allColumns = Array.from({ length: cols }, (_, j) => j);
    // fc.subarray keeps the original order, so each row's columns ascend; full rows happen too.
    const row = fc.oneof(fc.subarray(allColumns), fc.constant(allColumns));
    return fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      chosen: fc.array(row, { minLength: rows, maxLength: rows }),
    });
  });

function compressedRows(chosen: readonly (readonly number[])[]): { rowStart: Int32Array; colIndex: Int32Array } {
  const rowStart = new Int32Array(chosen.length + 1);
  chosen.forEach((cols, i) => {
    rowStart[i + 1] = rowStart[i]! + cols.length;
  });
  return { rowStart, colIndex: Int32Array.from(chosen.flat()) };
}

/** Every (row, col) probe worth asking: the table and one step outside it on each side. */
function probes(rows: number, cols: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = -1; i <= rows; i++) for (let j = -1; j <= cols; j++) out.push([i, j]);
  return out;
}

/** The set's own arrays agree with its index: the pair at index k is (row of k, colIndex[k]). */
function expectArraysMatchIndex(set: PairSet): void {
  expect(set.rowStart).toHaveLength(set.rows + 1);
  expect(set.rowStart[set.rows]).toBe(set.size);
  expect(set.colIndex).toHaveLength(set.size);
  for (let i = 0; i < set.rows; i++) {
    for (let k = set.rowStart[i]!; k < set.rowStart[i + 1]!; k++) expect(set.indexOf(i, set.colIndex[k]!)).toBe(k);
  }
}

function expectInternalError(attempt: () => unknown, label: string): void {
  try {
    attempt();
  } catch (error) {
    expect(error, label).toBeInstanceOf(CoachmatchError);
    expect((error as CoachmatchError).kind, label).toBe('internal');
    return;
  }
  throw new Error(`${label}: expected an internal CoachmatchError`);
}

describe(fullPairSet, () => {
  it('indexes (i, j) as i · cols + j inside the table and −1 outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (rows, cols) => {
        const set = fullPairSet(rows, cols);
        expect(set.size).toBe(rows * cols);
        expect(set.full).toBe(true);
        for (const [i, j] of probes(rows, cols)) {
          const inside = i >= 0 && i < rows && j >= 0 && j < cols;
          expect(set.indexOf(i, j), `(${i}, ${j})`).toBe(inside ? i * cols + j : -1);
        }
        expectArraysMatchIndex(set);
      }),
      { numRuns: runs(100) },
    );
  });
});

describe(sparsePairSet, () => {
  it('finds exactly the listed pairs, at their positions in the compressed rows, and −1 for every other', () => {
    fc.assert(
      fc.property(chosenPairsArb, ({ rows, cols, chosen }) => {
        const { rowStart, colIndex } = compressedRows(chosen);
        const set = sparsePairSet(rows, cols, rowStart, colIndex);
        const position = new Map<string, number>();
        let k = 0;
        chosen.forEach((cs, i) => cs.forEach((j) => position.set(`${i},${j}`, k++)));
        expect(set.size).toBe(k);
        expect(set.full).toBe(k === rows * cols);
        for (const [i, j] of probes(rows, cols)) expect(set.indexOf(i, j), `(${i}, ${j})`).toBe(position.get(`${i},${j}`) ?? -1);
        expectArraysMatchIndex(set);
      }),
      { numRuns: runs(200) },
    );
  });

  /** A valid pair set, corrupted in one way that breaks a stated rule. */
  const corruptedArb = chosenPairsArb
    .filter(({ chosen }) => chosen.some((cs) => cs.length > 0))
    .chain(({ rows, cols, chosen }) => {
      const nonEmptyRows = chosen.flatMap((cs, i) => (cs.length > 0 ? [i] : []));
      return fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        chosen: fc.constant(chosen),
        row: fc.constantFrom(...nonEmptyRows),
        corruption: fc.constantFrom('columnTooLarge', 'columnNegative', 'repeatColumn', 'swapColumns', 'startNotZero', 'endNotSize', 'rowStartShort'),
      });
    });

  function corrupt({ rows, cols, chosen, row, corruption }: ChosenPairs & { row: number; corruption: string }): {
    rowStart: Int32Array;
    colIndex: Int32Array;
  } | null {
    const edited = chosen.map((cs) => [...cs]);
    const cs = edited[row]!;
    switch (corruption) {
      case 'columnTooLarge':
        cs[cs.length - 1] = cols;
        break;
      case 'columnNegative':
        cs[0] = -1;
        break;
      case 'repeatColumn':
        cs.push(cs[cs.length - 1]!);
        break;
      case 'swapColumns':
        if (cs.length < 2) return null;
        [cs[0], cs[1]] = [cs[1]!, cs[0]!];
        break;
      default: {
        const { rowStart, colIndex } = compressedRows(edited);
        if (corruption === 'startNotZero') rowStart[0] = 1;
        if (corruption === 'endNotSize') rowStart[rows] = colIndex.length + 1;
        return { rowStart: corruption === 'rowStartShort' ? rowStart.subarray(0, rows) : rowStart, colIndex };
      }
    }
    return compressedRows(edited);
  }

  it('throws an internal error on unsorted, repeated or out-of-range columns and on row starts that do not frame them', () => {
    fc.assert(
      fc.property(corruptedArb, (input) => {
        const bad = corrupt(input);
        fc.pre(bad !== null);
        const { rows, cols } = input;
        expectInternalError(() => sparsePairSet(rows, cols, bad!.rowStart, bad!.colIndex), input.corruption);
      }),
      { numRuns: runs(200) },
    );
  });

  it('throws an internal error on row starts that decrease, even when each range is well-formed', () => {
    // Rows 0 (pairs 0 .. 2) and 2 (pairs 1 .. 3) overlap: pair 1 would belong to both.
    expectInternalError(() => sparsePairSet(3, 4, Int32Array.of(0, 3, 1, 4), Int32Array.of(0, 1, 2, 3)), 'decreasing');
  });

  it('throws an internal error on a row start beyond the column list', () => {
    // Row 0 would run over pairs 0 .. 4 of a 4-pair list.
    expectInternalError(() => sparsePairSet(2, 8, Int32Array.of(0, 5, 4), Int32Array.of(0, 1, 2, 3)), 'overshooting');
  });

  it('throws an internal error on hand-written malformed rows', () => {
    const cases: [string, () => PairSet][] = [
      ['unsorted', () => sparsePairSet(1, 4, Int32Array.of(0, 2), Int32Array.of(2, 1))],
      ['duplicate', () => sparsePairSet(1, 4, Int32Array.of(0, 2), Int32Array.of(1, 1))],
      ['column = cols', () => sparsePairSet(1, 4, Int32Array.of(0, 1), Int32Array.of(4))],
      ['negative column', () => sparsePairSet(1, 4, Int32Array.of(0, 1), Int32Array.of(-1))],
      ['rowStart too long', () => sparsePairSet(1, 4, Int32Array.of(0, 1, 1), Int32Array.of(0))],
      ['rowStart not from 0', () => sparsePairSet(1, 4, Int32Array.of(1, 1), Int32Array.of(0))],
      ['rowStart short of the pairs', () => sparsePairSet(1, 4, Int32Array.of(0, 1), Int32Array.of(0, 1))],
    ];
    for (const [name, attempt] of cases) expectInternalError(attempt, name);
  });
});
