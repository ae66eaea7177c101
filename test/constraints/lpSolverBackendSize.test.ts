import { describe, expect, it } from 'vitest';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import type { ZeroOneProgram } from '../../src/constraints/zeroOneProgram.js';

/** `n` binary variables, each in one constraint `x ≤ 1` of its own row group of `rows`. */
function program(n: number, rows: number): ZeroOneProgram {
  const start = Int32Array.from({ length: rows + 1 }, (_, r) => Math.floor((r * n) / rows));
  return { variables: n, sense: 'max', objective: new Float64Array(n).fill(1), start, index: Int32Array.from({ length: n }, (_, k) => k), value: new Float64Array(n).fill(1), lower: new Float64Array(rows).fill(-Infinity), upper: new Float64Array(rows).fill(1) };
}

describe('javascript-lp-solver as the quota backend', () => {
  it('refuses a program whose tableau would not fit, naming its size and HiGHS, before solving', () => {
    // 40,000 pairs: a row per binary makes about 40,000 × 40,000 entries (12.8 GB).
    let thrown: unknown;
    try {
      lpSolverBackend.solve(program(40_000, 400), { timeLimitSeconds: Infinity });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ kind: 'invalidArgument' });
    expect(String((thrown as Error).message)).toMatch(/about 13 GB for 40,000 pairs and 400 constraints.*loadHighsBackend/);
  });

  it('still solves a program that fits', () => {
    // 200 pairs, 20 rows of 10 each, each row at most 1: the best is 20.
    const outcome = lpSolverBackend.solve(program(200, 20), { timeLimitSeconds: Infinity });
    expect(outcome.status).toBe('optimal');
    if (outcome.status === 'optimal') expect(outcome.values.reduce((a, b) => a + b, 0)).toBe(20);
  });
});
