import type { BenchCase } from './benchCase.js';
import { mulberry32, randomInt } from './prng.js';

/**
 * The generated cases of issue 2's benchmark. All minimise (`sense: 'min'`), because the
 * peers minimise: every implementation solves the very same problem. Integer weights
 * 0–999, each case from its own fixed seed.
 */
export const generatedCaseNames = [
  'dense-100',
  'dense-300',
  'dense-1000',
  'dense-2000',
  'capacitated-1000x100x10',
  'sparse-100kx10k-cap10',
  'sparse-100kx10k-cap12',
] as const;

/** Name of a generated case. */
export type GeneratedCaseName = (typeof generatedCaseNames)[number];

/** Largest weight + 1: weights are integers in `[0, WEIGHT_BOUND)`. */
const WEIGHT_BOUND = 1000;

/** True when `name` is one of {@link generatedCaseNames}. */
export function isGeneratedCaseName(name: string): name is GeneratedCaseName {
  return (generatedCaseNames as readonly string[]).includes(name);
}

/**
 * Builds a named case; the same name always gives the same problem.
 *
 * @example
 * ```ts
 * const c = makeCase('dense-300'); // 300 × 300, one-to-one, seed 300
 * ```
 */
export function makeCase(name: GeneratedCaseName): BenchCase {
  switch (name) {
    case 'dense-100':
      return denseCase(name, 100, 100);
    case 'dense-300':
      return denseCase(name, 300, 300);
    case 'dense-1000':
      return denseCase(name, 1000, 1000);
    case 'dense-2000':
      return denseCase(name, 2000, 2000);
    case 'capacitated-1000x100x10':
      return capacitatedCase(name, 1000, 100, 10, 1_000_100);
    case 'sparse-100kx10k-cap10':
      return sparseCase(name, 100_000, 10_000, 10, 10, 100_010);
    case 'sparse-100kx10k-cap12':
      // Same graph and weights as cap10 (same seed): only the capacity differs.
      return sparseCase(name, 100_000, 10_000, 10, 12, 100_010);
  }
}

function denseMatrix(rows: number, cols: number, seed: number): number[][] {
  const next = mulberry32(seed);
  const weights: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(cols);
    for (let j = 0; j < cols; j++) row[j] = randomInt(next, WEIGHT_BOUND);
    weights.push(row);
  }
  return weights;
}

function denseCase(name: string, rows: number, seed: number): BenchCase {
  return {
    name,
    kind: 'dense',
    description: `${rows} × ${rows}, one-to-one, integer weights 0–999, seed ${seed}`,
    rows,
    cols: rows,
    problem: { weights: denseMatrix(rows, rows, seed), sense: 'min' },
  };
}

function capacitatedCase(name: string, rows: number, cols: number, capacity: number, seed: number): BenchCase {
  return {
    name,
    kind: 'capacitated',
    description: `${rows.toLocaleString('en-US')} rows × ${cols} columns, capacity ${capacity} each, integer weights 0–999, seed ${seed}`,
    rows,
    cols,
    problem: { weights: denseMatrix(rows, cols, seed), capacity: new Array<number>(cols).fill(capacity), sense: 'min' },
  };
}

function sparseCase(name: string, rows: number, cols: number, degree: number, capacity: number, seed: number): BenchCase {
  const next = mulberry32(seed);
  const edges: [number, number, number][] = [];
  const picked: number[] = [];
  for (let i = 0; i < rows; i++) {
    picked.length = 0;
    while (picked.length < degree) {
      const j = randomInt(next, cols);
      if (!picked.includes(j)) picked.push(j);
    }
    for (const j of picked) edges.push([i, j, randomInt(next, WEIGHT_BOUND)]);
  }
  const tight = capacity * cols === rows ? ' (tight: total capacity = rows)' : '';
  return {
    name,
    kind: 'sparse',
    description:
      `${rows.toLocaleString('en-US')} rows × ${cols.toLocaleString('en-US')} columns, ${degree} distinct random candidate columns per row, ` +
      `capacity ${capacity} each${tight}, integer weights 0–999, seed ${seed}`,
    rows,
    cols,
    problem: { rows, cols, edges, capacity: new Array<number>(cols).fill(capacity), sense: 'min' },
  };
}
