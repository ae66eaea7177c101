import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { SolverMethod } from '../../src/solver/types.js';
import { orLibraryDir, readOrLibrary, readOrLibraryOptima } from '../helpers/orLibrary.js';

const dir = orLibraryDir();
if (dir === null) {
  console.warn('OR-Library known-answer tests skipped: ../shared/benchmarks/orlib (beside the repository) is absent');
}

const dense = ['assign100', 'assign200', 'assign300', 'assign400', 'assign500', 'assign600', 'assign700', 'assign800'];
const sparse = ['assignp800'];
const cases: [string, SolverMethod][] = [
  ...dense.flatMap((name) => (['auto', 'jv', 'flow'] as const).map((m): [string, SolverMethod] => [name, m])),
  ...sparse.flatMap((name) => (['auto', 'flow'] as const).map((m): [string, SolverMethod] => [name, m])),
];

describe.skipIf(dir === null)('solveAssignment on the OR-Library assignment instances', () => {
  const optima = dir === null ? new Map<string, number>() : readOrLibraryOptima(join(dir, 'assignopt.txt'));

  it.each(cases)('finds the published optimum of %s with method %s', (name, method) => {
    const optimum = optima.get(name);
    expect(optimum, `${name} is listed in assignopt.txt`).toBeDefined();
    const problem = readOrLibrary(join(dir!, `${name}.txt`));
    const result = solveAssignment(problem, { method });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(optimum);
    expect(result.matched).toBe(result.assignment.length);
  });
});
