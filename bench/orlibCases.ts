import { readFileSync } from 'node:fs';
import type { BenchCase } from './benchCase.js';

/** The OR-Library instances this benchmark times (see ../shared/benchmarks/orlib/README.md). */
export const orlibCaseNames = ['assign800', 'assignp800', 'assignp1500', 'assignp3000', 'assignp5000'] as const;

/** Where the OR-Library copies live: `ORLIB_DIR`, else `../shared/benchmarks/orlib` beside the repo. */
export function orlibDirectory(): URL {
  const fromEnv = process.env.ORLIB_DIR;
  return fromEnv !== undefined ? new URL(`file://${fromEnv.replace(/\/?$/, '/')}`) : new URL('../../shared/benchmarks/orlib/', import.meta.url);
}

/**
 * Loads an OR-Library assignment instance (minimise, one-to-one) with its published
 * optimum from `assignopt.txt`. `assignN` files are dense (n, then the n×n costs row by
 * row); `assignpN` files are sparse (n, then 1-based `i j c` triples; absent = forbidden).
 *
 * @example
 * ```ts
 * const c = loadOrlibCase('assignp800'); // c.knownOptimum === 2239
 * ```
 */
export function loadOrlibCase(name: string, dir: URL = orlibDirectory()): BenchCase {
  const tokens = readFileSync(new URL(`${name}.txt`, dir), 'utf8').trim().split(/\s+/).map(Number);
  const n = tokens[0]!;
  const knownOptimum = readOptimum(name, dir);
  if (!name.startsWith('assignp')) {
    if (tokens.length !== 1 + n * n) throw new Error(`${name}: expected ${n * n} costs, found ${tokens.length - 1}`);
    const weights: number[][] = [];
    for (let i = 0; i < n; i++) weights.push(tokens.slice(1 + i * n, 1 + (i + 1) * n));
    return {
      name,
      kind: 'dense',
      description: `OR-Library ${name}: ${n} × ${n} dense, one-to-one, published optimum ${knownOptimum}`,
      rows: n,
      cols: n,
      problem: { weights, sense: 'min' },
      knownOptimum,
    };
  }
  if ((tokens.length - 1) % 3 !== 0) throw new Error(`${name}: the triples are incomplete`);
  const edges: [number, number, number][] = [];
  for (let k = 1; k < tokens.length; k += 3) edges.push([tokens[k]! - 1, tokens[k + 1]! - 1, tokens[k + 2]!]);
  return {
    name,
    kind: 'sparse',
    description: `OR-Library ${name}: ${n} × ${n} sparse (${edges.length} allowed pairs), one-to-one, published optimum ${knownOptimum}`,
    rows: n,
    cols: n,
    problem: { rows: n, cols: n, edges, sense: 'min' },
    knownOptimum,
  };
}

function readOptimum(name: string, dir: URL): number {
  const text = readFileSync(new URL('assignopt.txt', dir), 'utf8');
  const match = new RegExp(`^\\s*${name}\\s+(\\d+)\\s*$`, 'm').exec(text);
  if (match === null) throw new Error(`${name}: no published optimum in assignopt.txt`);
  return Number(match[1]);
}
