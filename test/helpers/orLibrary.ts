import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AssignmentProblem } from '../../src/solver/types.js';

/**
 * Where the OR-Library copies live: `../shared/benchmarks/orlib` seen from the repository
 * root (CI clones the repo with `shared/` beside it). Null when that directory is absent.
 */
export function orLibraryDir(): string | null {
  const dir = fileURLToPath(new URL('../../../shared/benchmarks/orlib/', import.meta.url));
  return existsSync(dir) ? dir : null;
}

/**
 * Reads an OR-Library assignment instance as a `min` problem. Dense files (`assignN`) hold
 * n and then the n×n cost matrix; sparse ones (`assignpN`) hold n and then 1-based
 * `i j cost` triples, absent pairs forbidden. Line breaks carry no meaning in either, so the
 * format is told apart by the number of values.
 */
export function readOrLibrary(path: string): AssignmentProblem {
  const values = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
  const n = values[0]!;
  if (!Number.isInteger(n) || n <= 0 || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`${path}: not an OR-Library assignment file`);
  }
  const body = values.length - 1;
  if (body === n * n) {
    const weights = Array.from({ length: n }, (_, i) => values.slice(1 + i * n, 1 + (i + 1) * n));
    return { weights, sense: 'min' };
  }
  if (body % 3 !== 0) throw new Error(`${path}: ${body} values fit neither a dense nor a sparse instance of size ${n}`);
  const edges: [number, number, number][] = [];
  for (let at = 1; at < values.length; at += 3) edges.push([values[at]! - 1, values[at + 1]! - 1, values[at + 2]!]);
  return { rows: n, cols: n, edges, sense: 'min' };
}

/** Published optima from `assignopt.txt`: instance name (e.g. `assign100`) → value. */
export function readOrLibraryOptima(path: string): Map<string, number> {
  const optima = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(assign\w+)\s+(-?\d+(?:\.\d+)?)\s*$/.exec(line);
    if (match !== null) optima.set(match[1]!, Number(match[2]));
  }
  return optima;
}
