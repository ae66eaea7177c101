import fc from 'fast-check';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { seededRandom } from './seededRandom.js';

/** How the weights of a {@link VolumeProblemSpec} are drawn. */
export type WeightKind = 'fewValues' | 'integer' | 'fractional' | 'wideRange';

/** How the capacities of a {@link VolumeProblemSpec} are drawn. */
export type CapacityKind = 'one' | 'tight' | 'loose' | 'someZero';

/**
 * The parameters of one random problem: small enough to print and shrink, expanded into a
 * problem by {@link buildVolumeProblem} with a seeded generator (fast-check shrinks the
 * parameters, which shrinks the problem).
 */
export interface VolumeProblemSpec {
  readonly rows: number;
  readonly cols: number;
  /** Share of pairs that are allowed (the others forbidden). */
  readonly density: number;
  readonly sparse: boolean;
  readonly sense: 'max' | 'min';
  readonly weights: WeightKind;
  readonly capacity: CapacityKind;
  /** Share of each column's capacity that becomes its minimum load (0: none). */
  readonly minShare: number;
  readonly allowUnmatched: boolean;
  readonly seed: number;
}

/** Shape limits for {@link volumeProblemArbitrary}. */
export interface VolumeShape {
  readonly maxRows: number;
  readonly maxCols: number;
  /** Square, dense, capacity 1, no minimum loads, every row placed: what `jv` accepts. */
  readonly oneToOne?: boolean;
}

function weightOf(kind: WeightKind, next: () => number): number {
  switch (kind) {
    case 'fewValues':
      return Math.floor(next() * 4);
    case 'integer':
      return Math.floor(next() * 81) - 20;
    case 'fractional':
      return Math.round((next() * 200 - 100) * 1e6) / 1e6;
    case 'wideRange':
      return (next() < 0.5 ? -1 : 1) * 10 ** (next() * 8 - 3);
  }
}

/** Expands a spec into the problem a caller would write (dense `weights` or sparse `edges`). */
export function buildVolumeProblem(spec: VolumeProblemSpec): AssignmentProblem {
  const next = seededRandom(spec.seed);
  const { rows, cols } = spec;
  const matrix: (number | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: (number | null)[] = [];
    for (let j = 0; j < cols; j++) row.push(next() < spec.density ? weightOf(spec.weights, next) : null);
    matrix.push(row);
  }
  let capacity: number[] | undefined;
  if (spec.capacity === 'tight') {
    // Spread rows over the columns so total capacity is about the number of rows.
    capacity = new Array<number>(cols).fill(0);
    for (let i = 0; i < rows; i++) capacity[Math.floor(next() * cols)]!++;
  } else if (spec.capacity === 'loose') {
    capacity = Array.from({ length: cols }, () => 1 + Math.floor(next() * Math.max(1, (2 * rows) / Math.max(1, cols))));
  } else if (spec.capacity === 'someZero') {
    capacity = Array.from({ length: cols }, () => (next() < 0.3 ? 0 : 1 + Math.floor(next() * 6)));
  }
  const minLoad = spec.minShare > 0 && capacity !== undefined ? capacity.map((c) => Math.floor(c * spec.minShare * next())) : undefined;
  const base: AssignmentProblem = {
    sense: spec.sense,
    ...(capacity === undefined ? {} : { capacity }),
    ...(minLoad === undefined ? {} : { minLoad }),
    ...(spec.allowUnmatched ? { allowUnmatched: true } : {}),
  };
  if (!spec.sparse) return rows === 0 ? { ...base, weights: [], cols } : { ...base, weights: matrix };
  const edges: [number, number, number][] = [];
  matrix.forEach((row, i) => row.forEach((w, j) => {
    if (w !== null) edges.push([i, j, w]);
  }));
  // Edge order carries no meaning: shuffle it (Fisher–Yates on the same generator).
  for (let k = edges.length - 1; k > 0; k--) {
    const other = Math.floor(next() * (k + 1));
    [edges[k], edges[other]] = [edges[other]!, edges[k]!];
  }
  return { ...base, rows, cols, edges };
}

/**
 * Specs of random problems for cross-checks at volume: dense and sparse, `max` and `min`,
 * four kinds of weights (few distinct values, so many ties; integers; fractions; magnitudes
 * from 1e-3 to 1e5), capacities of 1, about as many places as rows, more, or some zero,
 * sometimes minimum loads, sometimes `allowUnmatched`. Many are infeasible, on purpose.
 */
export function volumeSpecArbitrary(shape: VolumeShape): fc.Arbitrary<VolumeProblemSpec> {
  const oneToOne = shape.oneToOne === true;
  return fc
    .record({
      rows: fc.integer({ min: 0, max: shape.maxRows }),
      cols: fc.integer({ min: oneToOne ? 0 : 1, max: shape.maxCols }),
      density: fc.constantFrom(1, 1, 0.8, 0.5, 0.25, 0.1),
      sparse: oneToOne ? fc.constant(false) : fc.boolean(),
      sense: fc.constantFrom<'max' | 'min'>('max', 'min'),
      weights: fc.constantFrom<WeightKind>('fewValues', 'integer', 'fractional', 'wideRange'),
      capacity: oneToOne ? fc.constant<CapacityKind>('one') : fc.constantFrom<CapacityKind>('one', 'tight', 'loose', 'someZero'),
      minShare: oneToOne ? fc.constant(0) : fc.constantFrom(0, 0, 0, 0.5, 1),
      allowUnmatched: oneToOne ? fc.constant(false) : fc.boolean(),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    })
    .map((spec) => (oneToOne ? { ...spec, cols: spec.rows } : spec));
}
