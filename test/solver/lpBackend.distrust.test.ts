import type { Model } from 'javascript-lp-solver';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { solveWithLp } from '../../src/solver/lpBackend.js';
import { normalizeProblem } from '../../src/solver/normalizeProblem.js';

/** Answers the next LP solves will return instead of the real solver's, in order. */
const scripted: Record<string, number | boolean>[] = [];
const seen: Model[] = [];

vi.mock('javascript-lp-solver', async (importActual) => {
  const actual = (await importActual<{ default: { Solve(model: Model): unknown } }>()).default;
  return {
    default: {
      Solve(model: Model): unknown {
        seen.push(model);
        return scripted.shift() ?? actual.Solve(model);
      },
    },
  };
});

beforeEach(() => {
  scripted.length = 0;
  seen.length = 0;
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

// Best: row 0 → column 0, row 1 → column 1, total 4.
const problem = normalizeProblem({ weights: [[3, 1], [1, 1]] });

describe('solveWithLp distrusting javascript-lp-solver', () => {
  it('re-solves as a 0/1 program when the LP answer is fractional', () => {
    scripted.push({ feasible: true, bounded: true, result: 3, x_0_0: 0.5, x_0_1: 0.5, x_1_0: 0.5, x_1_1: 0.5 });
    const result = solveWithLp(problem);
    expect(result).toMatchObject({ status: 'optimal', objective: 4, assignment: [0, 1] });
    expect(seen).toHaveLength(2);
    expect(Object.keys(seen[1]!.binaries ?? {}).sort()).toEqual(['x_0_0', 'x_0_1', 'x_1_0', 'x_1_1']);
  });

  it('re-solves when the answer breaks a constraint', () => {
    scripted.push({ feasible: true, bounded: true, result: 4, x_0_0: 1, x_0_1: 1, x_1_1: 1 });
    expect(solveWithLp(problem)).toMatchObject({ status: 'optimal', objective: 4 });
    expect(seen).toHaveLength(2);
  });

  it('throws rather than return an answer it cannot verify', () => {
    const fractional = { feasible: true, bounded: true, result: 3, x_0_0: 0.5, x_0_1: 0.5, x_1_0: 0.5, x_1_1: 0.5 };
    scripted.push(fractional, fractional);
    expect(isErrorOfKind(thrownBy(() => solveWithLp(problem)), 'internal')).toBe(true);
  });

  it('throws rather than call a suboptimal assignment optimal', () => {
    scripted.push({ feasible: true, bounded: true, result: 2, x_0_1: 1, x_1_0: 1 });
    expect(isErrorOfKind(thrownBy(() => solveWithLp(problem)), 'internal')).toBe(true);
  });

  it('recomputes the objective from the weights instead of taking the solver\'s', () => {
    scripted.push({ feasible: true, bounded: true, result: 3.9999999, x_0_0: 1, x_1_1: 0.9999999999 });
    expect(solveWithLp(problem)).toMatchObject({ status: 'optimal', objective: 4 });
  });
});
