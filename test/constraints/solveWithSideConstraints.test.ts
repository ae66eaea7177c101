import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import type { QuotaBackend } from '../../src/constraints/quotaBackend.js';
import { solveWithSideConstraints as solveOn } from '../../src/constraints/solveWithSideConstraints.js';
import type { QuotaInstance, SideConstraint } from '../../src/constraints/sideConstraint.js';
import { isErrorOfKind } from '../../src/errors.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteWithQuotas, meetsQuotas } from '../helpers/bruteWithQuotas.js';
import { sameObjective } from '../helpers/checkResult.js';
import { problemArbitrary, shapeOf } from '../helpers/problemArbitrary.js';
import { runs } from '../helpers/runs.js';
import { scaledProblem } from '../helpers/scaledProblem.js';

/** A problem with 1–3 random quotas over its cells. */
const withQuotas = problemArbitrary({ maxRows: 5, maxCols: 3, maxCapacity: 2 }).chain((problem) => {
  const { rows, cols } = shapeOf(problem);
  const cell = fc.tuple(fc.nat({ max: Math.max(0, rows - 1) }), fc.nat({ max: Math.max(0, cols - 1) }));
  const quota = fc
    .record({
      per: fc.constantFrom('total' as const, 'row' as const, 'col' as const),
      pairs: fc.array(cell, { maxLength: 8 }),
      overPick: fc.array(fc.nat({ max: 5 }), { maxLength: 3 }),
      min: fc.integer({ min: 0, max: 2 }),
      extra: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      // Weighted quotas (shares): halves in [-1, 1], pairs made unique, bounds in [-1, 1].
      weights: fc.option(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 8, maxLength: 8 }), { nil: undefined }),
      weightedMin: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
    })
    .map(({ per, pairs, overPick, min, extra, weights, weightedMin }) => {
      const limit = per === 'row' ? rows : cols;
      const over = per === 'total' || overPick.length === 0 ? undefined : overPick.map((o) => o % Math.max(1, limit));
      const base = { per, pairs: rows === 0 ? [] : pairs, ...(over === undefined || limit === 0 ? {} : { over }) };
      if (weights === undefined) return { ...base, min, ...(extra === undefined ? {} : { max: min + extra }) };
      const unique = [...new Map(base.pairs.map(([i, j]) => [`${i},${j}`, [i, j] as [number, number]])).values()];
      const lo = weightedMin === undefined ? undefined : weightedMin / 2;
      const hi = extra === undefined ? (lo === undefined ? 0 : undefined) : (lo ?? -1) + extra / 2;
      return { ...base, pairs: unique, coefficients: unique.map((_, m) => weights[m]! / 2), ...(lo === undefined ? {} : { min: lo }), ...(hi === undefined ? {} : { max: hi }) };
    });
  return fc.record({
    problem: fc.constant(problem),
    quotas: fc.array(quota, { minLength: 1, maxLength: 3 }).map((qs) => qs.map((q, n): SideConstraint => ({ name: `q${n}`, ...q }))),
  });
});

/** The side constraint that holds exactly one reported instance. */
function asConstraint(instance: QuotaInstance, constraints: readonly SideConstraint[]): SideConstraint {
  const source = constraints.find((c) => c.name === instance.name)!;
  const owner = instance.row ?? instance.col;
  return {
    ...source,
    name: `${instance.name}@${owner}`,
    ...(instance.min === null ? {} : { min: instance.min }),
    ...(instance.max === null ? {} : { max: instance.max }),
    ...(owner === null ? {} : { over: [owner] }),
  };
}

const highs = await loadHighsBackend();
const backends: [string, QuotaBackend][] = [['javascript-lp-solver', lpSolverBackend], ['highs', highs]];

describe.each(backends)('solveWithSideConstraints on %s', (_, backend) => {
  const solveWithSideConstraints: typeof solveOn = (problem, constraints, options = {}) => solveOn(problem, constraints, { backend, ...options });
  it('meets a quota at the cost it names, and says it binds', () => {
    // Unconstrained optimum 5 + 3 = 8 puts row 0 on column 0; the quota forces (0, 1): 1 + 4 = 5.
    const result = solveWithSideConstraints({ weights: [[5, 1], [4, 3]] }, [{ name: 'row0OnCol1', per: 'total', pairs: [[0, 1]], min: 1 }]);
    expect(result).toMatchObject({ status: 'optimal', assignment: [1, 0], objective: 5 });
    if (result.status !== 'optimal') return;
    expect(result.quotas).toEqual([{ name: 'row0OnCol1', tight: 1, instances: 1, cost: 3, rowsLost: 0, binding: true }]);
  });

  it('reports a quota that does not change the optimum as not binding', () => {
    const result = solveWithSideConstraints({ weights: [[5, 1], [4, 3]] }, [{ name: 'capOnDiagonal', per: 'total', pairs: [[0, 0], [1, 1]], max: 2 }]);
    expect(result.status === 'optimal' && result.quotas[0]).toMatchObject({ binding: false, cost: 0 });
  });

  it('names the one quota instance that cannot be met', () => {
    // Column 1 should take two rows from {0, 1} but has one place.
    const result = solveWithSideConstraints(
      { weights: [[1, 1], [1, 1], [1, 1]], capacity: [2, 1] },
      [
        { name: 'fine', per: 'row', pairs: [[2, 0]], over: [2], min: 1 },
        { name: 'twoOnCol1', per: 'col', pairs: [[0, 1], [1, 1]], over: [1], min: 2 },
      ],
    );
    expect(result).toMatchObject({ status: 'infeasible', cause: 'quotas', conflict: [{ name: 'twoOnCol1', row: null, col: 1, min: 2, max: null }] });
  });

  it('names clashing quotas together when each alone can be met', () => {
    // Row 0 must take column 0 and column 0 must take row 1, but column 0 has one place.
    const result = solveWithSideConstraints(
      { weights: [[1, 1], [1, 1]] },
      [
        { name: 'row0OnCol0', per: 'row', pairs: [[0, 0]], over: [0], min: 1 },
        { name: 'col0TakesRow1', per: 'col', pairs: [[1, 0]], over: [0], min: 1 },
      ],
    );
    // By name, as the instances come (see expandQuotas).
    expect(result.status === 'infeasible' && result.conflict.map((c) => c.name)).toEqual(['col0TakesRow1', 'row0OnCol0']);
  });

  it('says when the problem is infeasible without any quota', () => {
    const result = solveWithSideConstraints({ weights: [[1], [1]] }, [{ name: 'q', per: 'total', pairs: [[0, 0]], max: 1 }]);
    expect(result).toMatchObject({ status: 'infeasible', cause: 'problem' });
    expect(result.status === 'infeasible' && result.diagnosis.length).toBeGreaterThan(0);
  });

  it('ignores forbidden pairs and rejects pairs outside the problem, with their paths', () => {
    expect(solveWithSideConstraints({ weights: [[null, 2]] }, [{ name: 'q', per: 'total', pairs: [[0, 0]], min: 1 }])).toMatchObject({ status: 'infeasible', cause: 'quotas' });
    try {
      solveWithSideConstraints({ weights: [[1]] }, [{ name: 'q', per: 'total', pairs: [[0, 0], [3, 0]], min: 0, max: 0 }]);
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidProblem')).toBe(true);
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['$.sideConstraints[0].pairs[1]']);
    }
  });

  it('finds the optimum of weights about 1e-20, and prices its quota at that scale', () => {
    // By hand: row 0 on column 0 (5.3) and row 1 on column 2 (6.3) keep column 2's minimum and the quota
    // (pair (1, 2) is one of its pairs): 11.6, in units of 1e-20; no other choice of at most one row per
    // column-2 place does better (both on column 2: 3.7 + 6.3 = 10).
    const problem: AssignmentProblem = { weights: [[5.3e-20, 4e-20, 3.7e-20], [8e-21, -1.3e-20, 6.3e-20]], capacity: [2, 2, 2], minLoad: [0, 0, 1], allowUnmatched: true };
    const quotas: SideConstraint[] = [{ name: 'q0', per: 'total', pairs: [[0, 1], [0, 2], [1, 1], [1, 2]], min: 1 }];
    expect(bruteWithQuotas(problem, quotas)?.total).toBeCloseTo(1.16e-19, 33);
    expect(solveWithSideConstraints(problem, quotas)).toMatchObject({ status: 'optimal', assignment: [0, 2] });
    // The first test's quota at 2^-70: it costs 3 · 2^-70 and binds.
    const scale = 2 ** -70;
    const priced = solveWithSideConstraints({ weights: [[5 * scale, scale], [4 * scale, 3 * scale]] }, [{ name: 'row0OnCol1', per: 'total', pairs: [[0, 1]], min: 1 }]);
    expect(priced).toMatchObject({ status: 'optimal', assignment: [1, 0], objective: 5 * scale, quotas: [{ cost: 3 * scale, binding: true }] });
  });

  it('meets every quota in every returned solution, with the exhaustive optimum, at weights scaled by 2^k for k in [-100, 100]', () => {
    fc.assert(
      // Unscaled (k = 0) half of the time, as the weights are written.
      fc.property(withQuotas, fc.oneof(fc.constant(0), fc.integer({ min: -100, max: 100 })), ({ problem, quotas }, k) => {
        const { rows, cols } = shapeOf(problem);
        const expected = bruteWithQuotas(problem, quotas);
        const factor = 2 ** k;
        const result = solveWithSideConstraints(scaledProblem(problem, factor), quotas, { priceQuotas: false });
        if (expected === null) {
          expect(result.status).toBe('infeasible');
          return;
        }
        if (result.status !== 'optimal') throw new Error(`expected an optimum, got ${JSON.stringify(result)}`);
        expect(meetsQuotas(quotas, result.assignment, rows, cols)).toBe(true);
        expect(result.matched).toBe(expected.matched);
        expect(sameObjective(result.objective / factor, expected.total), `${result.objective / factor} vs ${expected.total}`).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it('names an irreducible conflict: infeasible together, feasible without any one of them', () => {
    fc.assert(
      fc.property(withQuotas, ({ problem, quotas }) => {
        const result = solveWithSideConstraints(problem, quotas, { priceQuotas: false });
        if (result.status !== 'infeasible' || result.cause !== 'quotas') return;
        const parts = result.conflict.map((c) => asConstraint(c, quotas));
        expect(parts.length).toBeGreaterThan(0);
        expect(bruteWithQuotas(problem, parts)).toBeNull();
        parts.forEach((_, k) => expect(bruteWithQuotas(problem, parts.filter((__, m) => m !== k))).not.toBeNull());
      }),
      { numRuns: runs(100) },
    );
  });
});

describe('solveWithSideConstraints with an untrusted backend', () => {
  // Row 0 must take column 1: the only answer is [1, 0] (5 = 1 + 4).
  const problem: AssignmentProblem = { weights: [[5, 1], [4, 3]] };
  const quota: SideConstraint[] = [{ name: 'row0OnCol1', per: 'total', pairs: [[0, 1]], min: 1 }];
  // Variables are the allowed pairs in row-major order: (0,0), (0,1), (1,0), (1,1).
  const answering = (status: 'optimal' | 'timeLimit', values: number[] | null): QuotaBackend => ({
    name: 'highs',
    solve: () => ({ status, values: values === null ? null : Float64Array.from(values) }) as ReturnType<QuotaBackend['solve']>,
  });

  it('never calls a time-limited answer optimal, though it keeps every quota', () => {
    const result = solveOn(problem, quota, { backend: answering('timeLimit', [0, 1, 1, 0]) });
    expect(result).toMatchObject({ status: 'feasible', reason: 'timeLimit', assignment: [1, 0], objective: 5 });
    if (result.status === 'feasible') expect(result.quotas[0]!.binding).toBeNull();
  });

  it('says unknown when the time limit passes without an answer', () => {
    expect(solveOn(problem, quota, { backend: answering('timeLimit', null) })).toMatchObject({ status: 'unknown', reason: 'timeLimit' });
  });

  it('rejects an answer that breaks a quota, a fractional one, and one that places a row twice', () => {
    for (const values of [[1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5], [1, 1, 1, 0]]) {
      expect(() => solveOn(problem, quota, { backend: answering('optimal', values) })).toThrow(expect.objectContaining({ kind: 'internal' }));
    }
  });

  it('passes the time limit to the backend', () => {
    const seen: number[] = [];
    const backend: QuotaBackend = { name: 'javascript-lp-solver', solve: (program, limits) => (seen.push(limits.timeLimitSeconds), lpSolverBackend.solve(program, limits)) };
    solveOn(problem, quota, { backend, timeLimitSeconds: 7, priceQuotas: false });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s === 7)).toBe(true);
  });
});
