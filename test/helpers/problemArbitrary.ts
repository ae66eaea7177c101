import fc from 'fast-check';
import type { AssignmentProblem } from '../../src/solver/types.js';

/** Shape limits for {@link problemArbitrary}. */
export interface ProblemShape {
  readonly maxRows: number;
  readonly maxCols: number;
  /** Largest column capacity (default 3). */
  readonly maxCapacity?: number;
  /**
   * Only problems a one-to-one method accepts: every capacity 1, no minimum loads, every
   * row must be placed (the case `jv` is for).
   */
  readonly oneToOne?: boolean;
  /** As many columns as rows. */
  readonly square?: boolean;
  /** Only dense matrices (default: dense or sparse). */
  readonly denseOnly?: boolean;
}

const integerWeight = fc.integer({ min: -20, max: 60 });
const fractionalWeight = fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true });

/**
 * Random valid assignment problems: dense matrices with some forbidden (null) pairs or
 * sparse edge lists in shuffled order, `max` or `min`, integer or fractional weights,
 * capacities 0..maxCapacity (or the default), some minimum loads, sometimes
 * `allowUnmatched`. Many are infeasible, on purpose.
 */
export function problemArbitrary(shape: ProblemShape): fc.Arbitrary<AssignmentProblem> {
  const maxCapacity = shape.maxCapacity ?? 3;
  const oneToOne = shape.oneToOne === true;
  return fc
    .record({
      rows: fc.integer({ min: 0, max: shape.maxRows }),
      cols: fc.integer({ min: shape.square === true ? 0 : 1, max: shape.maxCols }),
      banRate: fc.constantFrom(0, 0.15, 0.4, 0.7),
      fractional: fc.boolean(),
      sparse: shape.denseOnly === true ? fc.constant(false) : fc.boolean(),
      sense: fc.constantFrom<'max' | 'min' | undefined>('max', 'min', undefined),
      allowUnmatched: oneToOne ? fc.constant(false) : fc.boolean(),
    })
    .map((dims) => (shape.square === true ? { ...dims, cols: dims.rows } : dims))
    .chain((dims) => {
      const weight = dims.fractional ? fractionalWeight : integerWeight;
      const cell = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), weight).map(
        ([roll, w]) => (roll < dims.banRate ? null : w),
      );
      const matrix = fc.array(fc.array(cell, { minLength: dims.cols, maxLength: dims.cols }), {
        minLength: dims.rows,
        maxLength: dims.rows,
      });
      const capacity = oneToOne
        ? fc.constant(undefined)
        : fc.option(fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: dims.cols, maxLength: dims.cols }), {
            nil: undefined,
          });
      const cells = dims.rows * dims.cols;
      return fc.record({
        dims: fc.constant(dims),
        matrix,
        capacity,
        withMin: oneToOne ? fc.constant(false) : fc.boolean(),
        minShare: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: dims.cols, maxLength: dims.cols }),
        order: fc.array(fc.nat(), { minLength: cells, maxLength: cells }),
      });
    })
    .map(({ dims, matrix, capacity, minShare, withMin, order }) => {
      const caps = capacity ?? new Array<number>(dims.cols).fill(1);
      // Small minimum loads, often 0, never above the capacity.
      const minLoad = withMin ? caps.map((c, j) => Math.min(c, Math.floor(minShare[j]! ** 2 * (c + 1)))) : undefined;
      const base = {
        ...(dims.sense === undefined ? {} : { sense: dims.sense }),
        ...(capacity === undefined ? {} : { capacity }),
        ...(minLoad === undefined ? {} : { minLoad }),
        ...(dims.allowUnmatched ? { allowUnmatched: true } : {}),
      };
      if (!dims.sparse) return dims.rows === 0 ? { ...base, weights: [], cols: dims.cols } : { ...base, weights: matrix };
      const edges: [number, number, number][] = [];
      matrix.forEach((row, i) => row.forEach((w, j) => {
        if (w !== null) edges.push([i, j, w]);
      }));
      // Shuffle by sort keys drawn above, so edge order is arbitrary but reproducible.
      const keyed = edges.map((e, k) => ({ e, key: order[k] ?? 0 }));
      keyed.sort((a, b) => a.key - b.key);
      return { ...base, rows: dims.rows, cols: dims.cols, edges: keyed.map((x) => x.e) };
    });
}

/** Size of a problem as the caller wrote it. */
export function shapeOf(problem: AssignmentProblem): { rows: number; cols: number } {
  if (problem.weights !== undefined) {
    return { rows: problem.weights.length, cols: problem.weights[0]?.length ?? problem.cols ?? 0 };
  }
  return { rows: problem.rows ?? 0, cols: problem.cols ?? 0 };
}

/** The same problem with rows and columns renamed: new row r is old row `rowOrder[r]`, likewise columns. */
export function permuteProblem(
  problem: AssignmentProblem,
  rowOrder: readonly number[],
  colOrder: readonly number[],
): AssignmentProblem {
  const newRow = invert(rowOrder);
  const newCol = invert(colOrder);
  const perCol = <T>(values: readonly T[] | undefined) => (values === undefined ? undefined : colOrder.map((j) => values[j]!));
  const capacity = perCol(problem.capacity);
  const minLoad = perCol(problem.minLoad);
  const rest = {
    ...problem,
    ...(capacity === undefined ? {} : { capacity }),
    ...(minLoad === undefined ? {} : { minLoad }),
  };
  if (problem.weights !== undefined) {
    const weights = problem.weights;
    return { ...rest, weights: rowOrder.map((i) => colOrder.map((j) => weights[i]![j]!)) };
  }
  return {
    ...rest,
    edges: (problem.edges ?? []).map(([r, c, w]): [number, number, number] => [newRow[r]!, newCol[c]!, w]),
  };
}

function invert(order: readonly number[]): number[] {
  const out = new Array<number>(order.length);
  order.forEach((old, now) => {
    out[old] = now;
  });
  return out;
}

/** A problem together with a random renaming of its rows and columns. */
export function permutedProblemArbitrary(shape: ProblemShape): fc.Arbitrary<{
  problem: AssignmentProblem;
  rowOrder: number[];
  colOrder: number[];
}> {
  return problemArbitrary(shape).chain((problem) => {
    const { rows, cols } = shapeOf(problem);
    const permutation = (n: number) =>
      fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k), { minLength: n, maxLength: n });
    return fc.record({ problem: fc.constant(problem), rowOrder: permutation(rows), colOrder: permutation(cols) });
  });
}
