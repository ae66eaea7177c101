import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { solveTransportation, transportationProven, type TransportationProblem } from '../../src/solver/transportation.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { bruteForce } from '../helpers/bruteForce.js';
import { runs } from '../helpers/runs.js';

/** Each source written out as `supply` identical unit rows: the assignment problem the transportation problem stands for. */
function unitRows(problem: TransportationProblem): AssignmentProblem {
  const edges: [number, number, number][] = [];
  let rows = 0;
  for (let s = 0; s < problem.sources; s++) {
    for (let u = 0; u < problem.supply[s]!; u++, rows++) {
      for (let p = problem.rowStart[s]!; p < problem.rowStart[s + 1]!; p++) {
        const w = problem.weight[p]!;
        if (Number.isFinite(w)) edges.push([rows, problem.colIndex[p]!, w]);
      }
    }
  }
  return { rows, cols: problem.sinks, edges, capacity: Array.from(problem.capacity), ...(problem.minLoad === undefined ? {} : { minLoad: Array.from(problem.minLoad) }), sense: 'max' };
}

/**
 * A problem from its dense table (row-major sources × sinks, NaN forbidden): every pair listed,
 * or (`omitForbidden`) the forbidden ones left out of the rows.
 */
function fromDense(sources: number, sinks: number, supply: number[], capacity: number[], table: number[], omitForbidden = false, minLoad?: number[]): TransportationProblem {
  const rowStart = [0];
  const colIndex: number[] = [];
  const weight: number[] = [];
  for (let s = 0; s < sources; s++) {
    for (let j = 0; j < sinks; j++) {
      const w = table[s * sinks + j]!;
      if (omitForbidden && Number.isNaN(w)) continue;
      colIndex.push(j);
      weight.push(w);
    }
    rowStart.push(colIndex.length);
  }
  return { sources, sinks, supply: Int32Array.from(supply), capacity: Int32Array.from(capacity), rowStart: Int32Array.from(rowStart), colIndex: Int32Array.from(colIndex), weight: Float64Array.from(weight), ...(minLoad === undefined ? {} : { minLoad: Int32Array.from(minLoad) }) };
}

const problems = (most: { sources: number; sinks: number; supply: number; capacity: number }) =>
  fc
    .record({
      sources: fc.integer({ min: 1, max: most.sources }),
      sinks: fc.integer({ min: 1, max: most.sinks }),
      seedWeights: fc.array(fc.oneof(fc.integer({ min: -20, max: 40 }), fc.constant(Number.NaN), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: most.sources * most.sinks, maxLength: most.sources * most.sinks }),
      supply: fc.array(fc.integer({ min: 0, max: most.supply }), { minLength: most.sources, maxLength: most.sources }),
      capacity: fc.array(fc.integer({ min: 0, max: most.capacity }), { minLength: most.sinks, maxLength: most.sinks }),
      omitForbidden: fc.boolean(),
      // Per sink, its minimum load (cut to its capacity; 0 for about half), or none at all.
      minimums: fc.option(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: most.capacity })), { minLength: most.sinks, maxLength: most.sinks })),
    })
    .map(({ sources, sinks, seedWeights, supply, capacity, omitForbidden, minimums }) => {
      const capacities = capacity.slice(0, sinks);
      const minLoad = minimums === null ? undefined : capacities.map((c, j) => Math.min(c, minimums[j]!));
      return fromDense(sources, sinks, supply.slice(0, sources), capacities, seedWeights.slice(0, sources * sinks), omitForbidden, minLoad);
    });

function shipped(problem: TransportationProblem, flow: Int32Array): { bySource: number[]; bySink: number[] } {
  const bySource = new Array<number>(problem.sources).fill(0);
  const bySink = new Array<number>(problem.sinks).fill(0);
  for (let s = 0; s < problem.sources; s++) {
    for (let p = problem.rowStart[s]!; p < problem.rowStart[s + 1]!; p++) {
      bySource[s]! += flow[p]!;
      bySink[problem.colIndex[p]!]! += flow[p]!;
    }
  }
  return { bySource, bySink };
}

describe('solveTransportation', () => {
  it('ships a small problem at its known optimum, through a reversed pair', () => {
    // Source 0 prefers sink 0 (weight 10 vs 9); source 1 can only use sink 0 (weight 8).
    // Sink 0 has one place: the optimum sends source 1 there and source 0 to sink 1 (9 + 8 = 17),
    // which the second search reaches by taking source 0's unit back from sink 0.
    const problem = fromDense(2, 2, [1, 1], [1, 1], [10, 9, 8, Number.NaN]);
    const result = solveTransportation(problem);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(Array.from(result.flow)).toEqual([0, 1, 1, 0]);
    expect(result.objective).toBe(17);
    expect(transportationProven(problem, result.flow, result.sourceDual, result.sinkDual)).toBe(true);
  });

  it('reaches the optimum of the unit rows it stands for, by the flow solver, the LP backend and exhaustive search', () => {
    fc.assert(
      fc.property(problems({ sources: 4, sinks: 5, supply: 4, capacity: 4 }), (problem) => {
        const result = solveTransportation(problem);
        const units = unitRows(problem);
        const flow = solveAssignment(units, { method: 'flow' });
        const lp = solveAssignment(units, { method: 'lp' });
        expect(lp.status).toBe(flow.status);
        if (flow.status !== 'optimal') {
          expect(['unshippable', 'unfillable']).toContain(result.status);
          return;
        }
        expect(result.status).toBe('optimal');
        if (result.status !== 'optimal' || lp.status !== 'optimal') return;
        const scale = 1 + Math.abs(flow.objective);
        expect(Math.abs(result.objective - flow.objective)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(result.objective - lp.objective)).toBeLessThanOrEqual(1e-6 * scale);
        const { bySource, bySink } = shipped(problem, result.flow);
        expect(bySource).toEqual(Array.from(problem.supply));
        bySink.forEach((n, j) => {
          expect(n).toBeLessThanOrEqual(problem.capacity[j]!);
          expect(n).toBeGreaterThanOrEqual(problem.minLoad?.[j] ?? 0);
        });
        expect(transportationProven(problem, result.flow, result.sourceDual, result.sinkDual)).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it('agrees with exhaustive search on problems of a few units', () => {
    fc.assert(
      fc.property(problems({ sources: 3, sinks: 3, supply: 2, capacity: 3 }), (problem) => {
        const units = unitRows(problem);
        if ((units.rows ?? 0) > 6) return;
        const truth = bruteForce(units);
        const result = solveTransportation(problem);
        expect(result.status === 'optimal').toBe(truth.feasible);
        if (result.status === 'optimal') expect(Math.abs(result.objective - truth.objective!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(truth.objective!)));
      }),
      { numRuns: runs(300) },
    );
  });

  it('names a source whose supply cannot all be shipped, with the capacity short', () => {
    const problem = fromDense(2, 2, [2, 3], [2, 2], [1, 1, 1, Number.NaN], true);
    expect(solveTransportation(problem)).toMatchObject({ status: 'unshippable', source: 1 });
  });

  it('meets a minimum load at its known optimum, the sink priced below 0', () => {
    // One source of 2 units; sink 0 weighs 10 with room for both, sink 1 weighs 1, has room for both and must take one.
    const problem = fromDense(1, 2, [2], [2, 2], [10, 1], false, [0, 1]);
    const result = solveTransportation(problem);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(Array.from(result.flow)).toEqual([1, 1]);
    expect(result.objective).toBe(11);
    // The minimum costs 9 a unit: sink 1's dual says so.
    expect(result.sinkDual[1]! + 9).toBeCloseTo(0, 12);
    expect(transportationProven(problem, result.flow, result.sourceDual, result.sinkDual)).toBe(true);
    // Without the minimum both units go to sink 0; that flow does not prove the problem with it.
    const free: TransportationProblem = { ...problem, minLoad: Int32Array.of(0, 0) };
    const unbound = solveTransportation(free);
    if (unbound.status !== 'optimal') throw new Error('expected optimal');
    expect(Array.from(unbound.flow)).toEqual([2, 0]);
    expect(transportationProven(problem, unbound.flow, unbound.sourceDual, unbound.sinkDual)).toBe(false);
    // Nor do duals that price a sink above its minimum below 0.
    expect(transportationProven(free, unbound.flow, Float64Array.from(unbound.sourceDual, (u) => u + 1), Float64Array.of(-1, -1))).toBe(false);
  });

  it('names a sink whose minimum load cannot be met', () => {
    // Sink 2 must take a unit that no source may send it.
    expect(solveTransportation(fromDense(2, 3, [1, 1], [2, 2, 1], [1, 2, Number.NaN, 3, 1, Number.NaN], true, [0, 0, 1]))).toMatchObject({ status: 'unfillable', sink: 2 });
    // Minimums of 3 units in all, from 2 units of supply.
    expect(solveTransportation(fromDense(1, 2, [2], [2, 2], [1, 1], false, [1, 2]))).toMatchObject({ status: 'unfillable' });
  });

  it('stops when its scans pass the budget', () => {
    const problem = fromDense(2, 3, [2, 2], [1, 1, 2], [3, 2, 1, 3, 2, 1]);
    expect(solveTransportation(problem, 3).status).toBe('overBudget');
    expect(solveTransportation(problem).status).toBe('optimal');
  });

  it('rejects a flow or duals that do not prove the optimum', () => {
    const problem = fromDense(2, 2, [1, 1], [1, 1], [10, 9, 8, Number.NaN]);
    const result = solveTransportation(problem);
    if (result.status !== 'optimal') throw new Error('expected optimal');
    const { flow, sourceDual, sinkDual } = result;
    // Each sink still takes one unit, but the worse way round (10 + nothing allowed): a forbidden pair.
    expect(transportationProven(problem, Int32Array.of(1, 0, 0, 1), sourceDual, sinkDual)).toBe(false);
    // A unit short.
    expect(transportationProven(problem, Int32Array.of(0, 1, 0, 0), sourceDual, sinkDual)).toBe(false);
    // Duals lowered: a pair left uncovered.
    expect(transportationProven(problem, flow, Float64Array.from(sourceDual, (u) => u - 1), sinkDual)).toBe(false);
    // A sink with room priced above 0.
    const roomy: TransportationProblem = { ...problem, capacity: Int32Array.of(1, 2) };
    const spare = solveTransportation(roomy);
    if (spare.status !== 'optimal') throw new Error('expected optimal');
    expect(transportationProven(roomy, spare.flow, spare.sourceDual, spare.sinkDual)).toBe(true);
    expect(transportationProven(roomy, spare.flow, Float64Array.from(spare.sourceDual, (u) => u - 1), Float64Array.from(spare.sinkDual, (v) => v + 1))).toBe(false);
  });
});
